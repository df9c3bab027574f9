package dev.kuja.analysis;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Everything a node relies on, transitively (or, reversed, everything that relies on it), with
 * the tier of each node: its distance in requirements. For a function's dependencies, tier 1 are
 * its direct dependencies and direct suppliers, tier 2 their suppliers, and so on.
 *
 * @param root      the node the closure starts from (tier 0)
 * @param direction whether the closure follows requirements or the reverse
 * @param tiers     every node of the closure and its tier, by tier (root first)
 */
public record DependencyClosure(String root, Direction direction, Map<String, Integer> tiers) {

  /** Which way a closure runs. */
  public enum Direction {
    /** What the root relies on. */
    DEPENDENCIES,
    /** What relies on the root. */
    DEPENDENTS
  }

  public DependencyClosure {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(direction, "direction");
    tiers = ImmutableMap.copyOf(tiers);
  }

  /** The tier of a node, if it is in the closure. */
  public OptionalInt tier(String id) {
    Integer t = tiers.get(id);
    return t == null ? OptionalInt.empty() : OptionalInt.of(t);
  }

  /** The nodes at a tier. */
  public List<String> atTier(int tier) {
    return tiers.entrySet().stream().filter(e -> e.getValue() == tier).map(Map.Entry::getKey)
        .collect(ImmutableList.toImmutableList());
  }

  /** The deepest tier. */
  public int depth() {
    return tiers.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /** Every node of the closure except the root. */
  public List<String> nodes() {
    return tiers.keySet().stream().filter(id -> !id.equals(root))
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(direction == Direction.DEPENDENCIES
        ? "Dependencies of " : "Dependents of ").append(root).append(": ")
        .append(tiers.size() - 1).append(" nodes in ").append(depth()).append(" tiers");
    for (int t = 1; t <= depth(); t++) {
      sb.append(String.format("%n  tier %d: %s", t,
          atTier(t).stream().collect(Collectors.joining(", "))));
    }
    return sb.toString();
  }
}
