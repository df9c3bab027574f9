package dev.kuja.report;

import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.CutSets;
import dev.kuja.analysis.InterfaceReport;
import dev.kuja.analysis.Ranking;
import dev.kuja.analysis.SpofReport;
import dev.kuja.model.Criticality;
import dev.kuja.model.Model;
import dev.kuja.region.Commitments;
import dev.kuja.scenario.MonteCarlo;
import dev.kuja.scenario.RiskMatrix;
import dev.kuja.simulation.FunctionOutcome;
import dev.kuja.simulation.RecoveryObjectives;
import dev.kuja.simulation.Scenario;
import dev.kuja.simulation.SimulationResult;
import dev.kuja.simulation.Simulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The continuity report of a model: the whole picture that {@code kuja report} prints and the
 * HTML report draws, computed once and then rendered as often as needed. It holds
 *
 * <ul>
 *   <li>the single points of failure of every function, found all at once ({@link
 *       Analysis#spofs()}): every report knows its counts, its explanations are made when first
 *       read;
 *   <li>the same reports ordered by exposure ({@link #byExposure()}), the order in which every
 *       renderer lists functions and picks the ones it shows when it shows a few;
 *   <li>the minimal failure sets of order up to 2 (the "double points of failure") of the most
 *       exposed functions — as many as {@link Builder#doublePoints(int)} says, 20 unless told
 *       otherwise — extended from their SPOFs rather than found again;
 *   <li>the criticality ranking of every node;
 *   <li>the interfaces between organisations, their SPOF marks taken from the ranking;
 *   <li>the coordination matrix: the critical interfaces, read off the SPOFs and the interfaces;
 *   <li>the commitments of external services, checked against their providers' models;
 *   <li>the outcome of every scenario simulated, in the order given;
 *   <li>the computed risk matrix (docs/risk.md#the-risk-matrix), when some function has impact
 *       thresholds: per threat and for all causes, the probability per year of each impact
 *       level, from an ensemble of 10,000 years with seed 1 unless {@link Builder#risk(MonteCarlo)}
 *       says otherwise;
 *   <li>the recovery objectives rolled up through the chains (docs/risk.md#recovery-objectives):
 *       what every node must restore within, and the declared RTOs longer than that;
 *   <li>the {@linkplain #totals() totals} of each part, which bounded renderings print beside
 *       the rows they show.
 * </ul>
 *
 * <p>Build with {@link #of(Model)} or {@link #builder(Model)}; the value is immutable and
 * thread-safe. Building runs every analysis, so it takes as long as they do together (on the
 * 10^6-node generated model, seconds: see bench/README.md); a {@link Listener} hears each stage
 * as it starts.
 *
 * <pre>{@code
 * Report report = Report.builder(model).scenario(storm)
 *     .listener(stage -> System.err.println(stage + " …"))
 *     .build();
 * report.spofs("emergency-care").commonCause();
 * }</pre>
 */
public final class Report {

  /** The largest order of the minimal failure sets in a report: the double points of failure. */
  public static final int CUT_SET_ORDER = 2;

  /** The number of functions whose double points of failure a report finds unless told otherwise. */
  public static final int DEFAULT_DOUBLE_POINTS = 20;

  private final Model model;
  private final List<SpofReport> spofs;
  private final List<SpofReport> byExposure;
  private final List<CutSets> cutSets;
  private final Map<String, CutSets> cutSetsByFunction;
  private final Ranking ranking;
  private final InterfaceReport interfaces;
  private final Coordination coordination;
  private final Commitments commitments;
  private final List<SimulationResult> simulations;
  private final Optional<RiskMatrix> riskMatrix;
  private final RecoveryObjectives objectives;
  private final Map<String, Integer> functionIndex;
  private final Totals totals;

  private Report(Model model, List<SpofReport> spofs, List<SpofReport> byExposure,
      List<CutSets> cutSets, Ranking ranking, InterfaceReport interfaces, Commitments commitments,
      List<SimulationResult> simulations, Optional<RiskMatrix> riskMatrix,
      RecoveryObjectives objectives) {
    this.model = model;
    this.spofs = spofs;
    this.byExposure = byExposure;
    this.cutSets = List.copyOf(cutSets);
    Map<String, CutSets> bySet = new HashMap<>();
    for (CutSets c : this.cutSets) {
      bySet.put(c.target(), c);
    }
    this.cutSetsByFunction = Map.copyOf(bySet);
    this.ranking = ranking;
    this.interfaces = interfaces;
    this.coordination = Coordination.of(model, this.spofs, interfaces);
    this.commitments = commitments;
    this.simulations = List.copyOf(simulations);
    this.riskMatrix = riskMatrix;
    this.objectives = objectives;
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < this.spofs.size(); i++) {
      index.put(this.spofs.get(i).target(), i);
    }
    this.functionIndex = index;
    this.totals = Totals.of(model, spofs, this.cutSets, ranking, interfaces, coordination,
        commitments);
  }

  /** The report of a model without scenarios. */
  public static Report of(Model model) {
    return builder(model).build();
  }

  /** A builder of the report of {@code model}, to add scenarios and a listener. */
  public static Builder builder(Model model) {
    return new Builder(Objects.requireNonNull(model, "model"));
  }

  /** The model reported on. */
  public Model model() {
    return model;
  }

  /** The single points of failure of every function of the model, in model order. */
  public List<SpofReport> spofs() {
    return spofs;
  }

  /**
   * The single points of failure of one function.
   *
   * @throws NoSuchElementException when {@code function} is not a function of the model
   */
  public SpofReport spofs(String function) {
    return spofs.get(index(function));
  }

  /**
   * The single points of failure of every function, the most exposed first: vital functions,
   * then critical, important and supporting ones (functions without a criticality last); within
   * a level, the most common-cause SPOFs first, then the most SPOFs, then model order. Renderers
   * list functions in this order, and show the first ones when they show a few.
   */
  public List<SpofReport> byExposure() {
    return byExposure;
  }

  /**
   * The minimal failure sets of order up to {@value #CUT_SET_ORDER} (order 1 the SPOFs, order 2
   * the double points of failure) of the most exposed functions — the first {@link
   * Builder#doublePoints(int)} of {@link #byExposure()}, in that order.
   */
  public List<CutSets> cutSets() {
    return cutSets;
  }

  /**
   * The minimal failure sets of order up to {@value #CUT_SET_ORDER} of one function, or empty
   * when the report did not find them (it was not among the most exposed).
   *
   * @throws NoSuchElementException when {@code function} is not a function of the model
   */
  public Optional<CutSets> cutSets(String function) {
    index(function);
    return Optional.ofNullable(cutSetsByFunction.get(function));
  }

  /** Every node ranked by the functions it brings down alone, weighted by criticality. */
  public Ranking ranking() {
    return ranking;
  }

  /** The requirements across organisations, grouped by pair, with the functions each is a SPOF of. */
  public InterfaceReport interfaces() {
    return interfaces;
  }

  /**
   * Who must plan with whom: the interfaces between organisations that carry a single point of
   * failure of a vital or critical function (docs/regional.md#the-coordination-report).
   */
  public Coordination coordination() {
    return coordination;
  }

  /**
   * The commitments of the model's external services, checked against their providers' models
   * where the model holds them (docs/regional.md#checking-commitments).
   */
  public Commitments commitments() {
    return commitments;
  }

  /** The outcome of every scenario of the report, in the order they were given. */
  public List<SimulationResult> simulations() {
    return simulations;
  }

  /**
   * The computed risk matrix; empty when no function of the model has impact thresholds (there
   * would be nothing to place on it).
   */
  public Optional<RiskMatrix> riskMatrix() {
    return riskMatrix;
  }

  /** The recovery objectives of every node, with the declared RTOs longer than required. */
  public RecoveryObjectives objectives() {
    return objectives;
  }

  /** True when some scenario takes some function down for longer than its MTPD. */
  public boolean mtpdBreached() {
    return simulations.stream().anyMatch(r -> !r.mtpdBreaches().isEmpty());
  }

  private int index(String function) {
    Integer i = functionIndex.get(Objects.requireNonNull(function, "function"));
    if (i == null) {
      throw new NoSuchElementException("'" + function + "' is not a function of " + model);
    }
    return i;
  }

  /** What each part of the report holds, counted in full. */
  public Totals totals() {
    return totals;
  }

  /** A summary: the model, and what each part of the report found, in a few lines. */
  @Override
  public String toString() {
    Totals t = totals;
    StringBuilder sb = new StringBuilder("Report of ").append(model);
    sb.append(String.format("%n  %d functions: %d single points of failure (%d common-cause), "
        + "%d double points of failure of the %d most exposed", t.functions(), t.spofs(),
        t.commonCause(), t.doublePoints(), t.doublePointFunctions()));
    sb.append(String.format("%n  ranking: %d of %d nodes bring a function down alone",
        t.criticalNodes(), ranking.entries().size()));
    ranking.critical().stream().findFirst().ifPresent(top -> sb.append(String.format(
        "; first %s (%d functions)", top.node(), top.functions().size())));
    sb.append(String.format("%n  interfaces: %d requirements across organisations, "
        + "%d of them single points of failure", t.interfaces(), t.spofInterfaces()));
    sb.append(String.format("%n  coordination: %d pairs of organisations with critical interfaces",
        coordination.pairs().size()));
    if (!commitments.checks().isEmpty()) {
      sb.append(String.format("%n  commitments: %d, %d not kept by the provider's model",
          commitments.checks().size(), commitments.mismatches().size()));
    }
    riskMatrix.ifPresent(m -> sb.append(String.format(
        "%n  risk matrix: %d threats, %d threat/function pairs reach an impact level; %,d years each",
        m.sources().size() - 1, m.grid().values().stream().flatMap(r -> r.values().stream())
            .mapToInt(List::size).sum(), m.allCauses().scenarios())));
    sb.append(String.format("%n  recovery objectives: %d declared RTOs longer than required, "
        + "%d functions whose recovery time is at least their RTO", objectives.gaps().size(),
        objectives.recoveryOverRto().size()));
    if (simulations.isEmpty()) {
      sb.append(String.format("%n  no scenario simulated"));
    }
    for (SimulationResult r : simulations) {
      long affected = r.functions().stream().filter(FunctionOutcome::affected).count();
      sb.append(String.format("%n  scenario '%s': %d of %d functions affected, %d MTPD breached",
          r.scenario().name(), affected, r.functions().size(), r.mtpdBreaches().size()));
    }
    return sb.toString();
  }

  /**
   * What each part of a report holds, counted in full, whatever a rendering shows.
   *
   * @param functions            functions of the model
   * @param functionsWithSpofs   functions with at least one single point of failure
   * @param spofs                single points of failure, over all functions (a node that is a
   *                             SPOF of two functions counts twice)
   * @param commonCause          of them, common-cause
   * @param doublePointFunctions functions whose double points of failure were found
   * @param doublePoints         their double points of failure, over those functions
   * @param criticalNodes        nodes that bring some function down alone (score above 0)
   * @param interfaces           requirements across organisations (one per alternative)
   * @param spofInterfaces       of them, those whose provider is a SPOF of some function
   * @param interfaceGroups      pairs of organisations with interfaces
   * @param spofGroups           of them, pairs with at least one SPOF interface
   * @param coordinationPairs    pairs of organisations with critical interfaces (the
   *                             coordination matrix's cells)
   * @param commitments          commitments of external services checked
   * @param commitmentMismatches of them, those not kept by the provider's model
   */
  public record Totals(int functions, int functionsWithSpofs, long spofs, long commonCause,
      int doublePointFunctions, long doublePoints, int criticalNodes, int interfaces,
      int spofInterfaces, int interfaceGroups, int spofGroups, int coordinationPairs,
      int commitments, int commitmentMismatches) {

    static Totals of(Model model, List<SpofReport> spofs, List<CutSets> cutSets, Ranking ranking,
        InterfaceReport interfaces, Coordination coordination, Commitments commitments) {
      int withSpofs = 0;
      long count = 0;
      long common = 0;
      for (SpofReport r : spofs) {
        int size = r.spofs().size();
        withSpofs += size > 0 ? 1 : 0;
        count += size;
        common += r.commonCauseCount();
      }
      long doubles = 0;
      for (CutSets c : cutSets) {
        doubles += c.sets().stream().filter(set -> set.size() == 2).count();
      }
      int critical = 0;
      for (Ranking.Entry e : ranking.entries()) {
        critical += e.score() > 0 ? 1 : 0;
      }
      int all = 0;
      int risky = 0;
      int riskyGroups = 0;
      for (InterfaceReport.Group g : interfaces.groups()) {
        int before = risky;
        for (InterfaceReport.Interface i : g.interfaces()) {
          all++;
          risky += i.isSpof() ? 1 : 0;
        }
        riskyGroups += risky > before ? 1 : 0;
      }
      return new Totals(spofs.size(), withSpofs, count, common, cutSets.size(), doubles, critical,
          all, risky, interfaces.groups().size(), riskyGroups, coordination.pairs().size(),
          commitments.checks().size(), commitments.mismatches().size());
    }
  }

  /**
   * Hears the stages of building a report, each as it starts, on the building thread: {@code
   * "single points of failure"} (of every function at once), {@code "double points of failure
   * 3/20"} for each of the most exposed functions in turn, then {@code "ranking"}, {@code
   * "interfaces"}, {@code "commitments"} when the model declares externals, {@code "risk
   * matrix"} (when there is one to compute), {@code "recovery objectives"}, and {@code
   * "simulating NAME"} for every scenario to simulate.
   */
  @FunctionalInterface
  public interface Listener {

    /** A stage starts; {@code stage} says what it computes, in words for a progress line. */
    void stage(String stage);
  }

  /** Collects the scenarios and the listener of a report, then {@linkplain #build() builds} it. */
  public static final class Builder {

    private final Model model;
    /** Scenarios to simulate and results already simulated, in the order given. */
    private final List<Object> simulations = new ArrayList<>();
    private Listener listener = stage -> { };
    private int doublePoints = DEFAULT_DOUBLE_POINTS;
    private MonteCarlo risk;

    private Builder(Model model) {
      this.model = model;
      this.risk = MonteCarlo.of(model);
    }

    /**
     * The settings of the ensembles of the risk matrix (seed, scenarios, threads …; the period
     * is always a year), instead of 10,000 years with seed 1 on every core.
     *
     * @throws IllegalArgumentException when the ensemble is of another model
     */
    public Builder risk(MonteCarlo ensemble) {
      if (ensemble.model() != model && !ensemble.model().equals(model)) {
        throw new IllegalArgumentException("the risk matrix of a report runs on the report's model, not "
            + ensemble.model());
      }
      this.risk = ensemble;
      return this;
    }

    /**
     * Finds the double points of failure of the {@code functions} most exposed functions (the
     * first of {@link Report#byExposure()}); 0 for none, {@link Integer#MAX_VALUE} for every
     * function. Each costs a search of that function's closure, so on a national model with
     * 10^5 functions the default, {@value #DEFAULT_DOUBLE_POINTS}, keeps the report quick.
     *
     * @throws IllegalArgumentException when {@code functions} is negative
     */
    public Builder doublePoints(int functions) {
      if (functions < 0) {
        throw new IllegalArgumentException("the number of functions with double points of failure "
            + "must not be negative, not " + functions);
      }
      this.doublePoints = functions;
      return this;
    }

    /** Adds a scenario, to be simulated on the model when the report is built. */
    public Builder scenario(Scenario scenario) {
      simulations.add(Objects.requireNonNull(scenario, "scenario"));
      return this;
    }

    /** Adds scenarios, to be simulated on the model in this order when the report is built. */
    public Builder scenarios(Collection<Scenario> scenarios) {
      scenarios.forEach(this::scenario);
      return this;
    }

    /**
     * Adds the outcome of a scenario already simulated on this model, taken as it is (not
     * checked against the model).
     */
    public Builder simulation(SimulationResult result) {
      simulations.add(Objects.requireNonNull(result, "result"));
      return this;
    }

    /** Adds the outcomes of scenarios already simulated on this model, in this order. */
    public Builder simulations(Collection<SimulationResult> results) {
      results.forEach(this::simulation);
      return this;
    }

    /** Tells {@code listener} of every stage of {@link #build()}; replaces any earlier one. */
    public Builder listener(Listener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Runs every analysis and simulates the scenarios.
     *
     * @throws dev.kuja.simulation.ScenarioValidationException when a scenario names a node,
     *     organisation or tag the model lacks
     * @throws dev.kuja.model.ValidationException when a function's double points of failure are too many to
     *     enumerate (see {@link Analysis#cutSets(SpofReport, int)})
     */
    public Report build() {
      Analysis analysis = Analysis.of(model);
      listener.stage("single points of failure");
      List<SpofReport> spofs = analysis.spofs();
      List<SpofReport> byExposure = byExposure(model, spofs);
      int count = Math.min(doublePoints, byExposure.size());
      List<CutSets> cutSets = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        listener.stage("double points of failure " + (i + 1) + "/" + count);
        cutSets.add(analysis.cutSets(byExposure.get(i), CUT_SET_ORDER));
      }
      listener.stage("ranking");
      Ranking ranking = analysis.ranking();
      listener.stage("interfaces");
      InterfaceReport interfaces = analysis.interfaces(ranking);
      if (!model.externals().isEmpty()) {
        listener.stage("commitments");
      }
      Commitments commitments = Commitments.of(model);
      Optional<RiskMatrix> matrix = Optional.empty();
      if (model.functions().stream().anyMatch(f -> !f.impacts().isEmpty())) {
        listener.stage("risk matrix");
        matrix = Optional.of(RiskMatrix.of(risk));
      }
      listener.stage("recovery objectives");
      RecoveryObjectives objectives = RecoveryObjectives.of(model);
      List<SimulationResult> results = new ArrayList<>(simulations.size());
      Simulator simulator = null;
      for (Object s : simulations) {
        if (s instanceof Scenario scenario) {
          listener.stage("simulating " + scenario.name());
          if (simulator == null) {
            simulator = Simulator.of(model);
          }
          results.add(simulator.run(scenario));
        } else {
          results.add((SimulationResult) s);
        }
      }
      return new Report(model, spofs, byExposure, cutSets, ranking, interfaces, commitments,
          results, matrix, objectives);
    }

    /** The reports in the order of {@link Report#byExposure()}. */
    private static List<SpofReport> byExposure(Model model, List<SpofReport> spofs) {
      int[] weight = new int[spofs.size()];
      for (int i = 0; i < spofs.size(); i++) {
        weight[i] = model.requireNode(spofs.get(i).target()).criticality()
            .map(Criticality::weight).orElse(0);
      }
      Integer[] order = new Integer[spofs.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.<Integer>comparingInt(i -> -weight[i])
          .thenComparingInt(i -> -spofs.get(i).commonCauseCount())
          .thenComparingInt(i -> -spofs.get(i).spofs().size())
          .thenComparingInt(i -> i));
      List<SpofReport> out = new ArrayList<>(order.length);
      for (Integer i : order) {
        out.add(spofs.get(i));
      }
      return Collections.unmodifiableList(out);
    }
  }
}
