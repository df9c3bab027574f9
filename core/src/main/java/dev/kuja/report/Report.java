package dev.kuja.report;

import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.CutSets;
import dev.kuja.analysis.InterfaceReport;
import dev.kuja.analysis.Ranking;
import dev.kuja.analysis.SpofReport;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.simulation.FunctionOutcome;
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
 *   <li>the outcome of every scenario simulated, in the order given.
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
  private final List<SimulationResult> simulations;
  private final Map<String, Integer> functionIndex;

  private Report(Model model, List<SpofReport> spofs, List<CutSets> cutSets, Ranking ranking,
      InterfaceReport interfaces, List<SimulationResult> simulations) {
    this.model = model;
    this.spofs = List.copyOf(spofs);
    this.cutSets = List.copyOf(cutSets);
    this.ranking = ranking;
    this.interfaces = interfaces;
    this.simulations = List.copyOf(simulations);
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

  /** The outcome of every scenario of the report, in the order they were given. */
  public List<SimulationResult> simulations() {
    return simulations;
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
   * "single points of failure"} (of every function at once), {@code "double points of failure
   * 3/11"} for every function in turn, then {@code "ranking"}, {@code "interfaces"}, and {@code
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

    private Builder(Model model) {
      this.model = model;
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
     * @throws IllegalStateException when a function's double points of failure are too many to
     *     enumerate (see {@link Analysis#cutSets(SpofReport, int)})
     */
    public Report build() {
      Analysis analysis = Analysis.of(model);
      listener.stage("single points of failure");
      List<SpofReport> spofs = analysis.spofs();
      List<CutSets> cutSets = new ArrayList<>(spofs.size());
      for (int i = 0; i < spofs.size(); i++) {
        listener.stage("double points of failure " + (i + 1) + "/" + spofs.size());
        cutSets.add(analysis.cutSets(spofs.get(i), CUT_SET_ORDER));
      }
      listener.stage("ranking");
      Ranking ranking = analysis.ranking();
      listener.stage("interfaces");
      InterfaceReport interfaces = analysis.interfaces(ranking);
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
      return new Report(model, spofs, cutSets, ranking, interfaces, results);
    }
  }
}
