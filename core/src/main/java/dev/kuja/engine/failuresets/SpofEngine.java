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
 * <p>Only f's dependency closure can matter, so everything runs restricted to it. Nodes reached
 * from f through serial requirements only (k = n) are <em>direct</em> SPOFs and need no test;
 * their explanation is the serial path itself. Every other node of the closure is tested — 64 at
 * a time by bit-parallel propagation when there is no horizon — and the ones that bring f down
 * are <em>common-cause</em> SPOFs, explained by the chain of first causes from a failure-time run.
 */
public final class SpofEngine {

  /**
   * One SPOF: the node, whether it is common-cause, and the number of nodes on its path. A
   * common-cause SPOF carries its path [node, …, f]; a direct one's path is read from {@link
   * Result#parent()} (node, parent[node], …, f), shared by all direct SPOFs so that a deep chain
   * does not cost quadratic memory.
   */
  public record Found(int node, boolean commonCause, int length, int[] path) {}

  /** The SPOFs and the serial-path tree their direct paths run along. */
  public record Result(List<Found> found, int[] parent) {}

  private SpofEngine() {}

  public static Result spofs(CompactModel cm, int f, long horizon) {
    boolean[] closure = Closure.dependencyMask(cm, f);
    int[] parent = new int[cm.n];
    Arrays.fill(parent, -2);
    int[] depth = new int[cm.n];
    boolean[] direct = serialReach(cm, f, horizon, parent, depth);
    List<Found> found = new ArrayList<>();
    // with a horizon, v can bring f down in time only if some path from f down to v has
    // tolerances summing to at most the horizon: every chain of causes pays at least that
    long[] bound = horizon == CompactModel.NEVER ? null : lowerBounds(cm, f, horizon);
    List<Integer> candidates = new ArrayList<>();
    for (int v = 0; v < cm.n; v++) {
      if (!closure[v] || v == f) {
        continue;
      }
      if (direct[v]) {
        found.add(new Found(v, false, depth[v] + 1, null));
      } else if (bound == null || bound[v] <= horizon) {
        candidates.add(v);
      }
    }
    int[] cand = candidates.stream().mapToInt(Integer::intValue).toArray();
    FailurePropagation fp = new FailurePropagation(cm);
    if (horizon == CompactModel.NEVER) {
      BitPropagation bits = new BitPropagation(cm);
      for (int from = 0; from < cand.length; from += 64) {
        int to = Math.min(cand.length, from + 64);
        bits.run(cand, from, to, closure);
        long hit = bits.mask(f);
        while (hit != 0) {
          int b = Long.numberOfTrailingZeros(hit);
          hit &= hit - 1;
          found.add(explain(cm, fp, cand[from + b], f, horizon, closure));
        }
      }
    } else {
      for (int v : cand) {
        fp.times(new int[] {v}, horizon, closure, f);
        if (fp.isFailed(f)) {
          int[] chain = fp.chain(f);
          found.add(new Found(v, true, chain.length, chain));
        }
      }
    }
    found.sort((a, b) -> a.length != b.length
        ? Integer.compare(a.length, b.length)
        : cm.id(a.node).compareTo(cm.id(b.node)));
    return new Result(found, parent);
  }

  private static Found explain(
      CompactModel cm, FailurePropagation fp, int v, int f, long horizon, boolean[] closure) {
    fp.times(new int[] {v}, horizon, closure, f);
    int[] chain = fp.chain(f);
    return new Found(v, true, chain.length, chain);
  }

  /**
   * For every node, the least sum of tolerances on a path of requirements from f down to it
   * (any requirements, not only serial ones), up to the horizon; {@link CompactModel#NEVER}
   * beyond it. A lower bound on how soon the node's failure can reach f.
   */
  static long[] lowerBounds(CompactModel cm, int f, long horizon) {
    long[] dist = new long[cm.n];
    Arrays.fill(dist, CompactModel.NEVER);
    dist[f] = 0;
    PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    queue.add(new long[] {0, f});
    while (!queue.isEmpty()) {
      long[] top = queue.poll();
      int v = (int) top[1];
      if (top[0] != dist[v]) {
        continue;
      }
      for (int q = cm.reqStart(v); q < cm.reqStart(v + 1); q++) {
        long d = CompactModel.plus(dist[v], cm.reqTol(q));
        if (d > horizon) {
          continue;
        }
        for (int i = cm.altStart(q); i < cm.altStart(q + 1); i++) {
          int u = cm.alt(i);
          if (d < dist[u]) {
            dist[u] = d;
            queue.add(new long[] {d, u});
          }
        }
      }
    }
    return dist;
  }

  /**
   * Nodes reachable from f through serial requirements whose tolerances add up to at most the
   * horizon (shortest such path); {@code parent} records the path back towards f and {@code
   * depth} its number of steps.
   */
  static boolean[] serialReach(CompactModel cm, int f, long horizon, int[] parent, int[] depth) {
    boolean[] reached = new boolean[cm.n];
    long[] dist = new long[cm.n];
    Arrays.fill(dist, CompactModel.NEVER);
    dist[f] = 0;
    parent[f] = -1;
    PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    queue.add(new long[] {0, f});
    while (!queue.isEmpty()) {
      long[] top = queue.poll();
      int v = (int) top[1];
      if (reached[v] || top[0] != dist[v]) {
        continue;
      }
      reached[v] = true;
      depth[v] = v == f ? 0 : depth[parent[v]] + 1;
      for (int q = cm.reqStart(v); q < cm.reqStart(v + 1); q++) {
        if (cm.toBreak(q) != 1) {
          continue;
        }
        long d = CompactModel.plus(dist[v], cm.reqTol(q));
        if (d > horizon) {
          continue;
        }
        for (int i = cm.altStart(q); i < cm.altStart(q + 1); i++) {
          int u = cm.alt(i);
          if (d < dist[u]) {
            dist[u] = d;
            parent[u] = v;
            queue.add(new long[] {d, u});
          }
        }
      }
    }
    return reached;
  }

}
