package dev.kuja.testing;

import dev.kuja.model.Model;
import dev.kuja.simulation.Disruption;
import dev.kuja.simulation.Scenario;
import java.time.Duration;
import java.util.Random;

/** Random scenarios for property tests. */
public final class RandomScenarios {

  private RandomScenarios() {}

  /** 1..4 disruptions of random nodes, overlapping, some open-ended; horizon 12 h or 24 h. */
  public static Scenario scenario(Model m, long seed, int count) {
    Random random = new Random(seed);
    Scenario.Builder b = Scenario.builder("random " + seed).horizon(random.nextBoolean() ? "PT12H" : "PT24H");
    for (int i = 0; i < count; i++) {
      String node = m.nodes().get(random.nextInt(m.size())).id();
      Duration start = Duration.ofHours(random.nextInt(8));
      if (random.nextInt(4) == 0) {
        b.disrupt(Disruption.node(node, start));
      } else {
        b.disrupt(Disruption.node(node, start, Duration.ofHours(1 + random.nextInt(6))));
      }
    }
    return b.build();
  }
}
