package dev.kuja.model;

import java.time.Duration;
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

  /** Milliseconds in a year of 365 days: the unit of failure rates. */
  private static final double YEAR_MS = 365d * 24 * 3600 * 1000;

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

  /**
   * The mean unavailability over a study period: the probability that the node is down by
   * itself at a random instant of the period, the static snapshot that importance measures
   * read (docs/stochastic.md#importance-measures). With a probability p: p without a repair
   * time (down for the whole period), p · min(1, τ / T) with a mean repair time τ; with a rate
   * λ: λτ / (1 + λτ) with a mean repair time τ (the steady state of failures and repairs), 1 −
   * (1 − e^(−λT)) / (λT) without one (down from the first failure to the end of the period);
   * 0 for a rate of 0 and for data with neither a probability nor a rate. Times count in
   * milliseconds ({@link Durations#millis(Duration)}), rates per year of 365 days.
   *
   * @param period the study period T, positive
   * @throws IllegalArgumentException when the period is not positive
   */
  public double unavailability(Duration period) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("the study period must be positive, not " + period);
    }
    long t = Durations.millis(period);
    if (failureProbability.isPresent()) {
      double p = failureProbability.getAsDouble();
      return repairTime.map(r -> p * Math.min(1, r.mean().toMillis() / (double) t)).orElse(p);
    }
    if (failuresPerYear.isEmpty()) {
      return 0;
    }
    double lambda = failuresPerYear.getAsDouble() / YEAR_MS;
    if (lambda == 0) {
      return 0;
    }
    if (repairTime.isPresent()) {
      double busy = lambda * repairTime.get().mean().toMillis();
      return busy / (1 + busy);
    }
    double x = lambda * t;
    return 1 + Math.expm1(-x) / x;
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
