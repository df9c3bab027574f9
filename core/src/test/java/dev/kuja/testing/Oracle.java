package dev.kuja.testing;

import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Requirement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Brute-force versions of docs/analyses.md, written straight from its definitions with no cleverness,
 * over the public model only. Slow; for small models.
 */
public final class Oracle {

  /** Stands for ∞ (never fails). */
  public static final long NEVER = Long.MAX_VALUE;

  private Oracle() {}

  /**
   * Failure times in ms: 0 for the failed set; otherwise the fixpoint of t(v) = min over
   * requirements of ((n−k+1)-th smallest alternative time + tolerance), iterated down from ∞.
   */
  public static Map<String, Long> failureTimes(Model m, Collection<String> failed) {
    Map<String, Long> t = new HashMap<>();
    for (Node n : m.nodes()) {
      t.put(n.id(), failed.contains(n.id()) ? 0L : NEVER);
    }
    boolean changed = true;
    int rounds = 0;
    while (changed) {
      if (rounds++ > m.size() + 2) {
        throw new AssertionError("failure times did not settle");
      }
      changed = false;
      for (Node n : m.nodes()) {
        long best = t.get(n.id());
        for (Requirement r : n.requirements()) {
          List<Long> times = new ArrayList<>();
          for (String a : r.alternatives()) {
            times.add(t.get(a));
          }
          times.sort(null);
          long broken = times.get(r.n() - r.k());
          if (broken != NEVER) {
            best = Math.min(best, broken + r.tolerance().toMillis());
          }
        }
        if (best < t.get(n.id())) {
          t.put(n.id(), best);
          changed = true;
        }
      }
    }
    return t;
  }

  /** Least fixpoint: failed = F ∪ { v : some requirement has fewer than k alternatives up }. */
  public static Set<String> impact(Model m, Collection<String> failed) {
    Set<String> down = new HashSet<>(failed);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Node n : m.nodes()) {
        if (down.contains(n.id())) {
          continue;
        }
        for (Requirement r : n.requirements()) {
          long up = r.alternatives().stream().filter(a -> !down.contains(a)).count();
          if (up < r.k()) {
            down.add(n.id());
            changed = true;
            break;
          }
        }
      }
    }
    return new TreeSet<>(down);
  }

  /** Impact within a horizon: the nodes whose failure time is at most the horizon. */
  public static Set<String> impact(Model m, Collection<String> failed, long horizonMillis) {
    Set<String> out = new TreeSet<>();
    failureTimes(m, failed).forEach((id, t) -> {
      if (t != NEVER && t <= horizonMillis) {
        out.add(id);
      }
    });
    return out;
  }

  /** SPOFs of f: every v ≠ f with f ∈ impact({v}) (within the horizon). */
  public static Set<String> spofs(Model m, String f, long horizonMillis) {
    Set<String> out = new TreeSet<>();
    for (Node v : m.nodes()) {
      if (!v.id().equals(f) && impact(m, List.of(v.id()), horizonMillis).contains(f)) {
        out.add(v.id());
      }
    }
    return out;
  }

  /** Nodes reached from f through serial (k = n) requirements only, tolerances adding to ≤ horizon. */
  public static Set<String> serialReach(Model m, String f, long horizonMillis) {
    Map<String, Long> dist = new HashMap<>();
    dist.put(f, 0L);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, Long> e : new ArrayList<>(dist.entrySet())) {
        for (Requirement r : m.requireNode(e.getKey()).requirements()) {
          if (r.k() != r.n()) {
            continue;
          }
          long d = e.getValue() + r.tolerance().toMillis();
          if (d > horizonMillis) {
            continue;
          }
          for (String a : r.alternatives()) {
            if (d < dist.getOrDefault(a, NEVER)) {
              dist.put(a, d);
              changed = true;
            }
          }
        }
      }
    }
    return dist.keySet();
  }

  /** All minimal sets F (f ∉ F, |F| ≤ maxOrder) with f ∈ impact(F), by enumerating subsets. */
  public static Set<Set<String>> cutSets(Model m, String f, int maxOrder) {
    List<String> others = new ArrayList<>();
    for (Node n : m.nodes()) {
      if (!n.id().equals(f)) {
        others.add(n.id());
      }
    }
    List<Set<String>> killing = new ArrayList<>();
    int count = others.size();
    for (int mask = 1; mask < (1 << count); mask++) {
      if (Integer.bitCount(mask) > maxOrder) {
        continue;
      }
      Set<String> set = new TreeSet<>();
      for (int i = 0; i < count; i++) {
        if ((mask & (1 << i)) != 0) {
          set.add(others.get(i));
        }
      }
      if (impact(m, set).contains(f)) {
        killing.add(set);
      }
    }
    Set<Set<String>> minimal = new HashSet<>();
    for (Set<String> s : killing) {
      boolean isMinimal = killing.stream().noneMatch(o -> o != s && s.containsAll(o) && !o.equals(s));
      if (isMinimal) {
        minimal.add(s);
      }
    }
    return minimal;
  }
}
