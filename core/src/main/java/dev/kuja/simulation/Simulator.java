package dev.kuja.simulation;

import dev.kuja.engine.cascade.CascadeEngine;
import dev.kuja.engine.graph.CompactModel;
import dev.kuja.model.Durations;
import dev.kuja.model.ImpactThreshold;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Simulates scenarios on one model (docs/cascades.md). Deterministic: the same model and scenario give
 * the same result. Obtain with {@link #of(Model)}; {@code
 * Simulator.of(model).run(scenario)} runs one scenario, {@link #listener} hears every change.
 */
public final class Simulator {

  private final Model model;
  private final CompactModel cm;
  private final Optional<SimulationListener> listener;

  private Simulator(Model model, Optional<SimulationListener> listener) {
    this.model = model;
    this.cm = CompactModel.of(model);
    this.listener = listener;
  }

  /** A simulator for the model. */
  public static Simulator of(Model model) {
    return new Simulator(Objects.requireNonNull(model, "model"), Optional.empty());
  }

  /** The same simulator, telling {@code listener} of every change of state. */
  public Simulator listener(SimulationListener listener) {
    return new Simulator(model, Optional.of(listener));
  }

  /**
   * Simulates the scenario to its horizon.
   *
   * @throws ScenarioValidationException when a disruption names a node, organisation or tag the
   *     model does not have (every such problem is listed)
   */
  public SimulationResult run(Scenario scenario) {
    Objects.requireNonNull(scenario, "scenario");
    List<Disruption> ds = scenario.disruptions();
    List<Problem> problems = new ArrayList<>();
    Scenarios.checkHorizon(scenario.name(), scenario.horizon(), problems);
    Scenarios.check(ds, scenario.horizon(), problems);
    int[][] nodes = new int[ds.size()][];
    long[] start = new long[ds.size()];
    long[] end = new long[ds.size()];
    for (int i = 0; i < ds.size(); i++) {
      Disruption d = ds.get(i);
      nodes[i] = targets(i, d, problems);
      start[i] = Durations.millis(d.start());
      end[i] = d.end().map(Durations::millis).orElse(CompactModel.NEVER);
    }
    if (!problems.isEmpty()) {
      throw new ScenarioValidationException(scenario.name(), problems);
    }
    Committed committed = Committed.of(model, cm, nodes, start, end);
    CascadeEngine.Listener adapter = listener.<CascadeEngine.Listener>map(l ->
        (t, v, down, kind, ref, trigger, since) ->
            l.changed(Duration.ofMillis(t), cm.id(v), down, cause(scenario, v, kind, committed.disruption(kind, ref), trigger, since)))
        .orElse(null);
    CascadeEngine engine = new CascadeEngine(cm, committed.nodes(), committed.start(), committed.end(),
        Durations.millis(scenario.horizon()), adapter);
    engine.run();
    CascadeEngine.Outages raw = engine.outages();
    // outages become objects only when asked for: a national scenario can take down hundreds
    // of thousands of nodes
    Map<String, List<Outage>> timelines = new Timelines(cm, raw, i -> {
      int v = raw.node(i);
      return new Outage(cm.id(v), Duration.ofMillis(raw.from(i)),
          raw.to(i) == CompactModel.NEVER ? Optional.empty() : Optional.of(Duration.ofMillis(raw.to(i))),
          cause(scenario, v, raw.causeKind(i), committed.disruption(raw.causeKind(i), raw.causeRef(i)),
              raw.causeTrigger(i), raw.causeSince(i)));
    });
    boolean[] lockedMask = engine.settleAndFindLocked();
    Set<String> locked = new HashSet<>();
    for (int v = 0; v < cm.n; v++) {
      if (lockedMask[v]) {
        locked.add(cm.id(v));
      }
    }
    List<FunctionOutcome> functions = new ArrayList<>();
    for (Node f : model.functions()) {
      functions.add(outcome(f, timelines, scenario.horizon()));
    }
    return new SimulationResult(scenario, timelines, functions, locked);
  }

  private FunctionOutcome outcome(Node f, Map<String, List<Outage>> timelines, Duration horizon) {
    List<Outage> outages = timelines.getOrDefault(f.id(), List.of());
    Duration downtime = Duration.ZERO;
    Duration longest = Duration.ZERO;
    List<CausalChain> chains = new ArrayList<>();
    for (Outage o : outages) {
      Duration len = o.length(horizon);
      downtime = downtime.plus(len);
      if (len.compareTo(longest) > 0) {
        longest = len;
      }
      chains.add(chain(o, timelines));
    }
    Duration excess = f.mtpd().filter(m -> m.compareTo(Duration.ZERO) >= 0)
        .map(longest::minus).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
    return new FunctionOutcome(f.id(), outages.stream().map(Outage::from).findFirst(), downtime,
        longest, f.mtpd(), excess, f.rto(), impacts(f, outages, horizon), outages, chains);
  }

  /**
   * Per category, the highest level whose threshold one outage (cut at the horizon) lasted, and
   * the first instant an outage had lasted that long (docs/risk.md#impact-over-time).
   */
  static List<ImpactReached> impacts(Node f, List<Outage> outages, Duration horizon) {
    List<ImpactReached> out = new ArrayList<>();
    if (f.impacts().isEmpty() || outages.isEmpty()) {
      return out;
    }
    for (String category : f.impactCategories()) {
      ImpactReached best = null;
      for (ImpactThreshold t : f.impacts()) {
        if (!t.category().equals(category) || (best != null && t.level().compareTo(best.level()) <= 0)) {
          continue;
        }
        for (Outage o : outages) {
          if (t.reachedBy(o.length(horizon))) {
            best = new ImpactReached(category, t.level(), t.after(), o.from().plus(t.after()));
            break;
          }
        }
      }
      if (best != null) {
        out.add(best);
      }
    }
    return out;
  }

  /** Follows triggers back from an outage to a direct disruption. */
  private static CausalChain chain(Outage outage, Map<String, List<Outage>> timelines) {
    List<Outage> links = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Outage current = outage;
    while (current != null && seen.add(current.node())) {
      links.add(current);
      if (!(current.cause() instanceof Cause.RequirementLost lost)) {
        break;
      }
      Duration when = lost.since();
      Outage found = null;
      for (Outage o : timelines.getOrDefault(lost.trigger(), List.of())) {
        if (o.covers(when)) {
          found = o;
          break;
        }
      }
      current = found;
    }
    return new CausalChain(links);
  }

  private Cause cause(Scenario scenario, int v, int kind, int ref, int trigger, long since) {
    if (kind == CascadeEngine.DISRUPTED) {
      return new Cause.Disrupted(scenario.disruptions().get(ref));
    }
    int index = ref - cm.reqStart(v);
    return new Cause.RequirementLost(index, model.nodes().get(v).requirements().get(index),
        cm.id(trigger), Duration.ofMillis(since));
  }

  private int[] targets(int i, Disruption d, List<Problem> problems) {
    d.target().problemIn(model).ifPresent(p -> problems.add(Problem.disruption(i, d.target().toString(), p)));
    return d.target().nodesIn(model).stream().mapToInt(node -> cm.index(node.id())).toArray();
  }
}
