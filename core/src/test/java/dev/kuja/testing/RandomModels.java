package dev.kuja.testing;

import dev.kuja.model.Criticality;
import dev.kuja.model.Model;
import dev.kuja.model.NodeKind;
import dev.kuja.model.Requirement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Small random models for property tests: cycles, k-of-n requirements, tolerances and
 * recovery times drawn from a few hours so that ties and coincidences are common.
 */
public final class RandomModels {

  private static final Duration[] TOLERANCES = {
    Duration.ZERO, Duration.ZERO, Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(5)
  };

  private RandomModels() {}

  /** A valid model of {@code size} nodes n0..n(size-1), derived from the seed. */
  public static Model model(int size, long seed) {
    return model(size, seed, true);
  }

  /** As {@link #model(int, long)}; without tolerances when {@code tolerances} is false. */
  public static Model model(int size, long seed, boolean tolerances) {
    Random random = new Random(seed);
    Model.Builder b = Model.builder().name("random " + size + "/" + seed);
    b.organisation("a", "Org A").organisation("b", "Org B").organisation("c", "Org C");
    for (int v = 0; v < size; v++) {
      NodeKind kind = NodeKind.values()[random.nextInt(3)];
      String owner = "abc".substring(random.nextInt(3)).substring(0, 1);
      List<Requirement> reqs = new ArrayList<>();
      if (size > 1) {
        int count = random.nextInt(4); // 0..3 requirements
        for (int r = 0; r < count; r++) {
          List<String> others = new ArrayList<>();
          for (int u = 0; u < size; u++) {
            if (u != v) {
              others.add("n" + u);
            }
          }
          Collections.shuffle(others, random);
          int n = 1 + random.nextInt(Math.min(3, others.size()));
          int k = 1 + random.nextInt(n);
          Duration tol = tolerances ? TOLERANCES[random.nextInt(TOLERANCES.length)] : Duration.ZERO;
          reqs.add(new Requirement(others.subList(0, n), k, tol));
        }
      }
      Duration recovery = tolerances ? TOLERANCES[random.nextInt(TOLERANCES.length)] : Duration.ZERO;
      Criticality crit = Criticality.values()[random.nextInt(4)];
      b.node("n" + v, kind, nb -> {
        nb.owner(owner).requirements(reqs).recovery(recovery);
        if (kind == NodeKind.FUNCTION) {
          nb.criticality(crit);
        }
      });
    }
    return b.build();
  }
}
