package dev.kuja.region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Failure times as functions of the failure times of a few variables, in the normal form a
 * node's requirements can express (docs/regional.md#what-a-public-view-is-made-of): the minimum
 * over terms of the latest failure among the term's variables, each delayed by an offset,
 * {@code min over terms T of max over x in T of (t(x) + offset(T, x))}. A form with no terms
 * never fails. Forms are kept free of dominated terms: a term whose variables include another's,
 * each delayed at least as long, never decides the minimum.
 */
final class Forms {

  /** Offsets saturate here: far beyond any model duration, far from overflow. */
  static final long SATURATED = Long.MAX_VALUE / 4;

  private Forms() {}

  /** One term: sorted variable indices and the offset of each. */
  record Term(int[] vars, long[] offsets) {

    /** True when every variable is delayed by the same offset, so one tolerance expresses it. */
    boolean uniform() {
      for (long o : offsets) {
        if (o != offsets[0]) {
          return false;
        }
      }
      return true;
    }

    long minOffset() {
      long m = Long.MAX_VALUE;
      for (long o : offsets) {
        m = Math.min(m, o);
      }
      return m;
    }

    /** This term is never later than {@code other}: fewer variables, each delayed no longer. */
    boolean dominates(Term other) {
      int j = 0;
      for (int i = 0; i < vars.length; i++) {
        while (j < other.vars.length && other.vars[j] < vars[i]) {
          j++;
        }
        if (j == other.vars.length || other.vars[j] != vars[i] || offsets[i] > other.offsets[j]) {
          return false;
        }
      }
      return true;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Term t && Arrays.equals(vars, t.vars) && Arrays.equals(offsets, t.offsets);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(vars) + Arrays.hashCode(offsets);
    }

    @Override
    public String toString() {
      return Arrays.toString(vars) + "+" + Arrays.toString(offsets);
    }
  }

  /** Never fails. */
  static final List<Term> NEVER = List.of();

  /** The identity of {@link #latest}: the term with no variables. */
  static final List<Term> ALWAYS = List.of(new Term(new int[0], new long[0]));

  /** The failure time of one variable. */
  static List<Term> variable(int v) {
    return List.of(new Term(new int[] {v}, new long[] {0}));
  }

  /** The earlier of two forms. */
  static List<Term> earliest(List<Term> a, List<Term> b, int limit) {
    List<Term> all = new ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    return prune(all, limit);
  }

  /** The later of two forms. */
  static List<Term> latest(List<Term> a, List<Term> b, int limit) {
    List<Term> all = new ArrayList<>();
    for (Term x : a) {
      for (Term y : b) {
        all.add(merge(x, y));
        if (all.size() > 4 * limit) {
          all = new ArrayList<>(prune(all, limit));
        }
      }
    }
    return prune(all, limit);
  }

  /** A form delayed by {@code delay} ms. */
  static List<Term> delayed(List<Term> a, long delay) {
    if (delay == 0) {
      return a;
    }
    List<Term> out = new ArrayList<>(a.size());
    for (Term t : a) {
      long[] o = new long[t.offsets.length];
      for (int i = 0; i < o.length; i++) {
        o[i] = Math.min(SATURATED, t.offsets[i] + delay);
      }
      out.add(new Term(t.vars, o));
    }
    return out;
  }

  /**
   * The time at which {@code m} of the alternatives have failed: the m-th smallest of their
   * failure times, by "at least j of the first i" (m ≥ 1).
   */
  static List<Term> orderStatistic(List<List<Term>> alternatives, int m, int limit) {
    List<List<Term>> atLeast = new ArrayList<>();
    atLeast.add(ALWAYS);
    for (int j = 1; j <= m; j++) {
      atLeast.add(NEVER);
    }
    for (int i = 0; i < alternatives.size(); i++) {
      List<Term> f = alternatives.get(i);
      for (int j = Math.min(i + 1, m); j >= 1; j--) {
        if (atLeast.get(j - 1).isEmpty() || f.isEmpty()) {
          continue;
        }
        atLeast.set(j, earliest(atLeast.get(j), latest(atLeast.get(j - 1), f, limit), limit));
      }
    }
    return atLeast.get(m);
  }

  private static Term merge(Term x, Term y) {
    int[] v = new int[x.vars.length + y.vars.length];
    long[] o = new long[v.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < x.vars.length || j < y.vars.length) {
      if (j == y.vars.length || (i < x.vars.length && x.vars[i] < y.vars[j])) {
        v[n] = x.vars[i];
        o[n++] = x.offsets[i++];
      } else if (i == x.vars.length || y.vars[j] < x.vars[i]) {
        v[n] = y.vars[j];
        o[n++] = y.offsets[j++];
      } else {
        v[n] = x.vars[i];
        o[n++] = Math.max(x.offsets[i++], y.offsets[j++]);
      }
    }
    return new Term(Arrays.copyOf(v, n), Arrays.copyOf(o, n));
  }

  /** Without dominated terms (and duplicates), smaller terms first; refuses more than {@code limit}. */
  static List<Term> prune(List<Term> terms, int limit) {
    List<Term> sorted = new ArrayList<>(terms);
    // a canonical order (size, total delay, then the variables and delays themselves), so that
    // equal forms are equal lists and the fixpoint of a region is recognised when reached
    sorted.sort((a, b) -> {
      if (a.vars.length != b.vars.length) {
        return Integer.compare(a.vars.length, b.vars.length);
      }
      int c = Long.compare(sum(a), sum(b));
      if (c != 0) {
        return c;
      }
      c = Arrays.compare(a.vars, b.vars);
      return c != 0 ? c : Arrays.compare(a.offsets, b.offsets);
    });
    List<Term> kept = new ArrayList<>();
    outer:
    for (Term t : sorted) {
      for (Term k : kept) {
        if (k.dominates(t)) {
          continue outer;
        }
      }
      kept.add(t);
      if (kept.size() > limit) {
        throw new TooComplex();
      }
    }
    return List.copyOf(kept);
  }

  private static long sum(Term t) {
    long s = 0;
    for (long o : t.offsets) {
      s = Math.min(SATURATED, s + o);
    }
    return s;
  }

  /** More terms than the limit: the view would be too large to be of use. */
  static final class TooComplex extends RuntimeException {
    TooComplex() {
      super(null, null, false, false);
    }
  }
}
