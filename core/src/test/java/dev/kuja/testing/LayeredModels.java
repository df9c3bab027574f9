package dev.kuja.testing;

import dev.kuja.model.Criticality;
import dev.kuja.model.Model;
import dev.kuja.model.Requirement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Larger models for guard-rail tests: functions on top of layers of resources, each node
 * requiring nodes of the layers below through plain, 1-of-2 and 2-of-3 requirements.
 */
public final class LayeredModels {

  private LayeredModels() {}

  /** About {@code size} nodes in {@code layers} layers (layer 0 holds the functions). */
  public static Model model(int size, int layers, long seed) {
    Random random = new Random(seed);
    int perLayer = size / layers;
    Model.Builder b = Model.builder().name("layered " + size);
    for (int layer = 0; layer < layers; layer++) {
      for (int i = 0; i < perLayer; i++) {
        String id = "L" + layer + "-" + i;
        List<Requirement> reqs = new ArrayList<>();
        if (layer + 1 < layers) {
          int count = 1 + random.nextInt(3);
          for (int r = 0; r < count; r++) {
            int below = layer + 1 + random.nextInt(Math.min(2, layers - layer - 1));
            List<String> pool = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            while (pool.size() < n) {
              String alt = "L" + below + "-" + random.nextInt(perLayer);
              if (!pool.contains(alt)) {
                pool.add(alt);
              }
            }
            Collections.shuffle(pool, random);
            int k = n == 3 ? 2 : 1;
            reqs.add(new Requirement(pool, k, Duration.ofHours(random.nextInt(4))));
          }
        }
        if (layer == 0) {
          Criticality c = Criticality.values()[random.nextInt(4)];
          b.function(id, f -> f.criticality(c).requirements(reqs));
        } else {
          b.resource(id, r -> r.requirements(reqs));
        }
      }
    }
    return b.build();
  }

  /** A chain n0 ← n1 ← … ← n(length-1): n(i) requires n(i+1); n0 is a function. */
  public static Model chain(int length) {
    Model.Builder b = Model.builder().name("chain " + length);
    b.function("n0", f -> f.criticality("vital").requires("n1").tolerance("PT1M"));
    for (int i = 1; i < length; i++) {
      String next = "n" + (i + 1);
      boolean last = i == length - 1;
      b.resource("n" + i, r -> {
        if (!last) {
          r.requires(next).tolerance("PT1M");
        }
      });
    }
    return b.build();
  }
}
