package dev.kuja.engine.failuresets;

import dev.kuja.engine.graph.CompactModel;
import dev.kuja.engine.propagation.BitPropagation;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * For many nodes at once, the functions each one brings down alone (the functions it is a
 * single point of failure of).
 *
 * <p>A node v whose every appearance as an alternative is in serial requirements (k = n) of one
 * and the same node u <em>delegates</em> to u: its failure can spread only through u, so
 * impact({v}) = {v} ∪ impact({u}) and its row is u's row, plus u when u is a function. Chains and
 * the many leaf resources that serve a single function are answered this way in O(1) each (rows
 * are shared when unchanged). The remaining nodes are propagated 64 at a time with {@link
 * BitPropagation}, passes running in parallel on the common fork–join pool, each worker with its
 * own buffers; a pass writes only the rows of its own sources, so no locking is needed.
 */
public final class SpofMatrix {

  private SpofMatrix() {}

  /** Row i lists (ascending) the functions other than sources[i] that sources[i] brings down. */
  public static int[][] functionsLost(CompactModel cm, int[] sources) {
    int[] delegate = delegates(cm);
    // the roots the sources lead to, each computed once
    int[][] row = new int[cm.n][];
    boolean[] wanted = new boolean[cm.n];
    java.util.List<Integer> roots = new java.util.ArrayList<>();
    for (int s : sources) {
      int v = s;
      while (!wanted[v]) {
        wanted[v] = true;
        if (delegate[v] < 0) {
          roots.add(v);
          break;
        }
        v = delegate[v];
      }
    }
    int[] rootArray = roots.stream().mapToInt(Integer::intValue).toArray();
    int[][] rootRows = propagated(cm, rootArray);
    for (int i = 0; i < rootArray.length; i++) {
      row[rootArray[i]] = rootRows[i];
    }
    int[][] out = new int[sources.length][];
    int[] stack = new int[cm.n];
    for (int i = 0; i < sources.length; i++) {
      // walk up to the first node whose row is known, then fill rows back down
      int depth = 0;
      int v = sources[i];
      while (row[v] == null) {
        stack[depth++] = v;
        v = delegate[v];
      }
      while (depth > 0) {
        int w = stack[--depth];
        int u = delegate[w];
        row[w] = cm.isFunction(u) ? with(row[u], u, w) : without(row[u], w);
      }
      out[i] = row[sources[i]];
    }
    return out;
  }

  /** u's row plus u itself, minus v (a node does not count itself). */
  private static int[] with(int[] rowU, int u, int v) {
    int[] base = without(rowU, v);
    int at = Arrays.binarySearch(base, u);
    if (at >= 0 || u == v) {
      return base;
    }
    int[] out = new int[base.length + 1];
    int ins = -at - 1;
    System.arraycopy(base, 0, out, 0, ins);
    out[ins] = u;
    System.arraycopy(base, ins, out, ins + 1, base.length - ins);
    return out;
  }

  private static int[] without(int[] row, int v) {
    int at = Arrays.binarySearch(row, v);
    if (at < 0) {
      return row;
    }
    int[] out = new int[row.length - 1];
    System.arraycopy(row, 0, out, 0, at);
    System.arraycopy(row, at + 1, out, at, row.length - at - 1);
    return out;
  }

  /**
   * For every node, the node it delegates to, or −1. Delegation chains that would close into a
   * cycle are cut (the cycle's nodes become roots).
   */
  static int[] delegates(CompactModel cm) {
    int[] d = new int[cm.n];
    for (int v = 0; v < cm.n; v++) {
      int owner = -1;
      boolean ok = cm.revStart(v) < cm.revStart(v + 1);
      for (int i = cm.revStart(v); ok && i < cm.revStart(v + 1); i++) {
        int q = cm.revReq(i);
        int u = cm.revOwner(i);
        ok = cm.toBreak(q) == 1 && (owner < 0 || owner == u);
        owner = u;
      }
      d[v] = ok ? owner : -1;
    }
    // cut cycles: colour 1 = on the current walk, 2 = settled
    byte[] state = new byte[cm.n];
    int[] walk = new int[cm.n];
    for (int s = 0; s < cm.n; s++) {
      int len = 0;
      int v = s;
      while (v >= 0 && state[v] == 0) {
        state[v] = 1;
        walk[len++] = v;
        v = d[v];
      }
      if (v >= 0 && state[v] == 1) {
        // v is on this walk: the cycle from v on delegates to no one
        int w = v;
        do {
          int next = d[w];
          d[w] = -1;
          w = next;
        } while (w != v && w >= 0);
      }
      for (int i = 0; i < len; i++) {
        state[walk[i]] = 2;
      }
    }
    return d;
  }

  /** Rows of the given nodes by bit-parallel propagation, in topological-rank batches. */
  private static int[][] propagated(CompactModel cm, int[] unordered) {
    // batches of nodes close in topological order share most of their dependents
    int[] rank = cm.ranks();
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
