package dev.kuja.analysis;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The minimal failure sets (minimal cut sets) of a target up to an order: the minimal sets of
 * nodes whose joint failure brings the target down. Order 1 are the single points of failure,
 * order 2 the "double points of failure". The trivial set {target} is left out.
 *
 * @param target   the function or node analysed
 * @param maxOrder the largest set size asked for
 * @param sets     every minimal set of at most {@code maxOrder} nodes, each sorted by id; smaller
 *                 sets first, then in lexicographic order
 */
public record CutSets(String target, int maxOrder, List<Set<String>> sets) {

  public CutSets {
    Objects.requireNonNull(target, "target");
    sets = sets.stream().map(ImmutableSortedSet::copyOf).collect(ImmutableList.toImmutableList());
  }

  /** The minimal sets of exactly this size. */
  public List<Set<String>> ofOrder(int order) {
    return sets.stream().filter(s -> s.size() == order).collect(ImmutableList.toImmutableList());
  }

  /** Number of minimal sets. */
  public int size() {
    return sets.size();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Minimal failure sets of ").append(target)
        .append(" up to order ").append(maxOrder).append(": ").append(sets.size());
    for (int order = 1; order <= maxOrder; order++) {
      List<Set<String>> of = ofOrder(order);
      if (!of.isEmpty()) {
        sb.append(String.format("%n  order %d (%d): ", order, of.size()));
        sb.append(of.stream().limit(20).map(s -> "{" + String.join(", ", s) + "}")
            .collect(Collectors.joining(" ")));
        if (of.size() > 20) {
          sb.append(" … and ").append(of.size() - 20).append(" more");
        }
      }
    }
    return sb.toString();
  }
}
