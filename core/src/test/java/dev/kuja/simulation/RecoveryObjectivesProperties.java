package dev.kuja.simulation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.model.ImpactLevel;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.testing.RiskModels;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * What the recovery objectives rest on, and what they promise (docs/risk.md#recovery-objectives):
 * a longer outage of a node never shortens an outage of anything, and the required length keeps
 * the objective while a minute more breaks it.
 */
class RecoveryObjectivesProperties {

  /** The outage of u of {@code extra} beyond its recovery time. */
  private static SimulationResult outage(Model m, Node u, Duration extra) {
    return Simulator.of(m).run(RecoveryObjectives.outage(m, u.id(), u.recovery().plus(extra)));
  }

  /** Every outage under {@code shorter} lies inside one under {@code longer} (both cut at their horizons). */
  private static boolean contained(SimulationResult shorter, SimulationResult longer, String node) {
    Duration h1 = shorter.scenario().horizon();
    for (Outage o : shorter.timeline(node)) {
      Duration to = o.to().orElse(h1);
      boolean inside = longer.timeline(node).stream().anyMatch(p -> p.from().compareTo(o.from()) <= 0
          && p.to().map(t -> t.compareTo(to) >= 0).orElse(true));
      if (!inside) {
        return false;
      }
    }
    return true;
  }

  @Provide
  Arbitrary<Model> riskModels() {
    return RiskModels.models(1, 10);
  }

  @Property(tries = 300)
  void aLongerOutageOfANodeNeverShortensAnyOutage(
      @ForAll("riskModels") Model m, @ForAll @IntRange(min = 0, max = 9) int which,
      @ForAll @IntRange(min = 1, max = 1_800) int minutes, @ForAll @IntRange(min = 0, max = 1_800) int more) {
    Node u = m.nodes().get(which % m.size());
    SimulationResult shorter = outage(m, u, Duration.ofMinutes(minutes));
    SimulationResult longer = outage(m, u, Duration.ofMinutes(minutes + more));
    for (Node n : m.nodes()) {
      assertTrue(contained(shorter, longer, n.id()),
          () -> n.id() + " in " + m.nodes() + "\n" + shorter.timelines() + "\n" + longer.timelines());
    }
    for (Node f : m.functions()) {
      FunctionOutcome a = shorter.function(f.id()).orElseThrow();
      FunctionOutcome b = longer.function(f.id()).orElseThrow();
      assertTrue(a.longestOutage().compareTo(b.longestOutage()) <= 0, f.id());
      // a longer outage never lowers an impact level
      ImpactLevel before = a.impactLevel().orElse(null);
      assertTrue(before == null || b.impactLevel().orElseThrow().atLeast(before), () -> a + " / " + b);
      for (ImpactReached r : a.impacts()) {
        assertTrue(b.impact(r.category()).orElseThrow().level().atLeast(r.level()), () -> a + " / " + b);
      }
    }
    Statistics.label("the longer outage is longer for some function").collect(m.functions().stream()
        .anyMatch(f -> !shorter.function(f.id()).orElseThrow().longestOutage()
            .equals(longer.function(f.id()).orElseThrow().longestOutage())));
  }

  @Property(tries = 200)
  void theRequiredLengthKeepsTheObjectiveAndAMinuteMoreBreaksIt(@ForAll("riskModels") Model m) {
    RecoveryObjectives objectives = RecoveryObjectives.of(m);
    Simulator sim = Simulator.of(m);
    long finite = 0;
    for (NodeObjectives n : objectives.nodes()) {
      Node u = m.requireNode(n.node());
      finite += check(m, sim, u, n.forRto(), f -> f.rto().orElseThrow());
      finite += check(m, sim, u, n.forMtpd(), f -> f.mtpd().orElseThrow());
      // a function an outage of u cannot breach stays within its objective even for a long one
      Duration longOutage = u.recovery().plus(Duration.ofDays(40));
      SimulationResult r = sim.run(RecoveryObjectives.outage(m, u.id(), longOutage));
      for (Node f : m.functions()) {
        if (n.forRto().stream().noneMatch(x -> x.function().equals(f.id()))) {
          assertFalse(r.function(f.id()).orElseThrow().rtoExceeded(), () -> u.id() + " -> " + f.id());
        }
      }
    }
    Statistics.label("finite requirements").collect(finite > 0);
    Statistics.label("finite requirements").coverage(c -> c.check(true).percentage(p -> p > 30));
  }

  private static int check(Model m, Simulator sim, Node u, List<RequiredTime> required,
      Function<Node, Duration> objective) {
    for (RequiredTime r : required) {
      Node f = m.requireNode(r.function());
      Duration limit = objective.apply(f);
      Duration shortest = u.recovery().plusMillis(1);
      if (r.duration().isZero()) {
        assertTrue(longest(sim.run(RecoveryObjectives.outage(m, u.id(), shortest)), f).compareTo(limit) > 0,
            () -> u.id() + " for " + r);
        continue;
      }
      assertTrue(longest(sim.run(RecoveryObjectives.outage(m, u.id(), r.duration())), f).compareTo(limit) <= 0,
          () -> u.id() + " for " + r);
      assertTrue(longest(sim.run(RecoveryObjectives.outage(m, u.id(), r.duration().plusMinutes(1))), f)
          .compareTo(limit) > 0, () -> u.id() + " for " + r + " plus a minute");
      // the chain runs from u up to f; in a cycle it may stop where a node would repeat
      assertTrue(r.chain().get(r.chain().size() - 1).equals(f.id()), () -> "chain " + r);
      assertTrue(r.chain().get(0).equals(u.id()) || cyclic(m), () -> "chain " + r);
    }
    return required.size();
  }

  private static boolean cyclic(Model m) {
    return !new org.jgrapht.alg.cycle.CycleDetector<>(m.graph()).findCycles().isEmpty();
  }

  private static Duration longest(SimulationResult r, Node f) {
    return r.function(f.id()).orElseThrow().longestOutage();
  }

  /** Only functions that fail when the node fails for good (its static impact) set a requirement. */
  @Property(tries = 100)
  void noRequirementWithoutAPath(@ForAll("riskModels") Model m) {
    dev.kuja.analysis.Analysis a = dev.kuja.analysis.Analysis.of(m);
    for (NodeObjectives n : RecoveryObjectives.of(m).nodes()) {
      var lost = a.impact(n.node()).functions();
      for (RequiredTime r : n.forRto()) {
        assertTrue(lost.contains(r.function()), () -> n + " " + lost);
      }
    }
  }
}
