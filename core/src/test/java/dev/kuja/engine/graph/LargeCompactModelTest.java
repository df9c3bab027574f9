package dev.kuja.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Requirement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A model of {@link CompactModel#PARALLEL_FROM} nodes and more is frozen in parts at once; its
 * compact form is still the model's: every requirement's k, tolerance and alternatives in
 * order, and every node's requirements, with ks above a byte among them.
 */
class LargeCompactModelTest {

  @Test
  void aLargeModelFrozenInPartsIsTheModel() {
    int size = CompactModel.PARALLEL_FROM + 30_001;
    Random random = new Random(7);
    Model.Builder b = Model.builder();
    for (int i = 0; i < size; i++) {
      int at = i;
      int needs = i == 0 ? 0 : random.nextInt(4);
      long[] draws = {random.nextLong(), random.nextLong(), random.nextLong()};
      b.resource("r" + i, r -> {
        for (int q = 0; q < needs; q++) {
          long d = draws[q];
          int n = 1 + (int) Math.floorMod(d, Math.min(at, 3));
          String[] alts = new String[n];
          for (int a = 0; a < n; a++) {
            alts[a] = "r" + (at - 1 - a);
          }
          r.requires(Requirement.kOf(1 + (int) Math.floorMod(d >> 8, n), alts)
              .withTolerance(java.time.Duration.ofMinutes(Math.floorMod(d >> 16, 500))));
        }
      });
    }
    // one requirement with a k above a byte
    String[] many = new String[200];
    for (int a = 0; a < many.length; a++) {
      many[a] = "r" + a;
    }
    b.resource("wide", r -> r.requires(Requirement.kOf(150, many)));
    Model m = b.build();
    CompactModel cm = CompactModel.of(m);
    List<Node> nodes = m.nodes();
    assertEquals(nodes.size(), cm.n);
    int q = 0;
    for (int v = 0; v < cm.n; v++) {
      assertEquals(nodes.get(v).id(), cm.id(v));
      assertEquals(q, cm.reqStart(v));
      for (Requirement req : nodes.get(v).requirements()) {
        assertEquals(req.k(), cm.reqK(q));
        assertEquals(req.tolerance().toMillis(), cm.reqTol(q));
        for (int a = 0; a < req.n(); a++) {
          assertEquals(req.alternatives().get(a), cm.id(cm.alt(cm.altStart(q) + a)));
        }
        assertEquals(cm.altStart(q) + req.n(), cm.altStart(q + 1));
        q++;
      }
    }
    assertEquals(q, cm.r);
    assertEquals(q, cm.reqStart(cm.n));
  }
}
