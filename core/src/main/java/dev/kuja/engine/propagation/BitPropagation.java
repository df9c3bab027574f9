package dev.kuja.engine.propagation;

import dev.kuja.engine.graph.CompactModel;

/**
 * Impact of up to 64 failure sets at once (no horizon): bit b of {@code mask[v]} says that node
 * v fails in scenario b. Masks only grow, so a worklist run from the sources reaches the least
 * fixpoint of docs/analyses.md#impact for all 64 scenarios together, cycles included. The worklist is ordered
 * by topological rank, so on acyclic parts every node is processed once per run.
 *
 * <p>A node tells its dependents only the scenarios it newly failed in since it last told them.
 * A requirement that breaks with one failed alternative (n − k + 1 = 1) breaks in exactly
 * those; one that needs t ≥ 2 failed alternatives keeps, per scenario, the number of its
 * alternatives failed so far — a bit-sliced binary counter of ⌈log2(n + 1)⌉ words, one bit per
 * scenario — and breaks in the scenarios whose count has just reached t. Each alternative adds
 * each scenario once, so a run costs O(log n) per (alternative, scenario) it reaches, whatever k
 * is: a requirement needing 50,000 of 100,000 alternatives costs no more per failure than one
 * needing 1 (docs/analyses.md#running-times).
 *
 * <p>Buffers are reused between runs and only what a run touched is cleared. Not thread-safe.
 */
public final class BitPropagation {

  private final CompactModel cm;
  private final long[] mask;
  private final boolean[] queued;
  private final int[] queue;
  private int size;
  private final int[] rank;
  private final int[] touched;
  private int touchedCount;
  private final long[] slices;
  /** The scenarios each node has told its dependents of. */
  private final long[] told;
  /** Per requirement with t ≥ 2, where its counter starts in {@link #counters}; −1 for t = 1. */
  private final int[] counterAt;
  /** Bit j (weight 2^j) of every counted requirement's per-scenario count, for j < its width. */
  private final long[] counters;
  private final int[] touchedReqs;
  private final boolean[] reqTouched;
  private int touchedReqCount;
  /** False only for the reference mode that recounts alternatives at every change (tests). */
  private final boolean counting;

  public BitPropagation(CompactModel cm) {
    this(cm, true);
  }

  /**
   * With {@code counting} false, a requirement's broken scenarios are recounted from all its
   * alternatives at every change, O(t · n) each time: the former method, kept as a reference
   * for the tests of the counters.
   */
  BitPropagation(CompactModel cm, boolean counting) {
    this.cm = cm;
    this.counting = counting;
    mask = new long[cm.n];
    told = new long[cm.n];
    queued = new boolean[cm.n];
    queue = new int[cm.n];
    rank = cm.ranks();
    touched = new int[cm.n];
    int widest = 0;
    counterAt = new int[cm.r];
    int words = 0;
    for (int q = 0; q < cm.r; q++) {
      widest = Math.max(widest, cm.size(q));
      if (cm.toBreak(q) >= 2) {
        counterAt[q] = words;
        words += width(q);
      } else {
        counterAt[q] = -1;
      }
    }
    slices = counting ? new long[0] : new long[widest + 2];
    counters = new long[counting ? words : 0];
    touchedReqs = new int[counting ? cm.r : 0];
    reqTouched = new boolean[counting ? cm.r : 0];
  }

  /** Words of requirement q's counter: enough bits for counts up to n. */
  private int width(int q) {
    return 32 - Integer.numberOfLeadingZeros(cm.size(q));
  }

  /**
   * Runs scenario b = "node sources[b] fails" for every b (at most 64 sources); nodes outside
   * {@code allowed} (when not null) never fail by propagation.
   */
  public void run(int[] sources, int from, int to, boolean[] allowed) {
    if (to - from > 64) {
      throw new IllegalArgumentException("at most 64 scenarios per run");
    }
    clear();
    for (int b = 0; b < to - from; b++) {
      int s = sources[from + b];
      if (mask[s] == 0) {
        touched[touchedCount++] = s;
      }
      mask[s] |= 1L << b;
      push(s);
    }
    // providers before dependents: a node is processed once all it may hear from has spoken,
    // so the 64 scenarios travel together instead of as 64 separate waves
    while (size > 0) {
      int u = pop();
      long news = mask[u] & ~told[u];
      if (news == 0) {
        continue;
      }
      told[u] |= news;
      for (int i = cm.revStart(u), e = cm.revStart(u + 1); i < e; i++) {
        int v = cm.revOwner(i);
        if (allowed != null && !allowed[v]) {
          continue;
        }
        int q = cm.revReq(i);
        long grow = (counting ? broken(q, news) : dead(q)) & ~mask[v];
        if (grow != 0) {
          if (mask[v] == 0) {
            touched[touchedCount++] = v;
          }
          mask[v] |= grow;
          push(v);
        }
      }
    }
  }

