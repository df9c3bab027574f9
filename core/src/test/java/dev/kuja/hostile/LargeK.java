package dev.kuja.hostile;

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
 * Random models whose requirements need many alternatives: k-of-n with n up to {@code maxN}
 * and k anywhere from 1 to n (often near n, so that n − k + 1 is small, and often near 1, so
 * that it is large), cycles included, a third of the nodes functions. For the properties of the
 * engines that count failed alternatives (issue 16, cause 8).
 */
public final class LargeK {

  private LargeK() {}

  public static Model model(Random r, int size, int maxN) {
    Model.Builder b = Model.builder();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      ids.add("n" + i);
    }
    for (int i = 0; i < size; i++) {
      String id = ids.get(i);
      boolean function = r.nextInt(3) == 0;
      b.node(id, function ? NodeKind.FUNCTION : NodeKind.RESOURCE, n -> {
        if (function) {
          n.criticality(Criticality.values()[r.nextInt(4)]);
        }
        List<Requirement> requirements = new ArrayList<>();
        int count = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(2);
        for (int q = 0; q < count; q++) {
          List<String> others = new ArrayList<>(ids);
          others.remove(id);
          Collections.shuffle(others, r);
          int alternatives = Math.min(others.size(), 1 + r.nextInt(maxN));
          if (alternatives == 0) {
            continue;
          }
          List<String> chosen = others.subList(0, alternatives);
          int k = switch (r.nextInt(4)) {
            case 0 -> alternatives;                                   // all
            case 1 -> 1 + r.nextInt(alternatives);                    // anywhere
            case 2 -> Math.max(1, alternatives - r.nextInt(3));       // n − k + 1 small
            default -> 1 + r.nextInt(Math.min(3, alternatives));      // n − k + 1 large
          };
          requirements.add(new Requirement(chosen, k, Duration.ofMinutes(r.nextInt(3) * 10)));
        }
        n.requirements(requirements);
      });
    }
    return b.build();
  }
}
