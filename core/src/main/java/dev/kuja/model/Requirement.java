package dev.kuja.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One thing a node needs in order to operate: at least {@code k} of the {@code alternatives}
 * must operate. A plain dependency is 1-of-1; redundancy is 1-of-n; "two of three pumps" is
 * 2-of-3. When the requirement stops holding, the node keeps operating for {@code tolerance}
 * (fuel in the tank, stock in the store, battery in the UPS) and then fails.
 *
 * <p>The record itself checks nothing but nulls; a {@link Model} accepts only valid requirements
 * (1 &le; k &le; n, distinct known alternatives, non-negative tolerance) and reports every
 * violation at once.
 *
 * @param alternatives ids of the nodes that can satisfy the requirement, in document order
 * @param k            how many alternatives must operate
 * @param tolerance    how long the node bears the requirement not holding
 */
public record Requirement(List<String> alternatives, int k, Duration tolerance) {

  public Requirement {
    Objects.requireNonNull(alternatives, "alternatives");
    try {
      alternatives = List.copyOf(alternatives); // the same list when it is already unmodifiable
    } catch (NullPointerException e) {
      throw new NullPointerException("alternative");
    }
    Objects.requireNonNull(tolerance, "tolerance");
  }

  /** A plain dependency on one node (1-of-1, no tolerance). */
  public static Requirement on(String id) {
    return new Requirement(List.of(id), 1, Duration.ZERO);
  }

  /** Redundancy: any one of the alternatives is enough (1-of-n, no tolerance). */
  public static Requirement anyOf(String... ids) {
    return new Requirement(List.of(ids), 1, Duration.ZERO);
  }

  /** Every one of the nodes is needed (n-of-n, no tolerance). */
  public static Requirement allOf(String... ids) {
    return new Requirement(List.of(ids), ids.length, Duration.ZERO);
  }

  /** At least {@code k} of the alternatives are needed (k-of-n, no tolerance). */
  public static Requirement kOf(int k, String... ids) {
    return new Requirement(List.of(ids), k, Duration.ZERO);
  }

  /** The same requirement with the given tolerance. */
  public Requirement withTolerance(Duration tolerance) {
    return new Requirement(alternatives, k, tolerance);
  }

  /** The same requirement with the given ISO-8601 tolerance, such as {@code PT15M}. */
  public Requirement withTolerance(String isoDuration) {
    return withTolerance(Durations.parse(isoDuration));
  }

  /** Number of alternatives, n. */
  public int n() {
    return alternatives.size();
  }

  /** How many alternatives must fail before the requirement stops holding: n − k + 1. */
  public int failuresToBreak() {
    return n() - k + 1;
  }

  /** True for a plain n-of-n requirement: losing any one alternative breaks it. */
  public boolean isSerial() {
    return k == n();
  }

  @Override
  public String toString() {
    String body;
    if (n() == 1 && k == 1) {
      body = alternatives.get(0);
    } else if (k == 1) {
      body = "any of " + alternatives;
    } else if (k == n()) {
      body = "all of " + alternatives;
    } else {
      body = k + " of " + alternatives;
    }
    return tolerance.isZero() ? body : body + " (tolerates " + Durations.format(tolerance) + ")";
  }
}
