package dev.kuja.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.simulation.Simulator;
import dev.kuja.testing.LayeredModels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Guard rails, not timings (those live in the JMH benchmarks): deep chains must not overflow a
 * stack, and cut sets of order 3 must be answered on a 10,000-node model.
 */
class ScaleGuardTest {

  @Test
  void everyAnalysisRunsOnAMillionDeepChain() {
    int length = 1_000_000;
    Model m = LayeredModels.chain(length);
    Analysis a = Analysis.of(m);
    String bottom = "n" + (length - 1);
    assertEquals(length, a.impact(bottom).size());
    assertEquals(Duration.ofMinutes(length - 1), a.failureTimes(bottom).time("n0").orElseThrow());
    SpofReport spofs = a.spofs("n0");
    assertEquals(length - 1, spofs.spofs().size());
    assertEquals(length, spofs.spofs().get(length - 2).path().size());
    // one minute per step: within a year, the 525,600 nodes nearest n0
    assertEquals(365 * 24 * 60, a.spofs("n0", Duration.ofDays(365)).spofs().size());
    assertEquals(length - 1, a.cutSets("n0", 2).size());
    assertEquals(length - 1, a.dependencies("n0").depth());
    assertEquals(length - 1, a.dependents(bottom).depth());
    Ranking r = a.ranking();
    assertEquals(8.0, r.entry(bottom).orElseThrow().score());
    assertEquals(length - 1, r.critical().size());
    assertEquals(0, a.interfaces().groups().size());
    // the cascade runs the whole chain, one tolerance step at a time, and back up again
    dev.kuja.simulation.SimulationResult sim = Simulator.of(m).run(dev.kuja.simulation.Scenario
        .builder("chain").horizon("P1000D").disrupt(bottom, "PT0S", "PT1H").build());
    assertEquals(60, sim.timelines().size(), "the hour-long outage reaches 60 one-minute steps up");
    assertEquals(Duration.ofMinutes(length - 1), Simulator.of(m).run(dev.kuja.simulation.Scenario
        .builder("chain").horizon("P1000D").disrupt(bottom, "PT0S").build())
        .function("n0").orElseThrow().firstImpact().orElseThrow());
  }

  /**
   * 3,000 serial requirements of the longest tolerance a model may state add up to more than a
   * long can count: the chain is still a serial chain, so every node on it is a direct SPOF.
   */
  @Test
  void aSerialChainLongerThanALongCanCountIsStillDirect() {
    int length = 3_000;
    Model.Builder b = Model.builder().name("longest tolerances");
    for (int i = 0; i < length; i++) {
      int next = i + 1;
      if (i == 0) {
        b.function("n0", f -> f.criticality("vital").requires("n1").tolerance(Durations.MAX));
      } else if (next < length) {
        b.resource("n" + i, r -> r.requires("n" + next).tolerance(Durations.MAX));
      } else {
        b.resource("n" + i);
      }
    }
    Model m = b.build();
    SpofReport one = Analysis.of(m).spofs("n0");
    assertEquals(length - 1, one.spofs().size());
    assertEquals(0, one.commonCauseCount(), "a serial chain is direct, however long");
    assertEquals(List.of("n" + (length - 1), "n" + (length - 2)),
        one.spofs().get(length - 2).path().subList(0, 2));
    SpofReport all = Analysis.of(m).spofs().get(0);
    assertEquals(0, all.commonCauseCount());
    assertEquals(one, all);
  }

  @Test
  void cutSetsOfOrderThreeOnTenThousandNodes() {
    Model m = LayeredModels.model(10_000, 5, 42);
    Analysis a = Analysis.of(m);
    int checked = 0;
    for (int i = 0; i < 5; i++) {
      String f = "L0-" + i;
      CutSets c = a.cutSets(f, 3);
      assertFalse(c.sets().isEmpty(), f);
      // every reported set brings f down, and no set without one of its members does
      for (Set<String> set : c.sets().subList(0, Math.min(200, c.sets().size()))) {
        assertTrue(a.impact(set).contains(f), () -> set + " does not bring down " + f);
        for (String member : set) {
          List<String> smaller = new ArrayList<>(set);
          smaller.remove(member);
          assertFalse(!smaller.isEmpty() && a.impact(smaller).contains(f),
              () -> set + " is not minimal for " + f);
        }
        checked++;
      }
    }
    assertTrue(checked > 50, "checked " + checked);
  }
}