  private void push(int v) {
    if (queued[v]) {
      return;
    }
    queued[v] = true;
    int i = size++;
    int key = rank[v];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (rank[queue[parent]] <= key) {
        break;
      }
      queue[i] = queue[parent];
      i = parent;
    }
    queue[i] = v;
  }

  private int pop() {
    int top = queue[0];
    queued[top] = false;
    int last = queue[--size];
    int key = rank[last];
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      if (child + 1 < size && rank[queue[child + 1]] < rank[queue[child]]) {
        child++;
      }
      if (key <= rank[queue[child]]) {
        break;
      }
      queue[i] = queue[child];
      i = child;
    }
    if (size > 0) {
      queue[i] = last;
    }
    return top;
  }

  /**
   * The scenarios in which requirement q breaks now that one of its alternatives has failed in
   * the scenarios {@code news} (each alternative reports each scenario once per run).
   */
  private long broken(int q, long news) {
    int at = counterAt[q];
    if (at < 0) {
      return news; // t = 1: any failed alternative breaks it
    }
    if (!reqTouched[q]) {
      reqTouched[q] = true;
      touchedReqs[touchedReqCount++] = q;
    }
    int width = width(q);
    // add one in every scenario of news: ripple the carry up the bit slices
    long carry = news;
    for (int j = 0; j < width && carry != 0; j++) {
      long bit = counters[at + j];
      counters[at + j] = bit ^ carry;
      carry &= bit;
    }
    // the scenarios whose count is now exactly t (they just reached it: counts grow by one)
    int t = cm.toBreak(q);
    long equal = news;
    for (int j = 0; j < width && equal != 0; j++) {
      equal &= ((t >>> j) & 1) != 0 ? counters[at + j] : ~counters[at + j];
    }
    return equal;
  }

  /** Scenarios in which requirement q does not hold: at least n−k+1 alternatives failed. */
  private long dead(int q) {
    int s = cm.altStart(q);
    int e = cm.altStart(q + 1);
    int t = e - s - cm.reqK(q) + 1;
    if (t == 1) {
      long m = 0;
      for (int i = s; i < e; i++) {
        m |= mask[cm.alt(i)];
      }
      return m;
    }
    if (t == e - s) {
      long m = -1L;
      for (int i = s; i < e && m != 0; i++) {
        m &= mask[cm.alt(i)];
      }
      return m;
    }
    // bit-sliced counting: slices[j] = scenarios in which at least j alternatives failed
    long[] c = slices;
    c[0] = -1L;
    for (int j = 1; j <= t; j++) {
      c[j] = 0;
    }
    for (int i = s; i < e; i++) {
      long m = mask[cm.alt(i)];
      if (m == 0) {
        continue;
      }
      for (int j = t; j >= 1; j--) {
        c[j] |= c[j - 1] & m;
      }
    }
    return c[t];
  }

  /** The scenarios in which node v fails. */
  public long mask(int v) {
    return mask[v];
  }

  /** Number of nodes that failed in at least one scenario of the last run. */
  public int touchedCount() {
    return touchedCount;
  }

  /** The i-th node that failed in some scenario of the last run. */
  public int touched(int i) {
    return touched[i];
  }

  private void clear() {
    for (int i = 0; i < touchedCount; i++) {
      mask[touched[i]] = 0;
      told[touched[i]] = 0;
    }
    touchedCount = 0;
    for (int i = 0; i < touchedReqCount; i++) {
      int q = touchedReqs[i];
      reqTouched[q] = false;
      java.util.Arrays.fill(counters, counterAt[q], counterAt[q] + width(q), 0L);
    }
    touchedReqCount = 0;
  }
}
