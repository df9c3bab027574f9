package dev.kuja.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.kuja.analysis.Analysis;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Requirement;
import dev.kuja.testing.Case;
import dev.kuja.testing.GridSimulator;
import dev.kuja.testing.KujaArbitraries;
import dev.kuja.testing.KujaDomain;
import dev.kuja.testing.NodeSet;
import dev.kuja.testing.Oracle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import net.jqwik.api.statistics.Statistics;

/**
 * The event-driven simulator agrees with the discrete-time rules of docs/cascades.md#the-three-rules.
 * Models, failure sets and scenarios come from {@link KujaArbitraries} and shrink.
 */
@Domain(DomainContext.Global.class)
@Domain(KujaDomain.class)
class SimulationProperties {

  /** Models of 1..10 nodes with a scenario of 1..4 disruptions. */
  @Provide
  Arbitrary<Case<Scenario>> cascades() {
    return KujaArbitraries.withScenario(KujaArbitraries.models().nodes(1, 10), 1, 4);
  }

  @Provide
  Arbitrary<Model> withoutBuffers() {
    return KujaArbitraries.models().withoutBuffers();
  }

  private static Map<String, List<String>> timelines(SimulationResult r) {
    Map<String, List<String>> out = new TreeMap<>();
    r.timelines().forEach((id, list) -> {
      List<String> intervals = new ArrayList<>();
      for (Outage o : list) {
        intervals.add(o.from().toMillis() + ".." + o.to().map(Duration::toMillis).orElse(-1L));
      }
      out.put(id, intervals);
    });
    return out;
  }

  private static Map<String, List<String>> timelines(GridSimulator g) {
    Map<String, List<String>> out = new TreeMap<>();
    g.timelines.forEach((id, list) -> {
      List<String> intervals = new ArrayList<>();
      for (long[] o : list) {
        intervals.add(o[0] + ".." + o[1]);
      }
      out.put(id, intervals);
    });
    return out;
  }

  private static long settleTime(Model m, Scenario s) {
    long total = s.horizon().toMillis() + Duration.ofHours(1).toMillis();
    for (Node n : m.nodes()) {
      total += 2 * n.recovery().toMillis();
      for (Requirement r : n.requirements()) {
        total += 2 * r.tolerance().toMillis();
      }
    }
    return total;
  }

  @Property(tries = 400)
  void eventDrivenTimelinesEqualTheDiscreteTimeRules(@ForAll("cascades") Case<Scenario> cascade) {
    Model m = cascade.model();
    Scenario s = cascade.input();
    SimulationResult actual = Simulator.of(m).run(s);
    GridSimulator expected = GridSimulator.run(m, s, 2 * settleTime(m, s));
    assertEquals(timelines(expected), timelines(actual), () -> m.nodes() + "\n" + s);
    assertEquals(expected.downAtEnd, actual.locked(), () -> "locked\n" + m.nodes() + "\n" + s);
    Statistics.label("locks").collect(!actual.locked().isEmpty());
    Statistics.label("a node down more than once")
        .collect(actual.timelines().values().stream().anyMatch(l -> l.size() > 1));
    Statistics.label("locks").coverage(c -> c.check(true).percentage(p -> p > 2));
    Statistics.label("a node down more than once")
        .coverage(c -> c.check(true).percentage(p -> p > 5));
  }

  @Property(tries = 200)
  void openEndedFailuresAtZeroGoDownAtTheirStaticFailureTimes(@ForAll Model m, @ForAll NodeSet picked) {
    List<String> failed = picked.inOrFirst(m);
    Scenario.Builder b = Scenario.builder("static").horizon("PT20H");
    failed.forEach(id -> b.disrupt(id, "PT0S"));
    SimulationResult r = Simulator.of(m).run(b.build());
    Map<String, Long> times = Oracle.failureTimes(m, failed);
    for (Node n : m.nodes()) {
      long t = times.get(n.id());
      List<Outage> outages = r.timeline(n.id());
      if (t == Oracle.NEVER || t >= Duration.ofHours(20).toMillis()) {
        assertEquals(List.of(), outages, n.id());
      } else {
        assertEquals(1, outages.size(), n.id());
        assertEquals(Duration.ofMillis(t), outages.get(0).from(), n.id());
        assertEquals(java.util.Optional.empty(), outages.get(0).to(), n.id());
      }
    }
  }

  @Property(tries = 200)
  void withoutBuffersTheEndStateIsTheStaticImpact(@ForAll("withoutBuffers") Model m, @ForAll NodeSet picked) {
    List<String> failed = picked.in(m);
    Scenario.Builder b = Scenario.builder("static").horizon("PT1H");
    failed.forEach(id -> b.disrupt(id, "PT0S"));
    if (failed.isEmpty()) {
      return;
    }
    SimulationResult r = Simulator.of(m).run(b.build());
    List<String> downAtEnd = m.nodes().stream().map(Node::id)
        .filter(id -> r.isDown(id, Duration.ofMinutes(59))).sorted().toList();
    assertEquals(List.copyOf(Analysis.of(m).impact(failed).failed()), downAtEnd);
  }
}
