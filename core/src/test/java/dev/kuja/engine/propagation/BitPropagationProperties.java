package dev.kuja.engine.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kuja.engine.graph.CompactModel;
import dev.kuja.hostile.LargeK;
import dev.kuja.model.Model;
import dev.kuja.testing.Oracle;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The counters of {@link BitPropagation} (one bit-sliced count per requirement, O(log n) per
 * failed alternative) give exactly what recounting every alternative at every change gave —
 * the former method, kept as a reference — on random models with large k, 64 failure sets at
 * a time, with and without a region to stay in; and what the brute-force oracle gives.
 */
class BitPropagationProperties {

  @Property(tries = 300)
  void countingEqualsRecounting(@ForAll long seed, @ForAll @IntRange(min = 2, max = 80) int size,
      @ForAll @IntRange(min = 1, max = 60) int maxN, @ForAll boolean region) {
    Random r = new Random(seed);
    Model m = LargeK.model(r, size, maxN);
    CompactModel cm = CompactModel.of(m);
    BitPropagation counting = new BitPropagation(cm);
    BitPropagation recounting = new BitPropagation(cm, false);
    boolean[] allowed = null;
    if (region) {
      allowed = new boolean[cm.n];
      for (int v = 0; v < cm.n; v++) {
        allowed[v] = r.nextInt(5) != 0;
      }
    }
    // several runs on the same buffers: what one run leaves must not leak into the next
    for (int run = 0; run < 4; run++) {
      int batch = 1 + r.nextInt(64);
      int[] sources = new int[batch + 3];
      for (int i = 0; i < sources.length; i++) {
        sources[i] = r.nextInt(cm.n);
      }
      int from = r.nextInt(4);
      int to = Math.min(sources.length, from + batch);
      counting.run(sources, from, to, allowed);
      recounting.run(sources, from, to, allowed);
      for (int v = 0; v < cm.n; v++) {
        assertEquals(recounting.mask(v), counting.mask(v), "node " + cm.id(v) + ", run " + run);
      }
      assertEquals(recounting.touchedCount(), counting.touchedCount());
    }
  }

  @Property(tries = 150)
  void countingEqualsTheOracle(@ForAll long seed, @ForAll @IntRange(min = 2, max = 25) int size,
      @ForAll @IntRange(min = 1, max = 20) int maxN) {
    Random r = new Random(seed);
    Model m = LargeK.model(r, size, maxN);
    CompactModel cm = CompactModel.of(m);
    BitPropagation bits = new BitPropagation(cm);
    int[] sources = new int[64];
    List<Set<String>> failed = new java.util.ArrayList<>();
    for (int b = 0; b < 64; b++) {
      sources[b] = r.nextInt(cm.n);
      failed.add(Set.of(cm.id(sources[b])));
    }
    bits.run(sources, 0, 64, null);
    for (int b = 0; b < 64; b++) {
      Set<String> down = new TreeSet<>();
      for (int v = 0; v < cm.n; v++) {
        if ((bits.mask(v) & (1L << b)) != 0) {
          down.add(cm.id(v));
        }
      }
      assertEquals(Oracle.impact(m, failed.get(b)), down, "failure of " + failed.get(b));
    }
  }
}
