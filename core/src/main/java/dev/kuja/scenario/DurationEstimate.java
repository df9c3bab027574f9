package dev.kuja.scenario;

import dev.kuja.model.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * A duration estimated from a stochastic ensemble — a mean or a percentile of downtime — with
 * a two-sided confidence interval.
 *
 * @param value the point estimate
 * @param low   lower end of the confidence interval
 * @param high  upper end of the confidence interval
 * @param level confidence level of the interval (for example 0.95)
 */
public record DurationEstimate(Duration value, Duration low, Duration high, double level) {

  public DurationEstimate {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
    if (low.compareTo(value) > 0 || value.compareTo(high) > 0) {
      throw new IllegalArgumentException("estimate " + value + " outside its interval ["
          + low + ", " + high + "]");
    }
  }

  /** True when the interval contains {@code d}. */
  public boolean contains(Duration d) {
    return low.compareTo(d) <= 0 && d.compareTo(high) <= 0;
  }

  /** The estimate and its interval, rounded to the minute (to the second below a minute). */
  @Override
  public String toString() {
    if (low.equals(high)) {
      return round(value);
    }
    return round(value) + " [" + round(low) + ", " + round(high) + "]";
  }

  private static String round(Duration d) {
    long unit = d.compareTo(Duration.ofMinutes(1)) >= 0 ? 60_000 : 1_000;
    return Durations.format(Duration.ofMillis(Math.round(d.toMillis() / (double) unit) * unit));
  }
}
