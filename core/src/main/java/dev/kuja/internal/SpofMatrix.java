package dev.kuja.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * For many nodes at once, the functions each one brings down alone (the functions it is a
 * single point of failure of). Propagates 64 single failures per pass with {@link
 * BitPropagation}; passes run in parallel on the common fork–join pool, each worker with its own
 * buffers. A pass writes only the rows of its own sources, so no locking is needed.
 */
public final class SpofMatrix {

  private SpofMatrix() {}

  /** Row i lists (ascending) the functions other than sources[i] that sources[i] brings down. */
  public static int[][] functionsLost(CompactModel cm, int[] unordered) {
    // batches of nodes close in topological order share most of their dependents
    int[] rank = cm.rank();
    int[] order = java.util.stream.IntStream.range(0, unordered.length).boxed()
        .sorted((a, b) -> Integer.compare(rank[unordered[a]], rank[unordered[b]]))
        .mapToInt(Integer::intValue).toArray();
    int[] sources = new int[unordered.length];
    for (int i = 0; i < order.length; i++) {
      sources[i] = unordered[order[i]];
    }
    int[][] sorted = lost(cm, sources);
    int[][] rows = new int[unordered.length][];
    for (int i = 0; i < order.length; i++) {
      rows[order[i]] = sorted[i];
    }
    return rows;
  }

  private static int[][] lost(CompactModel cm, int[] sources) {
    int[][] rows = new int[sources.length][];
    int batches = (sources.length + 63) / 64;
    AtomicInteger next = new AtomicInteger();
    int workers = Math.max(1, Math.min(batches, Runtime.getRuntime().availableProcessors()));
    IntStream.range(0, workers).parallel().forEach(w -> {
      BitPropagation bits = new BitPropagation(cm);
      int[][] buffer = new int[64][];
      int[] fill = new int[64];
      for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
        int from = b * 64;
        int to = Math.min(sources.length, from + 64);
        bits.run(sources, from, to, null);
        Arrays.fill(fill, 0);
        for (int i = 0; i < bits.touchedCount(); i++) {
          int v = bits.touched(i);
          if (!cm.isFunction(v)) {
            continue;
          }
          long m = bits.mask(v);
          while (m != 0) {
            int bit = Long.numberOfTrailingZeros(m);
            m &= m - 1;
            if (sources[from + bit] == v) {
              continue;
            }
            if (buffer[bit] == null) {
              buffer[bit] = new int[8];
            } else if (fill[bit] == buffer[bit].length) {
              buffer[bit] = Arrays.copyOf(buffer[bit], fill[bit] * 2);
            }
            buffer[bit][fill[bit]++] = v;
          }
        }
        for (int bit = 0; bit < to - from; bit++) {
          int[] row = fill[bit] == 0 ? new int[0] : Arrays.copyOf(buffer[bit], fill[bit]);
          Arrays.sort(row);
          rows[from + bit] = row;
        }
      }
    });
    return rows;
  }
}
