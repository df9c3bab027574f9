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
 */
public final class CutSetEngine {

  /** Families larger than this in total stop the computation rather than exhaust memory. */
  public static final int MAX_SETS = 2_000_000;

  private final CompactModel cm;
  private final int k;
  private final boolean[] excluded;
  private final Family[] family;
  private long total;

  private CutSetEngine(CompactModel cm, int k, boolean[] excluded) {
    this.cm = cm;
    this.k = k;
    this.excluded = excluded;
    this.family = new Family[cm.n];
  }

  /**
   * The minimal cut sets of f of size 2..K (sorted arrays), given f's SPOFs (excluded from all
   * families; they are the cut sets of order 1).
   *
   * @throws IllegalStateException when the families grow beyond {@link #MAX_SETS}
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
      throw new IllegalStateException("more than " + MAX_SETS
          + " intermediate failure sets of order up to " + k + "; ask for a lower order");
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
    return Family.minimal(candidates);
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
      return Family.minimal(all);
    }
    Family[] atLeast = new Family[t + 1];
    atLeast[0] = Family.of(new CutSet(new int[0]));
    for (int j = 1; j <= t; j++) {
      atLeast[j] = new Family();
    }
    for (int i = s; i < e; i++) {
      Family alt = familyOf(cm.alt(i));
      int seen = i - s + 1;
      for (int j = Math.min(seen, t); j >= 1; j--) {
        if (atLeast[j - 1].sets.isEmpty() || alt.sets.isEmpty()) {
          continue;
        }
        List<CutSet> merged = new ArrayList<>(atLeast[j].sets);
        merged.addAll(product(atLeast[j - 1], alt));
        atLeast[j] = Family.minimal(merged);
      }
    }
    return atLeast[t];
  }

  private Family familyOf(int v) {
    Family f = family[v];
    return f == null ? new Family() : f;
  }

  private List<CutSet> product(Family a, Family b) {
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
