package dev.kuja.report;

import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.CutSets;
import dev.kuja.analysis.InterfaceReport;
import dev.kuja.analysis.Ranking;
import dev.kuja.analysis.SpofReport;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.region.Commitments;
import dev.kuja.scenario.MonteCarlo;
import dev.kuja.scenario.RiskMatrix;
import dev.kuja.simulation.FunctionOutcome;
import dev.kuja.simulation.RecoveryObjectives;
import dev.kuja.simulation.Scenario;
import dev.kuja.simulation.SimulationResult;
import dev.kuja.simulation.Simulator;
import java.util.ArrayList;
import java.util.Collection;
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
 *   <li>the single points of failure of every function, in model order;
 *   <li>the minimal failure sets of order up to 2 of every function (its "double points of
 *       failure"), extended from the same SPOF run rather than found again;
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
 *       what every node must restore within, and the declared RTOs longer than that.
 * </ul>
 *
 * <p>Build with {@link #of(Model)} or {@link #builder(Model)}; the value is immutable and
 * thread-safe. Building runs every analysis, so it takes as long as they do together; a
 * {@link Listener} hears each stage as it starts.
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

  private final Model model;
  private final List<SpofReport> spofs;
  private final List<CutSets> cutSets;
  private final Ranking ranking;
  private final InterfaceReport interfaces;
  private final Coordination coordination;
  private final Commitments commitments;
  private final List<SimulationResult> simulations;
  private final Optional<RiskMatrix> riskMatrix;
  private final RecoveryObjectives objectives;
  private final Map<String, Integer> functionIndex;

  private Report(Model model, List<SpofReport> spofs, List<CutSets> cutSets, Ranking ranking,
      InterfaceReport interfaces, Commitments commitments, List<SimulationResult> simulations,
      Optional<RiskMatrix> riskMatrix, RecoveryObjectives objectives) {
    this.model = model;
    this.spofs = List.copyOf(spofs);
    this.cutSets = List.copyOf(cutSets);
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
    this.functionIndex = Map.copyOf(index);
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
   * The minimal failure sets of order up to {@value #CUT_SET_ORDER} of every function of the
   * model, in model order: order 1 are its SPOFs, order 2 its double points of failure.
   */
  public List<CutSets> cutSets() {
    return cutSets;
  }

  /**
   * The minimal failure sets of order up to {@value #CUT_SET_ORDER} of one function.
   *
   * @throws NoSuchElementException when {@code function} is not a function of the model
   */
  public CutSets cutSets(String function) {
    return cutSets.get(index(function));
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

  /** A summary: the model, and what each part of the report found, in a few lines. */
  @Override
  public String toString() {
    int spofCount = spofs.stream().mapToInt(r -> r.spofs().size()).sum();
    int commonCause = spofs.stream().mapToInt(r -> r.commonCause().size()).sum();
    int doubles = cutSets.stream().mapToInt(c -> c.ofOrder(2).size()).sum();
    long spofInterfaces = interfaces.interfaces().stream()
        .filter(InterfaceReport.Interface::isSpof).count();
    StringBuilder sb = new StringBuilder("Report of ").append(model);
    sb.append(String.format("%n  %d functions: %d single points of failure (%d common-cause), "
        + "%d double points of failure", spofs.size(), spofCount, commonCause, doubles));
    sb.append(String.format("%n  ranking: %d of %d nodes bring a function down alone",
        ranking.critical().size(), ranking.entries().size()));
    ranking.critical().stream().findFirst().ifPresent(top -> sb.append(String.format(
        "; first %s (%d functions)", top.node(), top.functions().size())));
    sb.append(String.format("%n  interfaces: %d requirements across organisations, "
        + "%d of them single points of failure", interfaces.interfaces().size(), spofInterfaces));
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
   * Hears the stages of building a report, each as it starts, on the building thread: {@code
   * "single points of failure 3/11"} for every function in turn (its double points of failure
   * are derived in the same stage), then {@code "ranking"}, {@code "interfaces"}, {@code
   * "commitments"} when the model declares externals, {@code "risk matrix"} (when there is one
   * to compute), {@code "recovery objectives"}, and {@code "simulating NAME"} for every scenario
   * to simulate.
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
      List<Node> functions = model.functions();
      List<SpofReport> spofs = new ArrayList<>(functions.size());
      List<CutSets> cutSets = new ArrayList<>(functions.size());
      for (int i = 0; i < functions.size(); i++) {
        listener.stage("single points of failure " + (i + 1) + "/" + functions.size());
        SpofReport r = analysis.spofs(functions.get(i).id());
        spofs.add(r);
        cutSets.add(analysis.cutSets(r, CUT_SET_ORDER));
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
      return new Report(model, spofs, cutSets, ranking, interfaces, commitments, results, matrix, objectives);
    }
  }
}
