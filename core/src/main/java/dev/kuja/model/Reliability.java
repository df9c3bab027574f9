package dev.kuja.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reliability data of a node for stochastic analyses: the probability that it fails within the
 * study period, or a failure rate, and how long repairs take.
 *
 * @param failureProbability probability of failing at least once in the study period, in [0, 1]
 * @param failuresPerYear    failure rate, failures per year (non-negative)
 * @param repairTime         distribution of the time to repair
 */
public record Reliability(
    OptionalDouble failureProbability, OptionalDouble failuresPerYear, Optional<RepairTime> repairTime) {

  /**
   * The highest failure rate a model may state, per year: 10,000, a failure more than once an
   * hour on average. A higher figure is a mistake of units (per hour for per year) or a node
   * that is better modelled as unavailable; it would also make every ensemble sample millions
   * of outages (docs/model.md#validation).
   */
  public static final double MAX_FAILURES_PER_YEAR = 10_000;

  public Reliability {
    Objects.requireNonNull(failureProbability, "failureProbability");
    Objects.requireNonNull(failuresPerYear, "failuresPerYear");
    Objects.requireNonNull(repairTime, "repairTime");
  }

  /** Reliability given as a probability of failure in the study period. */
  public static Reliability probability(double p) {
    return new Reliability(OptionalDouble.of(p), OptionalDouble.empty(), Optional.empty());
  }

  /** Reliability given as a failure rate per year and a repair-time distribution. */
  public static Reliability rate(double failuresPerYear, RepairTime repairTime) {
    return new Reliability(
        OptionalDouble.empty(), OptionalDouble.of(failuresPerYear), Optional.of(repairTime));
  }

  /** The same data with the given repair-time distribution. */
  public Reliability withRepairTime(RepairTime repair) {
    return new Reliability(failureProbability, failuresPerYear, Optional.of(repair));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("reliability(");
    failureProbability.ifPresent(p -> sb.append("p=").append(p));
    failuresPerYear.ifPresent(
        r -> sb.append(sb.length() > 12 ? ", " : "").append(r).append("/year"));
    repairTime.ifPresent(r -> sb.append(sb.length() > 12 ? ", " : "").append("repair ").append(r));
    return sb.append(')').toString();
  }
}
