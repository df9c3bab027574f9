package dev.kuja.engine.graph;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Breadth-first closures over requirements, with distances (supply-chain tiers). */
public final class Closure {

  /** Nodes in BFS order and the tier (distance) of each, parallel arrays. */
  public record Layers(int[] nodes, int[] tiers) {}

  private Closure() {}

  /** Everything {@code root} relies on, transitively; tier 0 is the root itself. */
  public static Layers dependencies(CompactModel cm, int root) {
    return bfs(cm, root, true);
  }

  /** Everything that relies on {@code root}, transitively; tier 0 is the root itself. */
  public static Layers dependents(CompactModel cm, int root) {
    return bfs(cm, root, false);
  }

  /** Membership mask of the dependency closure of {@code root}, root included. */
  public static boolean[] dependencyMask(CompactModel cm, int root) {
    boolean[] in = new boolean[cm.n];
    int[] queue = new int[cm.n];
    int head = 0;
    int tail = 0;
    in[root] = true;
    queue[tail++] = root;
    while (head < tail) {
      int v = queue[head++];
      for (int q = cm.reqStart(v); q < cm.reqStart(v + 1); q++) {
        for (int i = cm.altStart(q); i < cm.altStart(q + 1); i++) {
          int u = cm.alt(i);
          if (!in[u]) {
            in[u] = true;
            queue[tail++] = u;
          }
        }
      }
    }
    return in;
  }

  /**
   * The dependency closure of {@code root}, root included, as ascending node indices: in time
   * proportional to the closure, with scratch arrays pooled with the model (only the marks the
   * search set are cleared).
   */
  public static int[] dependencyNodes(CompactModel cm, int root) {
    Scratch scratch = cm.derived(Scratch.Pool.class, c -> new Scratch.Pool()).idle.poll();
    if (scratch == null) {
      scratch = new Scratch(cm.n);
    }
    boolean[] in = scratch.in;
    int[] queue = scratch.queue;
    int tail = 0;
    in[root] = true;
    queue[tail++] = root;
    for (int head = 0; head < tail; head++) {
      int v = queue[head];
      for (int q = cm.reqStart(v); q < cm.reqStart(v + 1); q++) {
        for (int i = cm.altStart(q); i < cm.altStart(q + 1); i++) {
          int u = cm.alt(i);
          if (!in[u]) {
            in[u] = true;
            queue[tail++] = u;
          }
        }
      }
    }
    int[] nodes = Arrays.copyOf(queue, tail);
    for (int v : nodes) {
      in[v] = false;
    }
    Scratch.Pool pool = cm.derived(Scratch.Pool.class, c -> new Scratch.Pool());
    if (pool.idle.size() < Runtime.getRuntime().availableProcessors()) {
      pool.idle.offer(scratch);
    }
    Arrays.sort(nodes);
    return nodes;
  }

  /** Marks and a queue as large as a model, all marks false between uses. */
  private static final class Scratch {
    final boolean[] in;
    final int[] queue;

    Scratch(int n) {
      in = new boolean[n];
      queue = new int[n];
    }

    /** Idle scratch arrays of one model. */
    static final class Pool {
      final ConcurrentLinkedQueue<Scratch> idle = new ConcurrentLinkedQueue<>();
    }
  }

  private static Layers bfs(CompactModel cm, int root, boolean forward) {
    int[] tier = new int[cm.n];
    Arrays.fill(tier, -1);
    int[] queue = new int[cm.n];
    int head = 0;
    int tail = 0;
    tier[root] = 0;
    queue[tail++] = root;
    while (head < tail) {
      int v = queue[head++];
      if (forward) {
        for (int q = cm.reqStart(v); q < cm.reqStart(v + 1); q++) {
          for (int i = cm.altStart(q); i < cm.altStart(q + 1); i++) {
            int u = cm.alt(i);
            if (tier[u] < 0) {
              tier[u] = tier[v] + 1;
              queue[tail++] = u;
            }
          }
        }
      } else {
        for (int i = cm.revStart(v); i < cm.revStart(v + 1); i++) {
          int u = cm.revOwner(i);
          if (tier[u] < 0) {
            tier[u] = tier[v] + 1;
            queue[tail++] = u;
          }
        }
      }
    }
    int[] nodes = Arrays.copyOf(queue, tail);
    int[] tiers = new int[tail];
    for (int i = 0; i < tail; i++) {
      tiers[i] = tier[nodes[i]];
    }
    return new Layers(nodes, tiers);
  }
}
