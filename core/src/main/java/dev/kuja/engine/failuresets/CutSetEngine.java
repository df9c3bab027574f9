package dev.kuja.engine.failuresets;

import dev.kuja.engine.graph.Closure;
import dev.kuja.engine.graph.CompactModel;
import dev.kuja.engine.graph.Scc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Minimal failure sets (minimal cut sets) of one function up to order K (docs/analyses.md#minimal-failure-sets): the minimal
 * sets F, of at most K nodes, with f ∈ impact(F).
 *
 * <p>The family of minimal killing sets of every node of f's closure is computed bottom-up over
 * the strongly connected components (providers first), with truncation at K and
 * minimisation after every step: a requirement needing n−k+1 failed alternatives combines its
 * alternatives' families by a small dynamic programme over "at least j of the first i
 * alternatives". Inside a cycle the families are iterated to their least fixpoint. f's own
 * single points of failure are known beforehand and left out of every family, which keeps
 * families small: a set containing one of them is never minimal for f.
 *
 * <p>A requirement needing t failed alternatives prunes its programme: a set S of at most K
 * nodes can fail an alternative only if one of its nodes occurs in that alternative's family,
 * so with c(x) the number of (remaining) alternatives whose family mentions x, S and the K − |S|
 * nodes it may still gain fail at most Σ_{x∈S} c(x) + (K − |S|) · max c further alternatives. A
 * partial set that cannot reach t that way is dropped (and with K · max c &lt; t the requirement
 * cannot break within order K at all). Any subset of a set that can reach t can reach it too, so
 * no minimal set is lost.
 *
 * <p>The work is bounded ({@link #MAX_SETS} sets kept, {@link #MAX_WORK} steps): beyond either
 * the engine stops with {@link Exceeded} rather than exhaust time or memory.
 */
public final class CutSetEngine {

  /** Families larger than this in total stop the computation rather than exhaust memory. */
  public static final int MAX_SETS = 2_000_000;

  /**
   * Steps of work (candidate unions formed, subsets looked up, layers of the k-of-n programme
   * visited) beyond which the computation stops rather than run for minutes: a few seconds.
   */
  public static final long MAX_WORK = 20_000_000L;

  /** The computation went beyond {@link #MAX_SETS} or {@link #MAX_WORK}. */
  public static final class Exceeded extends RuntimeException {
    Exceeded(String message) {
      super(message, null, false, false);
    }
  }

  private final CompactModel cm;
  private final int k;
  private final boolean[] excluded;
  private final Family[] family;
  private long total;
  private long work;
  /** Per node, the alternatives (of the requirement at hand) still to come whose family mentions it. */
  private final int[] mentions;
  private final int[] stamp;
  private int stampNow;

  private CutSetEngine(CompactModel cm, int k, boolean[] excluded) {
    this.cm = cm;
    this.k = k;
    this.excluded = excluded;
    this.family = new Family[cm.n];
    this.mentions = new int[cm.n];
    this.stamp = new int[cm.n];
  }

  private void spend(long steps) {
    work += steps;
    if (work > MAX_WORK) {
      throw new Exceeded("more than " + MAX_WORK + " steps");
    }
  }

  /**
   * The minimal cut sets of f of size 2..K (sorted arrays), given f's SPOFs (excluded from all
   * families; they are the cut sets of order 1).
   *
   * @throws Exceeded when the families grow beyond {@link #MAX_SETS} or the work beyond {@link
   *     #MAX_WORK}
   */
  public static List<int[]> higherOrder(CompactModel cm, int f, int maxOrder, int[] spofs) {
    boolean[] excluded = new boolean[cm.n];
    for (int s : spofs) {
      excluded[s] = true;
    }
    excluded[f] = true; // {f} itself is trivial, not a failure set of interest
    CutSetEngine engine = new CutSetEngine(cm, maxOrder, excluded);
    boolean[] closure = Closure.dependencyMask(cm, f);
    for (int[] scc : Scc.components(cm, f, closure)) {
      engine.solve(scc);
    }
    List<int[]> out = new ArrayList<>();
    for (CutSet s : engine.family[f].sets) {
      out.add(s.items);
    }
    return out;
  }

  private void solve(int[] scc) {
    for (int v : scc) {
      family[v] = base(v);
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int v : scc) {
        Family next = compute(v);
        if (!next.index.equals(family[v].index)) {
          total += next.sets.size() - family[v].sets.size();
          family[v] = next;
          changed = true;
        }
      }
      if (scc.length == 1) {
        break;
      }
    }
    if (total > MAX_SETS) {
      throw new Exceeded("more than " + MAX_SETS + " sets");
    }
  }

  private Family base(int v) {
    Family b = new Family();
    if (!excluded[v]) {
      b.add(new CutSet(new int[] {v}));
    }
    return b;
  }

  private Family compute(int v) {
    List<CutSet> candidates = new ArrayList<>(base(v).sets);
    for (int q = cm.reqStart(v); q < cm.reqStart(v + 1); q++) {
      candidates.addAll(requirement(q).sets);
    }
    return minimal(candidates);
  }

  /** Minimal sets that fail at least n−k+1 of requirement q's alternatives. */
  private Family requirement(int q) {
    int s = cm.altStart(q);
    int e = cm.altStart(q + 1);
    int t = cm.toBreak(q);
    if (t == 1) {
      List<CutSet> all = new ArrayList<>();
      for (int i = s; i < e; i++) {
        all.addAll(familyOf(cm.alt(i)).sets);
      }
      return minimal(all);
    }
    // how many alternatives' families mention each node (see the class comment)
    List<Integer> mentioned = new ArrayList<>();
    int most = 0;
    for (int i = s; i < e; i++) {
      stampNow++;
      for (CutSet c : familyOf(cm.alt(i)).sets) {
        spend(c.items.length);
        for (int x : c.items) {
          if (stamp[x] != stampNow) {
            stamp[x] = stampNow;
            if (mentions[x]++ == 0) {
              mentioned.add(x);
            }
            most = Math.max(most, mentions[x]);
          }
        }
      }
    }
    try {
      if ((long) k * most < t) {
        return new Family(); // no k nodes can fail t alternatives
      }
      Family[] atLeast = new Family[t + 1];
      atLeast[0] = Family.of(new CutSet(new int[0]));
      for (int j = 1; j <= t; j++) {
        atLeast[j] = new Family();
      }
      int top = 0; // the highest non-empty layer
      for (int i = s; i < e; i++) {
        Family alt = familyOf(cm.alt(i));
        // the alternatives after this one are what remains to be failed
        stampNow++;
        for (CutSet c : alt.sets) {
          for (int x : c.items) {
            if (stamp[x] != stampNow) {
              stamp[x] = stampNow;
              mentions[x]--;
            }
          }
        }
        if (alt.sets.isEmpty()) {
          continue;
        }
        int from = Math.min(Math.min(i - s + 1, t), top + 1);
        for (int j = from; j >= 1; j--) {
          spend(1);
          if (atLeast[j - 1].sets.isEmpty()) {
            continue;
          }
          List<CutSet> merged = new ArrayList<>(atLeast[j].sets);
          merged.addAll(product(atLeast[j - 1], alt));
          atLeast[j] = reachable(minimal(merged), j, t, most);
          if (atLeast[j].sets.size() > MAX_SETS) {
            throw new Exceeded("more than " + MAX_SETS + " sets");
          }
          if (!atLeast[j].sets.isEmpty()) {
            top = Math.max(top, j);
          }
        }
        for (int j = 0; j < Math.min(top + 1, t); j++) {
          atLeast[j] = reachable(atLeast[j], j, t, most);
        }
      }
      return atLeast[t];
    } finally {
      for (int x : mentioned) {
        mentions[x] = 0;
      }
    }
  }

  /**
   * The sets of a layer "at least j failed" that can still reach t: those whose nodes, and the
   * nodes they may still gain, are mentioned by enough of the alternatives still to come.
   */
  private Family reachable(Family layer, int j, int t, int most) {
    if (j >= t || layer.sets.isEmpty()) {
      return layer;
    }
    Family kept = null;
    for (int i = 0; i < layer.sets.size(); i++) {
      CutSet c = layer.sets.get(i);
      long bound = (long) (k - c.items.length) * most;
      for (int x : c.items) {
        bound += mentions[x];
      }
      spend(c.items.length);
      if (j + bound >= t) {
        if (kept != null) {
          kept.add(c);
        }
      } else if (kept == null) {
        kept = new Family();
        for (int before = 0; before < i; before++) {
          kept.add(layer.sets.get(before));
        }
      }
    }
    return kept == null ? layer : kept;
  }

  private Family familyOf(int v) {
    Family f = family[v];
    return f == null ? new Family() : f;
  }

  private List<CutSet> product(Family a, Family b) {
    spend((long) a.sets.size() * b.sets.size());
    if ((long) a.sets.size() * b.sets.size() > 4L * MAX_SETS) {
      throw new Exceeded("more than " + MAX_SETS + " sets");
    }
    List<CutSet> out = new ArrayList<>();
    for (CutSet x : a.sets) {
      for (CutSet y : b.sets) {
        CutSet u = x.union(y, k);
        if (u != null) {
          out.add(u);
        }
      }
    }
    return out;
  }

  /** {@link Family#minimal}, counting its work: each candidate looks up its proper subsets. */
  private Family minimal(List<CutSet> candidates) {
    long steps = 0;
    for (CutSet c : candidates) {
      steps += 1L << c.items.length;
    }
    spend(steps);
    return Family.minimal(candidates);
  }

  /** A set of minimal cut sets, each at most K nodes. */
  static final class Family {
    final List<CutSet> sets = new ArrayList<>();
    final Set<CutSet> index = new HashSet<>();

    static Family of(CutSet s) {
      Family f = new Family();
      f.add(s);
      return f;
    }

    void add(CutSet s) {
      if (index.add(s)) {
        sets.add(s);
      }
    }

    /** The minimal elements of the candidates (no kept set contains another). */
    static Family minimal(List<CutSet> candidates) {
      candidates.sort(Comparator.comparingInt(c -> c.items.length));
      Family f = new Family();
      for (CutSet c : candidates) {
        if (!f.index.contains(c) && !f.hasProperSubsetOf(c)) {
          f.add(c);
        }
      }
      return f;
    }

    private boolean hasProperSubsetOf(CutSet c) {
      int size = c.items.length;
      if (index.isEmpty()) {
        return false;
      }
      int full = (1 << size) - 1;
      for (int m = 0; m < full; m++) {
        int[] sub = new int[Integer.bitCount(m)];
        for (int i = 0, j = 0; i < size; i++) {
          if ((m & (1 << i)) != 0) {
            sub[j++] = c.items[i];
          }
        }
        if (index.contains(new CutSet(sub))) {
          return true;
        }
      }
      return false;
    }
  }

  /** A sorted set of node indices. */
  static final class CutSet {
    final int[] items;
    private final int hash;

    CutSet(int[] sortedItems) {
      this.items = sortedItems;
      this.hash = Arrays.hashCode(sortedItems);
    }

    /** The union, or null when it has more than {@code max} elements. */
    CutSet union(CutSet other, int max) {
      int[] out = new int[Math.min(max + 1, items.length + other.items.length)];
      int i = 0;
      int j = 0;
      int n = 0;
      while (i < items.length || j < other.items.length) {
        int next;
        if (j == other.items.length || (i < items.length && items[i] < other.items[j])) {
          next = items[i++];
        } else if (i == items.length || other.items[j] < items[i]) {
          next = other.items[j++];
        } else {
          next = items[i++];
          j++;
        }
        if (n == max) {
          return null;
        }
        out[n++] = next;
      }
      return new CutSet(n == out.length ? out : Arrays.copyOf(out, n));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CutSet c && hash == c.hash && Arrays.equals(items, c.items);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
