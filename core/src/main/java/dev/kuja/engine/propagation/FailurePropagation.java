package dev.kuja.engine.propagation;

import dev.kuja.engine.graph.CompactModel;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Failure times of every node when a set of nodes fails at time 0 and stays down (docs/analyses.md#failure-times):
 * t(v) = min over requirements r of v of (the (n−k+1)-th smallest failure time among r's
 * alternatives) + tolerance(r). Knuth's generalisation of Dijkstra's algorithm computes it in
 * O(E log V), cycles included; without a horizon a FIFO pass in O(V + E) gives the set of nodes
 * that ever fail (the least fixpoint).
 *
 * <p>One instance serves many runs on the same model: buffers are reused and only what a run
 * touched is cleared, so a run restricted to a small region costs time proportional to it. Not
 * thread-safe; use one instance per thread.
 */
public final class FailurePropagation {

  private final CompactModel cm;
  private final long[] time;
  private final int[] cause;
  private final int[] causeReq;
  private final boolean[] done;
  private final int[] count;
  private final int[] heap;
  private final int[] pos;
  private int heapSize;
  private final int[] failed;
  private final int[] ready;
  private int failedCount;
  private final int[] touchedNodes;
  private int touchedNodeCount;
  private final int[] touchedReqs;
  private int touchedReqCount;

  /**
   * An engine for the model from its pool, or a new one: engines hold arrays as large as the
   * model, so analyses reuse them rather than allocate tens of megabytes per call. Give it
   * back with {@link #release()}.
   */
  public static FailurePropagation acquire(CompactModel cm) {
    FailurePropagation fp = cm.derived(Pool.class, c -> new Pool()).idle.poll();
    return fp != null ? fp : new FailurePropagation(cm);
  }

  /** Returns this engine to its model's pool (at most one per core is kept). */
  public void release() {
    Pool pool = cm.derived(Pool.class, c -> new Pool());
    if (pool.idle.size() < Runtime.getRuntime().availableProcessors()) {
      pool.idle.offer(this);
    }
  }

  /** Idle engines of one model. */
  private static final class Pool {
    final ConcurrentLinkedQueue<FailurePropagation> idle = new ConcurrentLinkedQueue<>();
  }

  public FailurePropagation(CompactModel cm) {
    this.cm = cm;
    time = new long[cm.n];
    Arrays.fill(time, CompactModel.NEVER);
    cause = new int[cm.n];
    causeReq = new int[cm.n];
    done = new boolean[cm.n];
    count = new int[cm.r];
    heap = new int[cm.n];
    pos = new int[cm.n];
    Arrays.fill(pos, -1);
    failed = new int[cm.n];
    ready = new int[cm.n];
    touchedNodes = new int[cm.n];
    touchedReqs = new int[cm.r];
  }

  /**
   * Failure times of the nodes that fail within {@code horizon} ms (use {@link
   * CompactModel#NEVER} for none). Nodes outside {@code allowed} (when not null) are never
   * failed by propagation. With {@code target} ≥ 0 the run stops once the target's time is
   * known.
   */
  public void times(int[] sources, long horizon, boolean[] allowed, int target) {
    reset();
    // nodes whose time equals the time being finalised skip the heap: with zero tolerances
    // (most requirements) a cascade runs as a FIFO pass, in time order all the same
    int readyHead = 0;
    int readyTail = 0;
    for (int s : sources) {
      if (time[s] != 0) {
        touch(s);
        time[s] = 0;
        cause[s] = -1;
        causeReq[s] = -1;
        ready[readyTail++] = s;
      }
    }
    while (readyHead < readyTail || heapSize > 0) {
      int u = readyHead < readyTail ? ready[readyHead++] : pop();
      if (done[u]) {
        continue;
      }
      long t = time[u];
      if (t > horizon) {
        break;
      }
      done[u] = true;
      failed[failedCount++] = u;
      if (u == target) {
        break;
      }
      for (int i = cm.revStart(u), e = cm.revStart(u + 1); i < e; i++) {
        int v = cm.revOwner(i);
        if (done[v] || (allowed != null && !allowed[v])) {
          continue;
        }
        int q = cm.revReq(i);
        if (count[q]++ == 0) {
          touchedReqs[touchedReqCount++] = q;
        }
        if (count[q] == cm.toBreak(q)) {
          long candidate = CompactModel.plus(t, cm.reqTol(q));
          if (candidate < time[v] && candidate <= horizon) {
            if (time[v] == CompactModel.NEVER) {
              touch(v);
            }
            time[v] = candidate;
            cause[v] = u;
            causeReq[v] = q;
            if (pos[v] >= 0) {
              siftUp(pos[v]);
            } else if (candidate == t) {
              ready[readyTail++] = v;
            } else {
              push(v);
            }
          }
        }
      }
    }
  }

  /**
   * The nodes that ever fail (no horizon, tolerances irrelevant): the least fixpoint of
   * docs/analyses.md#impact, by a FIFO pass in O(V + E). Every failed node gets time 0.
   */
  public void impact(int[] sources, boolean[] allowed) {
    reset();
    int head = 0;
    for (int s : sources) {
      if (!done[s]) {
        done[s] = true;
        touch(s);
        time[s] = 0;
        cause[s] = -1;
        causeReq[s] = -1;
        failed[failedCount++] = s;
      }
    }
    while (head < failedCount) {
      int u = failed[head++];
      for (int i = cm.revStart(u), e = cm.revStart(u + 1); i < e; i++) {
        int v = cm.revOwner(i);
        if (done[v] || (allowed != null && !allowed[v])) {
          continue;
        }
        int q = cm.revReq(i);
        if (count[q]++ == 0) {
          touchedReqs[touchedReqCount++] = q;
        }
        if (count[q] == cm.toBreak(q)) {
          done[v] = true;
          touch(v);
          time[v] = 0;
          cause[v] = u;
          causeReq[v] = q;
          failed[failedCount++] = v;
        }
      }
    }
  }

  /** Number of failed nodes of the last run. */
  public int failedCount() {
    return failedCount;
  }

  /** The i-th failed node of the last run, in order of failure. */
  public int failed(int i) {
    return failed[i];
  }

  /** True when node v failed in the last run. */
  public boolean isFailed(int v) {
    return done[v];
  }

  /** Failure time of v in the last run ({@link CompactModel#NEVER} when it did not fail). */
  public long time(int v) {
    return done[v] ? time[v] : CompactModel.NEVER;
  }

  /** The alternative whose failure broke v's requirement ({@code -1} for sources). */
  public int cause(int v) {
    return cause[v];
  }

  /** The requirement of v that broke ({@code -1} for sources). */
  public int causeRequirement(int v) {
    return causeReq[v];
  }

  /** The chain of causes from a source to a failed node v: [source, …, v]. */
  public int[] chain(int v) {
    int length = 0;
    for (int u = v; u >= 0; u = cause[u]) {
      length++;
    }
    int[] path = new int[length];
    for (int u = v, i = length - 1; u >= 0; u = cause[u]) {
      path[i--] = u;
    }
    return path;
  }

  private void touch(int v) {
    touchedNodes[touchedNodeCount++] = v;
  }

  private void reset() {
    for (int i = 0; i < touchedNodeCount; i++) {
      int v = touchedNodes[i];
      time[v] = CompactModel.NEVER;
      done[v] = false;
      pos[v] = -1;
    }
    touchedNodeCount = 0;
    for (int i = 0; i < touchedReqCount; i++) {
      count[touchedReqs[i]] = 0;
    }
    touchedReqCount = 0;
    failedCount = 0;
    heapSize = 0;
  }

  // --- indexed binary min-heap on time[] ---

  private void push(int v) {
    heap[heapSize] = v;
    pos[v] = heapSize;
    siftUp(heapSize++);
  }

  private int pop() {
    int top = heap[0];
    pos[top] = -1;
    int last = heap[--heapSize];
    if (heapSize > 0) {
      heap[0] = last;
      pos[last] = 0;
      siftDown(0);
    }
    return top;
  }

  private void siftUp(int i) {
    int v = heap[i];
    long key = time[v];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      int p = heap[parent];
      if (time[p] <= key) {
        break;
      }
      heap[i] = p;
      pos[p] = i;
      i = parent;
    }
    heap[i] = v;
    pos[v] = i;
  }

  private void siftDown(int i) {
    int v = heap[i];
    long key = time[v];
    int half = heapSize >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int c = heap[child];
      int right = child + 1;
      if (right < heapSize && time[heap[right]] < time[c]) {
        child = right;
        c = heap[child];
      }
      if (key <= time[c]) {
        break;
      }
      heap[i] = c;
      pos[c] = i;
      i = child;
    }
    heap[i] = v;
    pos[v] = i;
  }
}
