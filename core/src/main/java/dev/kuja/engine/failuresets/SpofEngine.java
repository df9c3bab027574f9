package dev.kuja.engine.failuresets;

import dev.kuja.engine.graph.Closure;
import dev.kuja.engine.graph.CompactModel;
import dev.kuja.engine.propagation.BitPropagation;
import dev.kuja.engine.propagation.FailurePropagation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Single points of failure of one function (docs/analyses.md#single-points-of-failure): nodes v ≠ f whose failure alone brings f
 * down, within a horizon if one is given.
 *
 * <p>Only f's dependency closure can matter, so everything runs on the sub-model of that closure
 * ({@link CompactModel#restrict}), in time and memory proportional to it, never to the model.
 * Nodes reached from f through serial requirements only (k = n) are <em>direct</em> SPOFs and
 * need no test; their explanation is the serial path itself. Every other node of the closure is
 * tested — 64 at a time by bit-parallel propagation when there is no horizon — and the ones that
 * bring f down are <em>common-cause</em> SPOFs, explained by the chain of first causes from a
 * failure-time run.
 *
 * <p>When the common-cause SPOFs are already known (the SPOFs of every function at once, {@link
 * SpofTable}), {@link #explain(CompactModel, int, int[])} only finds the direct ones and explains
 * the rest, with exactly the result {@link #spofs(CompactModel, int, long)} would give.
 */
public final class SpofEngine {

  /**
   * One SPOF: the node, whether it is common-cause, and the number of nodes on its path. A
   * common-cause SPOF carries its path [node, …, f]; a direct one's path is read from the
   * {@link SerialTree} of its result, starting at position {@code local} (node, parent, …, f),
   * shared by all direct SPOFs so that a deep chain does not cost quadratic memory.
   */
  public record Found(int node, boolean commonCause, int length, int[] path, int local) {}

  /**
   * The least-tolerance serial chains from f, as a tree over f's direct SPOFs only: {@code
   * nodes[i]} is a node (nodes[0] = f), {@code parent[i]} the position of the next node towards f
   * (−1 for f). Its size is the number of direct SPOFs plus one, whatever the model's size.
   */
  public record SerialTree(int[] nodes, int[] parent) {}

  /** The SPOFs, ordered by path length then id, and the serial tree their direct paths run along. */
  public record Result(List<Found> found, SerialTree tree) {}

  private SpofEngine() {}

  /** The SPOFs of f within {@code horizon} ms ({@link CompactModel#NEVER} for none). */
  public static Result spofs(CompactModel cm, int f, long horizon) {
    int[] nodes = Closure.dependencyNodes(cm, f);
    CompactModel sub = cm.restrict(nodes);
    int lf = Arrays.binarySearch(nodes, f);
    // direct SPOFs: serial chains within the horizon
    Search serial = new Search(sub, lf, horizon, true);
    List<Found> found = new ArrayList<>();
    SerialTree tree = serial.direct(nodes, found);
    // with a horizon, v can bring f down in time only if some path from f down to v has
    // tolerances summing to at most the horizon: every chain of causes pays at least that
    Search bounds = horizon == CompactModel.NEVER ? null : new Search(sub, lf, horizon, false);
    int[] cand = new int[sub.n];
    int count = 0;
    for (int v = 0; v < sub.n; v++) {
      if (v != lf && !serial.reached(v) && (bounds == null || bounds.reached(v))) {
        cand[count++] = v;
      }
    }
    FailurePropagation fp = new FailurePropagation(sub);
    if (horizon == CompactModel.NEVER) {
      BitPropagation bits = new BitPropagation(sub);
      for (int from = 0; from < count; from += 64) {
        int to = Math.min(count, from + 64);
        bits.run(cand, from, to, null);
        long hit = bits.mask(lf);
        while (hit != 0) {
          int b = Long.numberOfTrailingZeros(hit);
          hit &= hit - 1;
          found.add(explain(fp, cand[from + b], lf, horizon, nodes));
        }
      }
    } else {
      for (int i = 0; i < count; i++) {
        int v = cand[i];
        fp.times(new int[] {v}, horizon, null, lf);
        if (fp.isFailed(lf)) {
          int[] chain = global(fp.chain(lf), nodes);
          found.add(new Found(nodes[v], true, chain.length, chain, -1));
        }
      }
    }
    sort(cm, found);
    return new Result(found, tree);
  }

  /**
   * The SPOFs of f without a horizon, given its common-cause SPOFs: the direct ones are found by
   * the serial search, and every common-cause one is explained by a failure-time run within f's
   * closure. Equal to {@link #spofs(CompactModel, int, long) spofs(cm, f, NEVER)} when {@code
   * commonCause} are exactly f's SPOFs that no serial chain reaches.
   */
  public static Result explain(CompactModel cm, int f, int[] commonCause) {
    int[] nodes = Closure.dependencyNodes(cm, f);
    CompactModel sub = cm.restrict(nodes);
    int lf = Arrays.binarySearch(nodes, f);
    Search serial = new Search(sub, lf, CompactModel.NEVER, true);
    List<Found> found = new ArrayList<>(serial.reachedCount - 1 + commonCause.length);
    SerialTree tree = serial.direct(nodes, found);
    if (commonCause.length > 0) {
      FailurePropagation fp = new FailurePropagation(sub);
      for (int v : commonCause) {
        int local = Arrays.binarySearch(nodes, v);
        if (local < 0) {
          throw new IllegalArgumentException(cm.id(v) + " is not in the closure of " + cm.id(f));
        }
        found.add(explain(fp, local, lf, CompactModel.NEVER, nodes));
      }
    }
    sort(cm, found);
    return new Result(found, tree);
  }

  private static void sort(CompactModel cm, List<Found> found) {
    found.sort((a, b) -> a.length != b.length
        ? Integer.compare(a.length, b.length)
        : cm.id(a.node).compareTo(cm.id(b.node)));
  }

  /** Explains common-cause SPOF v of f (both local) by the chain of first causes. */
  private static Found explain(FailurePropagation fp, int v, int f, long horizon, int[] nodes) {
    fp.times(new int[] {v}, horizon, null, f);
    int[] chain = global(fp.chain(f), nodes);
    return new Found(nodes[v], true, chain.length, chain, -1);
  }

  private static int[] global(int[] local, int[] nodes) {
    for (int i = 0; i < local.length; i++) {
      local[i] = nodes[local[i]];
    }
    return local;
  }

  /**
   * Dijkstra from f down the requirements — only the serial ones (k = n) when {@code
   * serialOnly} — with tolerances as lengths, keeping the nodes whose distance is at most the
   * horizon; without a horizon, every node such a path reaches, even when its tolerances add up
   * beyond what a long can count. Finalised nodes are {@code reached[0 .. reachedCount)}, f
   * first, each with its parent towards f and its depth.
   */
  private static final class Search {
    /** The node towards f on the best path, −1 for f, −2 for a node not seen. */
    final int[] parent;
    /** Steps from f on that path, −1 until finalised. */
    final int[] depth;
    final int[] reached;
    int reachedCount;

    Search(CompactModel cm, int f, long horizon, boolean serialOnly) {
      long[] dist = new long[cm.n];
      parent = new int[cm.n];
      Arrays.fill(parent, -2);
      depth = new int[cm.n];
      Arrays.fill(depth, -1);
      reached = new int[cm.n];
      parent[f] = -1;
      PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
      queue.add(new long[] {0, f});
      while (!queue.isEmpty()) {
        long[] top = queue.poll();
        int v = (int) top[1];
        if (top[0] != dist[v] || depth[v] >= 0) {
          continue;
        }
        depth[v] = v == f ? 0 : depth[parent[v]] + 1;
        reached[reachedCount++] = v;
        for (int q = cm.reqStart(v); q < cm.reqStart(v + 1); q++) {
          if (serialOnly && cm.toBreak(q) != 1) {
            continue;
          }
          long d = CompactModel.plus(dist[v], cm.reqTol(q));
          if (d > horizon) {
            continue;
          }
          for (int i = cm.altStart(q); i < cm.altStart(q + 1); i++) {
            int u = cm.alt(i);
            if (parent[u] == -2 || d < dist[u]) {
              dist[u] = d;
              parent[u] = v;
              queue.add(new long[] {d, u});
            }
          }
        }
      }
    }

    boolean reached(int v) {
      return depth[v] >= 0;
    }

    /**
     * The reached nodes other than f as direct SPOFs (global indices through {@code nodes}),
     * added to {@code found}, and the tree their paths run along.
     */
    SerialTree direct(int[] nodes, List<Found> found) {
      int[] tree = new int[reachedCount];
      int[] up = new int[reachedCount];
      int[] position = new int[parent.length];
      for (int i = 0; i < reachedCount; i++) {
        position[reached[i]] = i;
        tree[i] = nodes[reached[i]];
      }
      // a node is finalised after its parent, so the parent's position is already known
      up[0] = -1;
      for (int i = 1; i < reachedCount; i++) {
        int v = reached[i];
        up[i] = position[parent[v]];
        found.add(new Found(nodes[v], false, depth[v] + 1, null, i));
      }
      return new SerialTree(tree, up);
    }
  }
}
