package dev.kuja.engine.cascade;

import dev.kuja.engine.graph.CompactModel;
import java.util.Arrays;

/**
 * Event-driven cascade simulation of docs/cascades.md#least-solution. Times are ms from the scenario start.
 *
 * <p>The rules, in interval form: a requirement that stopped holding at {@code a} and has not
 * held since gives its node a cause from {@code a + tolerance}; a node is down while it has a
 * cause and for its recovery time after the cause ends. At every instant the state is the least
 * solution given three facts fixed by the past — a direct disruption, "still recovering"
 * (cause within the last recovery time) and "broken for at least the tolerance" — so the state
 * only changes at disruption starts and ends, tolerance expiries and recovery ends.
 *
 * <p>Each instant is solved incrementally: new failures propagate monotonically from the nodes
 * that gained a cause; nodes that lost their own cause are withdrawn together with everything
 * that may have been down only through them, and re-derived (delete and re-derive), so a cycle
 * whose members have no cause left comes back up together while one held down by recovery times
 * locks. Work is proportional to the nodes and requirements touched; nothing recurses.
 */
public final class CascadeEngine {

  /** Receives every change of a node's state, in time order. */
  public interface Listener {
    /**
     * Node went down (or came back) at {@code time}; the cause is that of the outage starting
     * (or ending): a disruption index, or a requirement index with the alternative that broke it
     * and when it broke.
     */
    void changed(long time, int node, boolean down, int causeKind, int causeRef, int trigger, long since);
  }

  /** Cause kinds of an outage. */
  public static final int DISRUPTED = 0;
  public static final int REQUIREMENT = 1;

