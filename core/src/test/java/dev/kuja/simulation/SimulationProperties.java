package dev.kuja.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.kuja.analysis.Analysis;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Requirement;
import dev.kuja.testing.GridSimulator;
import dev.kuja.testing.Oracle;
import dev.kuja.testing.RandomModels;
import dev.kuja.testing.RandomScenarios;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** The event-driven simulator agrees with the discrete-time rules of docs/cascades.md#the-three-rules. */
class SimulationProperties {

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
  void eventDrivenTimelinesEqualTheDiscreteTimeRules(
      @ForAll @IntRange(min = 1, max = 10) int size, @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 4) int disruptions) {
    Model m = RandomModels.model(size, seed);
    Scenario s = RandomScenarios.scenario(m, seed ^ 0x9E3779B97F4A7C15L, disruptions);
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
  void openEndedFailuresAtZeroGoDownAtTheirStaticFailureTimes(
      @ForAll @IntRange(min = 1, max = 12) int size, @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 4095) int pick) {
    Model m = RandomModels.model(size, seed);
    List<String> failed = new ArrayList<>();
    Scenario.Builder b = Scenario.builder("static").horizon("PT20H");
    for (int i = 0; i < size; i++) {
      if ((pick >> i & 1) == 1) {
        failed.add("n" + i);
        b.disrupt("n" + i, "PT0S");
      }
    }
    if (failed.isEmpty()) {
      failed.add("n0");
      b.disrupt("n0", "PT0S");
    }
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
  void withoutBuffersTheEndStateIsTheStaticImpact(
      @ForAll @IntRange(min = 1, max = 12) int size, @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 4095) int pick) {
    Model m = RandomModels.model(size, seed, false);
    List<String> failed = new ArrayList<>();
    Scenario.Builder b = Scenario.builder("static").horizon("PT1H");
    for (int i = 0; i < size; i++) {
      if ((pick >> i & 1) == 1) {
        failed.add("n" + i);
        b.disrupt("n" + i, "PT0S");
      }
    }
    if (failed.isEmpty()) {
      return;
    }
    SimulationResult r = Simulator.of(m).run(b.build());
    List<String> downAtEnd = m.nodes().stream().map(Node::id)
        .filter(id -> r.isDown(id, Duration.ofMinutes(59))).sorted().toList();
    assertEquals(List.copyOf(Analysis.of(m).impact(failed).failed()), downAtEnd);
  }
}
