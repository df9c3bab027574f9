package dev.kuja.scenario;

import java.util.Locale;

/**
 * A probability estimated from a stochastic ensemble (or computed exactly), with a two-sided
 * confidence interval.
 *
 * @param value the point estimate, in [0, 1]
 * @param low   lower end of the confidence interval
 * @param high  upper end of the confidence interval
 * @param level confidence level of the interval (for example 0.95); 1 for exact values
 */
public record Estimate(double value, double low, double high, double level) {

  public Estimate {
    if (!(low <= value && value <= high)) {
      throw new IllegalArgumentException(
          "estimate " + value + " outside its interval [" + low + ", " + high + "]");
    }
    if (!(level > 0 && level <= 1)) {
      throw new IllegalArgumentException("confidence level " + level + " outside (0, 1]");
    }
  }

  /** An exactly known value (its interval is the value itself). */
  public static Estimate exact(double value) {
    return new Estimate(value, value, value, 1);
  }

  /**
   * The Wilson score interval of a binomial proportion: {@code successes} out of {@code
   * trials}, at the confidence of the normal quantile {@code z} (1.96 for 95 %). Well behaved
   * at 0 and 1, unlike the normal approximation.
   */
  public static Estimate wilson(long successes, long trials, double z) {
    if (trials <= 0) {
      throw new IllegalArgumentException("no trials");
    }
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    double low = Math.max(0, Math.min(p, centre - half));
    double high = Math.min(1, Math.max(p, centre + half));
    return new Estimate(p, low, high, Statistics.level(z));
  }

  /** Half the width of the interval: the precision of the estimate. */
  public double halfWidth() {
    return (high - low) / 2;
  }

  /** True when the interval contains {@code x}. */
  public boolean contains(double x) {
    return low <= x && x <= high;
  }

  @Override
  public String toString() {
    if (low == high) {
      return String.format(Locale.ROOT, "%.4f", value);
    }
    return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", value, low, high);
  }
}