  private static final long NONE = Long.MIN_VALUE;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CascadeEngine.class);

  private final CompactModel cm;
  private final int n;
  private final int r;
  /** The owner of every requirement (the compact form keeps none), shared by the model's engines. */
  private final int[] owner;

  /** The owners of a model's requirements, made once for all its simulations. */
  private record Owners(int[] of) {}

  // disruptions: nodes of each, start and end (NEVER when open-ended)
  private int[][] dNodes;
  private long[] dStart;
  private long[] dEnd;
  private long horizon;
  private final Listener listener;

  // an episode (see episode()): times of the end family are TAG + offset, meaning end + offset
  private boolean parametric;
  /** The end of the episode's disruption, the value the end family is compared at. */
  private long end;
  /** The ends the run is valid for, both inclusive: every comparison made holds for them. */
  private long validFrom = 1;
  private long validTo = Long.MAX_VALUE;

  // node state
  private final boolean[] down;
  private final int[] directCount;
  private final int[] lastDirect;
  private final boolean[] causeActive;
  private final long[] causeEndedAt;
  private final long[] downSince;
  private final int[] downCauseKind;
  private final int[] downCauseRef;
  private final long[] downCauseSince;
  private final int[] downCauseTrigger;

  // requirement state
  private final int[] downCount;
  private final long[] brokenSince;
  private final int[] brokenBy;

  // per-instant work lists
  private final boolean[] dirty;
  // requirements whose count of down alternatives changed at this instant, and whether each
  // gave its owner a cause (broken for its tolerance) before the change
  private final boolean[] reqDirty;
  private final boolean[] reqWasCause;
  private final int[] reqDirtyList;
  private int reqDirtyCount;
  private final boolean[] prevDown;
  private final int[] dirtyList;
  private int dirtyCount;
  private final boolean[] inS;
  private final int[] sList;
  private final int[] work;
  private final boolean[] queued;
  private int[] upSeeds = new int[16];
  private int upSeedCount;
  private int[] downSeeds = new int[16];
  private int downSeedCount;

  // event heap (time, payload): payload < r is a tolerance expiry of requirement payload,
  // otherwise the recovery end of node payload - r
  private long[] heapTime = new long[64];
  private int[] heapRef = new int[64];
  private int heapSize;

  // disruption edges sorted by time: +index+1 for a start, -(index+1) for an end
  private long[] edgeTime;
  private int[] edgeRef;
  private int nextEdge;

  // when reused (see reusable()): the nodes and requirements whose state a run changed, so
  // that the next run starts from a clean state at the cost of what this one touched
  private boolean[] nodeTouched;
  private int[] touchedNodes;
  private int touchedNodeCount;
  private boolean[] reqTouched;
  private int[] touchedReqs;
  private int touchedReqCount;

  // the timeline, per node, as flat growable arrays of (from, to, causeKind, causeRef, causeSince)
  private final Outages outages;
  // while watching a system that does not settle: the nodes that came back up
  private boolean[] cameUp;

  public CascadeEngine(CompactModel cm, int[][] dNodes, long[] dStart, long[] dEnd, long horizon,
      Listener listener) {
    this.cm = cm;
    this.n = cm.n;
    this.r = cm.r;
    this.owner = cm.derived(Owners.class, c -> new Owners(c.reqOwners())).of();
    this.dNodes = dNodes;
    this.dStart = dStart;
    this.dEnd = dEnd;
    this.horizon = horizon;
    this.listener = listener;
    down = new boolean[n];
    directCount = new int[n];
    lastDirect = new int[n];
    causeActive = new boolean[n];
    causeEndedAt = new long[n];
    Arrays.fill(causeEndedAt, NONE);
    downSince = new long[n];
    downCauseKind = new int[n];
    downCauseRef = new int[n];
    downCauseSince = new long[n];
    downCauseTrigger = new int[n];
    downCount = new int[r];
    brokenSince = new long[r];
    Arrays.fill(brokenSince, NONE);
    brokenBy = new int[r];
    dirty = new boolean[n];
    reqDirty = new boolean[r];
    reqWasCause = new boolean[r];
    reqDirtyList = new int[r];
    prevDown = new boolean[n];
    dirtyList = new int[n];
    inS = new boolean[n];
    sList = new int[n];
    work = new int[n];
    queued = new boolean[n];
    outages = new Outages(n);
    disruptions(dNodes, dStart, dEnd, horizon);
  }

  /**
   * An engine for many simulations of one model, one after another ({@link #reset}): each
   * starts from the model's normal state at the cost of the nodes and requirements the one
   * before touched, instead of the model's size. Monte Carlo ensembles simulate a few short
   * stretches per scenario on models of 10^4 nodes and more.
   */
  public static CascadeEngine reusable(CompactModel cm) {
    CascadeEngine e = new CascadeEngine(cm, new int[0][], new long[0], new long[0], 0, null);
    e.nodeTouched = new boolean[cm.n];
    e.touchedNodes = new int[16];
    e.reqTouched = new boolean[cm.r];
    e.touchedReqs = new int[16];
    return e;
  }

  /**
   * Sets up a new simulation of these disruptions on an engine made by {@link #reusable}, as if
   * it were new: every node up, every requirement holding, nothing recorded.
   *
   * @throws IllegalStateException when the engine was not made to be reused
   */
  public CascadeEngine reset(int[][] dNodes, long[] dStart, long[] dEnd, long horizon) {
    if (nodeTouched == null) {
      throw new IllegalStateException("this engine was not made to be reused");
    }
    for (int i = 0; i < touchedNodeCount; i++) {
      int v = touchedNodes[i];
      nodeTouched[v] = false;
      // a run given up in the middle of an instant (an episode beyond what it can represent)
      // leaves its work lists behind
      dirty[v] = false;
      inS[v] = false;
      queued[v] = false;
      down[v] = false;
      directCount[v] = 0;
      causeActive[v] = false;
      causeEndedAt[v] = NONE;
    }
    touchedNodeCount = 0;
    for (int i = 0; i < touchedReqCount; i++) {
      int q = touchedReqs[i];
      reqTouched[q] = false;
      reqDirty[q] = false;
      downCount[q] = 0;
      brokenSince[q] = NONE;
    }
    touchedReqCount = 0;
    dirtyCount = 0;
    reqDirtyCount = 0;
    head = 0;
    tail = 0;
    pending = 0;
    parametric = false;
    end = 0;
    validFrom = 1;
    validTo = Long.MAX_VALUE;
    heapSize = 0;
    nextEdge = 0;
    upSeedCount = 0;
    downSeedCount = 0;
    outages.size = 0;
    disruptions(dNodes, dStart, dEnd, horizon);
    return this;
  }

  /** The disruptions of a run and their edges in time order. */
  private void disruptions(int[][] dNodes, long[] dStart, long[] dEnd, long horizon) {
    this.dNodes = dNodes;
    this.dStart = dStart;
    this.dEnd = dEnd;
    this.horizon = horizon;
    int d = dNodes.length;
    Integer[] order = new Integer[2 * d];
    long[] times = new long[2 * d];
    int[] refs = new int[2 * d];
    int count = 0;
    for (int i = 0; i < d; i++) {
      times[count] = dStart[i];
      refs[count++] = i + 1;
      if (dEnd[i] != CompactModel.NEVER) {
        times[count] = dEnd[i];
        refs[count++] = -(i + 1);
      }
    }
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    // by time; at one instant ends before starts (irrelevant to the state, tidy for listeners)
    Arrays.sort(order, 0, count, (a, b) -> times[a] != times[b]
        ? Long.compare(times[a], times[b]) : Integer.compare(refs[a], refs[b]));
    edgeTime = new long[count];
    edgeRef = new int[count];
    for (int i = 0; i < count; i++) {
      edgeTime[i] = times[order[i]];
      edgeRef[i] = refs[order[i]];
    }
  }

  /** Runs to the horizon and records the timeline. */
  public void run() {
    while (true) {
      long t = nextTime();
      if (t == CompactModel.NEVER || cmp(t, horizon) >= 0) {
        break;
      }
      instant(t, true);
    }
    if (nodeTouched != null) {
      // only touched nodes can be down; in node order, as below
      Arrays.sort(touchedNodes, 0, touchedNodeCount);
      for (int i = 0; i < touchedNodeCount; i++) {
        stillDown(touchedNodes[i]);
      }
    } else {
      for (int v = 0; v < n; v++) {
        stillDown(v);
      }
    }
  }

  private void stillDown(int v) {
    if (down[v]) {
      outages.add(v, downSince[v], CompactModel.NEVER, downCauseKind[v], downCauseRef[v],
          downCauseTrigger[v], downCauseSince[v]);
    }
  }

  /**
   * After {@link #run()}: ends every open-ended disruption at the horizon and lets the system
   * settle. The nodes still down then cannot restart by themselves (they are locked).
   *
   * <p>Tolerances and recovery times can make a cycle blink for ever — A's recovery outlasts
   * B's tolerance of A, and the other way round — so settling is bounded. When the bound is
   * reached the engine watches one more stretch of as many events: the locked nodes are those
   * down all through it; the blinking ones come up now and then and are not locked.
   */
  public boolean[] settleAndFindLocked() {
    long limit = 64L * (n + r + edgeTime.length) + 1024;
    for (int i = 0; i < dNodes.length; i++) {
      // still counted at the horizon: open-ended, or ending at or after it (its end edge, if
      // any, has not been processed)
      if (dEnd[i] >= horizon) {
        if (dStart[i] < horizon) {
          // withdraw it at the horizon
          for (int v : dNodes[i]) {
            directCount[v]--;
            if (directCount[v] == 0) {
              downSeed(v);
            }
          }
        }
      }
    }
    // drop disruption edges from the horizon on: they do not happen once all has ended
    nextEdge = edgeTime.length;
    long t = horizon;
    instant(t, false);
    long events = 0;
    while (heapSize > 0 && events++ < limit) {
      instant(heapTime[0], false);
    }
    if (heapSize == 0) {
      return down.clone();
    }
    LOG.debug("the system does not settle after the horizon within {} events: a cycle blinks;"
        + " watching as many again to tell locked nodes from blinking ones", limit);
    boolean[] locked = down.clone();
    cameUp = new boolean[n];
    for (long more = 0; heapSize > 0 && more < limit; more++) {
      instant(heapTime[0], false);
    }
    for (int v = 0; v < n; v++) {
      locked[v] &= down[v] && !cameUp[v];
    }
    cameUp = null;
    return locked;
  }

  /** The model this engine simulates. */
  CompactModel model() {
    return cm;
  }

  /** Outages recorded by {@link #run()}. */
  public Outages outages() {
    return outages;
  }

  // ------------------------------------------------------------------ episodes

  /** The mark of a time of an episode's end family: TAG + offset stands for end + offset. */
  static final long TAG = 1L << 62;

  /** The largest offset an episode's time may have; beyond it the episode is not supported. */
  private static final long MAX_OFFSET = 1L << 60;

  /** Thrown inside an episode whose times or events go beyond what it can represent. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  /**
   * The cascade of one disruption of {@code nodes} from time 0 to {@code end} (at least 1 ms),
   * nothing else disrupted and no horizon, in a form that holds for every end in an interval.
   *
   * <p>Every time of such a run is either an offset from the start or an offset from the end,
   * and the engine's decisions compare two times; two of one family compare alike whatever the
   * end, two of different families compare as the end compares with the difference of their
   * offsets. The run keeps its times in that form, decides every comparison at {@code end}, and
   * narrows the interval of ends for which each decision that shapes the timeline comes out the
   * same — the order of its instants, and at each instant which events are due, which
   * requirements have outlasted their tolerance and which nodes are still recovering: for any
   * end in it the run goes through the same states at the same instants, so its outages are the
   * same with the end's offsets moved. (The causes it records may differ, as events due at one
   * instant may be handled in another order; ensembles need only the outages.) A Monte Carlo ensemble samples thousands of outages of the same units
   * with durations from a continuous distribution; with episodes it simulates a unit once per
   * such interval instead of once per outage.
   *
   * @return the episode — one that does not settle when the run goes beyond a bound of events
   *     (a cycle that blinks for ever) or leaves a node down for good, for every end in its
   *     interval as well; empty when its times are too large to represent
   */
  public static java.util.Optional<Episode> episode(CompactModel cm, int[] nodes, long end) {
    return reusable(cm).episode(nodes, end);
  }

  /**
   * As {@link #episode(CompactModel, int[], long)}, on an engine made by {@link #reusable}: what
   * a Monte Carlo block does for each new interval of lengths, at the cost of what the episode
   * touches rather than the model's size.
   *
   * @throws IllegalStateException when the engine was not made to be reused
   */
  public java.util.Optional<Episode> episode(int[] nodes, long end) {
    if (end < 1 || end >= MAX_OFFSET) {
      return java.util.Optional.empty();
    }
    reset(new int[][] {nodes}, new long[] {0}, new long[] {TAG}, CompactModel.NEVER);
    this.parametric = true;
    this.end = end;
    return episode();
  }

  /** Runs this engine, set up for an episode, and makes the episode. */
  private java.util.Optional<Episode> episode() {
    try {
      long limit = 64L * (n + r) + 1024;
      long events = 0;
      long previous = 0;
      while (true) {
        long t = nextTime();
        if (t == CompactModel.NEVER) {
          break;
        }
        if (events++ > limit) {
          return java.util.Optional.of(unsettled());
        }
        if (events > 1) {
          cmp(previous, t); // the instants keep their order
        }
        previous = t;
        instant(t, true);
      }
    } catch (Unsupported u) {
      return java.util.Optional.empty();
    }
    if (anyDown()) {
      return java.util.Optional.of(unsettled()); // locked: it never ends
    }
    Outages o = outages;
    int[] node = Arrays.copyOf(o.node, o.size);
    long[] from = Arrays.copyOf(o.from, o.size);
    long[] to = Arrays.copyOf(o.to, o.size);
    return java.util.Optional.of(new Episode(validFrom, validTo, true, node, from, to));
  }

  /** Whether any node is down (only touched nodes can be, when the engine is reused). */
  private boolean anyDown() {
    if (nodeTouched != null) {
      for (int i = 0; i < touchedNodeCount; i++) {
        if (down[touchedNodes[i]]) {
          return true;
        }
      }
      return false;
    }
    for (int v = 0; v < n; v++) {
      if (down[v]) {
        return true;
      }
    }
    return false;
  }

  private Episode unsettled() {
    return new Episode(validFrom, validTo, false, new int[0], new long[0], new long[0]);
  }

  /**
   * The outages of an episode: node, from and to of each, in the order they ended, with times
   * in the episode's form (an offset from the start, or {@link #TAG} plus an offset from the
   * end); valid for every end from {@code validFrom} to {@code validTo}, both inclusive. One that
   * does not {@code settle} has no outages: for every end in its interval the cascade blinks for
   * ever or leaves a node down for good.
   */
  public record Episode(long validFrom, long validTo, boolean settles, int[] node, long[] from, long[] to) {

    /** True when the episode holds for a disruption of this length. */
    public boolean holdsFor(long length) {
      return length >= validFrom && length <= validTo;
    }

    /** Number of outages. */
    public int size() {
      return node.length;
    }

    /** The time of an episode's time {@code t} for a disruption from {@code start} to {@code end}. */
    public static long at(long t, long start, long end) {
      return t >= TAG ? end + (t - TAG) : start + t;
    }
  }

  /**
   * Orders two times at the episode's end without narrowing its interval: for the event heap and
   * the choice of the next instant. The run's instants keep their order across the interval
   * because each is compared with the one before (see {@link #episode}); which of the events due
   * at one instant is handled first changes the causes recorded, never the timeline.
   */
  private int order(long a, long b) {
    if (!parametric || a == CompactModel.NEVER || b == CompactModel.NEVER) {
      return Long.compare(a, b);
    }
    return Long.compare(a >= TAG ? end + (a - TAG) : a, b >= TAG ? end + (b - TAG) : b);
  }

  /** Compares two times; in an episode, at its end, narrowing the ends the decision holds for. */
  private int cmp(long a, long b) {
    if (!parametric || a == CompactModel.NEVER || b == CompactModel.NEVER) {
      return Long.compare(a, b);
    }
    boolean endA = a >= TAG;
    boolean endB = b >= TAG;
    if (endA == endB) {
      return Long.compare(a, b);
    }
    // start + s against end + f: as the end compares with s - f
    long s = endA ? b : a;
    long f = (endA ? a : b) - TAG;
    long threshold = s - f;
    int startVsEnd = Long.compare(s, end + f);
    if (startVsEnd < 0) {
      validFrom = Math.max(validFrom, threshold + 1);
    } else if (startVsEnd > 0) {
      validTo = Math.min(validTo, threshold - 1);
    } else {
      validFrom = Math.max(validFrom, threshold);
      validTo = Math.min(validTo, threshold);
    }
    return endA ? -startVsEnd : startVsEnd;
  }

  /** A time plus a duration; in an episode, within its family. */
  private long plus(long t, long d) {
    long sum = CompactModel.plus(t, d);
    if (parametric && t != CompactModel.NEVER && d != CompactModel.NEVER
        && (sum == CompactModel.NEVER || (t >= TAG ? sum - TAG >= MAX_OFFSET : sum >= MAX_OFFSET))) {
      throw new Unsupported();
    }
    return sum;
  }

  private long nextTime() {
    long t = CompactModel.NEVER;
    if (nextEdge < edgeTime.length) {
      t = edgeTime[nextEdge];
    }
    if (heapSize > 0 && order(heapTime[0], t) < 0) {
      t = heapTime[0];
    }
    return t;
  }

  private void instant(long t, boolean record) {
    // 1. the facts that change at t
    while (nextEdge < edgeTime.length && cmp(edgeTime[nextEdge], t) == 0) {
      int ref = edgeRef[nextEdge++];
      int i = Math.abs(ref) - 1;
      for (int v : dNodes[i]) {
        if (ref > 0) {
          if (directCount[v]++ == 0) {
            lastDirect[v] = i;
            upSeed(v);
          }
        } else if (--directCount[v] == 0) {
          downSeed(v);
        }
      }
    }
    while (heapSize > 0 && cmp(heapTime[0], t) == 0) {
      int ref = heapRef[0];
      popEvent();
      if (ref < r) {
        if (brokenSince[ref] != NONE && cmp(plus(brokenSince[ref], cm.reqTol(ref)), t) == 0) {
          upSeed(owner[ref]);
        }
      } else {
        int v = ref - r;
        if (!causeActive[v] && causeEndedAt[v] != NONE
            && cmp(plus(causeEndedAt[v], cm.recovery(v)), t) == 0) {
          downSeed(v);
        }
      }
    }
    solve(t);
    settle(t, record);
  }

  private void upSeed(int v) {
    if (upSeedCount == upSeeds.length) {
      upSeeds = Arrays.copyOf(upSeeds, upSeedCount * 2);
    }
    upSeeds[upSeedCount++] = v;
  }

  private void downSeed(int v) {
    if (downSeedCount == downSeeds.length) {
      downSeeds = Arrays.copyOf(downSeeds, downSeedCount * 2);
    }
    downSeeds[downSeedCount++] = v;
  }

  /** Call before changing downCount[q]: remembers whether q gave its owner a cause. */
  private void markReq(int q, long t) {
    if (reqTouched != null && !reqTouched[q]) {
      reqTouched[q] = true;
      if (touchedReqCount == touchedReqs.length) {
        touchedReqs = Arrays.copyOf(touchedReqs, touchedReqCount * 2);
      }
      touchedReqs[touchedReqCount++] = q;
    }
    if (!reqDirty[q]) {
      reqDirty[q] = true;
      reqWasCause[q] = broken(q) && expired(q, t);
      reqDirtyList[reqDirtyCount++] = q;
    }
  }

  private void markDirty(int v) {
    if (nodeTouched != null && !nodeTouched[v]) {
      nodeTouched[v] = true;
      if (touchedNodeCount == touchedNodes.length) {
        touchedNodes = Arrays.copyOf(touchedNodes, touchedNodeCount * 2);
      }
      touchedNodes[touchedNodeCount++] = v;
    }
    if (!dirty[v]) {
      dirty[v] = true;
      prevDown[v] = down[v];
      dirtyList[dirtyCount++] = v;
    }
  }

  /** Down because of the past or a disruption, whatever the requirements say now. */
  private boolean selfSupported(int v, long t) {
    return directCount[v] > 0 || recovering(v, t);
  }

  /** Had a cause within the last recovery time. */
  private boolean recovering(int v, long t) {
    long rec = cm.recovery(v);
    if (rec == 0) {
      return false;
    }
    return causeActive[v] || (causeEndedAt[v] != NONE && cmp(t, plus(causeEndedAt[v], rec)) < 0);
  }

  /** Requirement q has been broken for at least its tolerance (fixed by the past). */
  private boolean expired(int q, long t) {
    long tol = cm.reqTol(q);
    return tol == 0 || (brokenSince[q] != NONE && cmp(t, plus(brokenSince[q], tol)) >= 0);
  }

  private boolean broken(int q) {
    return downCount[q] >= cm.toBreak(q);
  }

  /** The requirement that gives v a cause at t, or -1. */
  private int causingRequirement(int v, long t) {
    for (int q = cm.reqStart(v); q < cm.reqStart(v + 1); q++) {
      if (broken(q) && expired(q, t)) {
        return q;
      }
    }
    return -1;
  }

  private void solve(long t) {
    // delete: withdraw the nodes that lost their own cause and all that may hang on them
    int s = 0;
    for (int i = 0; i < downSeedCount; i++) {
      int v = downSeeds[i];
      markDirty(v);
      if (down[v] && !inS[v] && !selfSupported(v, t)) {
        inS[v] = true;
        sList[s++] = v;
      }
    }
    downSeedCount = 0;
    for (int head = 0; head < s; head++) {
      int x = sList[head];
      for (int i = cm.revStart(x); i < cm.revStart(x + 1); i++) {
        int u = cm.revOwner(i);
        if (down[u] && !inS[u] && !selfSupported(u, t)) {
          inS[u] = true;
          sList[s++] = u;
        }
      }
    }
    for (int i = 0; i < s; i++) {
      int x = sList[i];
      markDirty(x);
      down[x] = false;
      for (int j = cm.revStart(x); j < cm.revStart(x + 1); j++) {
        int q = cm.revReq(j);
        markReq(q, t);
        downCount[q]--;
      }
    }
    // re-derive from the withdrawn nodes and the new causes; work is a ring buffer holding
    // each node at most once at a time
    head = 0;
    tail = 0;
    pending = 0;
    for (int i = 0; i < s; i++) {
      inS[sList[i]] = false;
      enqueue(sList[i]);
    }
    for (int i = 0; i < upSeedCount; i++) {
      markDirty(upSeeds[i]);
      enqueue(upSeeds[i]);
    }
    upSeedCount = 0;
    while (pending > 0) {
      int w = work[head];
      head = head + 1 == work.length ? 0 : head + 1;
      pending--;
      queued[w] = false;
      if (down[w] || !(selfSupported(w, t) || causingRequirement(w, t) >= 0)) {
        continue;
      }
      down[w] = true;
      for (int j = cm.revStart(w); j < cm.revStart(w + 1); j++) {
        int q = cm.revReq(j);
        markReq(q, t);
        downCount[q]++;
        int u = cm.revOwner(j);
        if (!down[u] && broken(q) && expired(q, t)) {
          markDirty(u);
          enqueue(u);
        }
      }
    }
  }

  private int head;
  private int tail;
  private int pending;

  private void enqueue(int v) {
    if (!queued[v]) {
      queued[v] = true;
      work[tail] = v;
      tail = tail + 1 == work.length ? 0 : tail + 1;
      pending++;
    }
  }

  /** Bookkeeping after the instant's state is known: causes, requirement clocks, timeline. */
  private void settle(long t, boolean record) {
    // requirements first: an owner needs its cause re-derived only when one of its
    // requirements starts or stops being a cause (with the past's clocks); the nodes whose
    // state changed are already dirty. Then the clocks of the requirements move on.
    // (a clock that starts now does not expire now unless the tolerance is zero, so moving it
    // first changes no cause)
    for (int i = 0; i < reqDirtyCount; i++) {
      int q = reqDirtyList[i];
      if ((broken(q) && expired(q, t)) != reqWasCause[q]) {
        markDirty(owner[q]);
      }
      if (!broken(q)) {
        brokenSince[q] = NONE;
      } else if (brokenSince[q] == NONE) {
        brokenSince[q] = t;
        brokenBy[q] = trigger(q);
        if (cm.reqTol(q) > 0) {
          pushEvent(plus(t, cm.reqTol(q)), q);
        }
      }
      reqDirty[q] = false;
    }
    reqDirtyCount = 0;
    for (int i = 0; i < dirtyCount; i++) {
      int v = dirtyList[i];
      int causing = causingRequirement(v, t); // with the past's clocks
      boolean cause = directCount[v] > 0 || causing >= 0;
      if (causeActive[v] && !cause) {
        causeEndedAt[v] = t;
        if (cm.recovery(v) > 0) {
          pushEvent(plus(t, cm.recovery(v)), r + v);
        }
      }
      causeActive[v] = cause;
      if (down[v] != prevDown[v]) {
        int kind = directCount[v] > 0 ? DISRUPTED : REQUIREMENT;
        int ref = kind == DISRUPTED ? lastDirect[v] : causing;
        if (!down[v] && cameUp != null) {
          cameUp[v] = true;
        }
        if (down[v]) {
          downSince[v] = t;
          downCauseKind[v] = kind;
          downCauseRef[v] = ref;
          downCauseSince[v] = kind == DISRUPTED ? t : brokenSince[ref];
          downCauseTrigger[v] = kind == DISRUPTED ? -1 : brokenBy[ref];
        } else if (record) {
          outages.add(v, downSince[v], t, downCauseKind[v], downCauseRef[v], downCauseTrigger[v],
              downCauseSince[v]);
        }
        if (record && listener != null) {
          listener.changed(t, v, down[v], downCauseKind[v], downCauseRef[v], downCauseTrigger[v],
              downCauseSince[v]);
        }
      }
      dirty[v] = false;
    }
    dirtyCount = 0;
  }

  /** An alternative of q that is down, preferring one that went down at this instant. */
  private int trigger(int q) {
    int any = -1;
    for (int i = cm.altStart(q); i < cm.altStart(q + 1); i++) {
      int a = cm.alt(i);
      if (down[a]) {
        if (dirty[a] && !prevDown[a]) {
          return a;
        }
        any = a;
      }
    }
    return any;
  }

  /** The alternative whose loss broke requirement q most recently. */
  public int brokenBy(int q) {
    return brokenBy[q];
  }

  private void pushEvent(long time, int ref) {
    if (heapSize == heapTime.length) {
      heapTime = Arrays.copyOf(heapTime, heapSize * 2);
      heapRef = Arrays.copyOf(heapRef, heapSize * 2);
    }
    int i = heapSize++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (order(heapTime[parent], time) <= 0) {
        break;
      }
      heapTime[i] = heapTime[parent];
      heapRef[i] = heapRef[parent];
      i = parent;
    }
    heapTime[i] = time;
    heapRef[i] = ref;
  }

  private void popEvent() {
    long lastTime = heapTime[--heapSize];
    int lastRef = heapRef[heapSize];
    int i = 0;
    int half = heapSize >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      if (child + 1 < heapSize && order(heapTime[child + 1], heapTime[child]) < 0) {
        child++;
      }
      if (order(lastTime, heapTime[child]) <= 0) {
        break;
      }
      heapTime[i] = heapTime[child];
      heapRef[i] = heapRef[child];
      i = child;
    }
    if (heapSize > 0) {
      heapTime[i] = lastTime;
      heapRef[i] = lastRef;
    }
  }

  /** Outages of every node as flat arrays, in the order they ended (open ones last). */
  public static final class Outages {
    private int size;
    private int[] node = new int[64];
    private long[] from = new long[64];
    private long[] to = new long[64];
    private int[] kind = new int[64];
    private int[] ref = new int[64];
    private int[] trigger = new int[64];
    private long[] since = new long[64];

    Outages(int n) {}

    void add(int v, long f, long t, int k, int rf, int tr, long s) {
      if (size == node.length) {
        int cap = size * 2;
        node = Arrays.copyOf(node, cap);
        from = Arrays.copyOf(from, cap);
        to = Arrays.copyOf(to, cap);
        kind = Arrays.copyOf(kind, cap);
        ref = Arrays.copyOf(ref, cap);
        trigger = Arrays.copyOf(trigger, cap);
        since = Arrays.copyOf(since, cap);
      }
      node[size] = v;
      from[size] = f;
      to[size] = t;
      kind[size] = k;
      ref[size] = rf;
      trigger[size] = tr;
      since[size] = s;
      size++;
    }

    public int size() {
      return size;
    }

    public int node(int i) {
      return node[i];
    }

    public long from(int i) {
      return from[i];
    }

    /** End of outage i, {@link CompactModel#NEVER} when still down at the horizon. */
    public long to(int i) {
      return to[i];
    }

    public int causeKind(int i) {
      return kind[i];
    }

    /** The disruption index, or the requirement index, that caused outage i. */
    public int causeRef(int i) {
      return ref[i];
    }

    /** For requirement causes: the alternative whose loss broke it. */
    public int causeTrigger(int i) {
      return trigger[i];
    }

    /** For requirement causes: when the requirement stopped holding. */
    public long causeSince(int i) {
      return since[i];
    }
  }
}
