package dev.kuja.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a failed node takes to repair, as a distribution for stochastic analyses. Durations
 * are validated by the {@link Model} (non-negative, ordered bounds, positive spread).
 */
public sealed interface RepairTime {

  /** The mean repair time of the distribution. */
  Duration mean();

  /** Always exactly this long. */
  record Fixed(Duration duration) implements RepairTime {
    public Fixed {
      Objects.requireNonNull(duration, "duration");
    }

    @Override
    public Duration mean() {
      return duration;
    }

    @Override
    public String toString() {
      return "fixed " + Durations.format(duration);
    }
  }

  /** Exponentially distributed with the given mean (memoryless repairs). */
  record Exponential(Duration mean) implements RepairTime {
    public Exponential {
      Objects.requireNonNull(mean, "mean");
    }

    @Override
    public String toString() {
      return "exponential, mean " + Durations.format(mean);
    }
  }

  /** Uniform between {@code min} and {@code max}. */
  record Uniform(Duration min, Duration max) implements RepairTime {
    public Uniform {
      Objects.requireNonNull(min, "min");
      Objects.requireNonNull(max, "max");
    }

    @Override
    public Duration mean() {
      return min.plus(max).dividedBy(2);
    }

    @Override
    public String toString() {
      return "uniform " + Durations.format(min) + ".." + Durations.format(max);
    }
  }

  /**
   * Log-normal with the given median and shape {@code sigma} (the standard deviation of the
   * logarithm): the usual model of repair times with a long tail.
   */
  record LogNormal(Duration median, double sigma) implements RepairTime {

    /**
     * The largest sigma a model may state: 5, when the 99th percentile is already about 10^5
     * times the median; beyond it the mean (median · e^(σ²/2)) leaves any plausible range.
     */
    public static final double MAX_SIGMA = 5;

    public LogNormal {
      Objects.requireNonNull(median, "median");
    }

    @Override
    public Duration mean() {
      double millis = median.toMillis() * Math.exp(sigma * sigma / 2);
      return Duration.ofMillis(Math.round(millis));
    }

    @Override
    public String toString() {
      return "log-normal, median " + Durations.format(median) + ", sigma " + sigma;
    }
  }
}
