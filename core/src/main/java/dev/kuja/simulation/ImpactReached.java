package dev.kuja.simulation;

import dev.kuja.model.Durations;
import dev.kuja.model.ImpactLevel;
import java.time.Duration;
import java.util.Objects;

/**
 * The impact level one category of a function reached in a simulation
 * (docs/risk.md#impact-over-time): the highest level among the function's thresholds of that
 * category whose {@code after} is at most the length of one of its outages, and when.
 *
 * @param category  the category of the thresholds
 * @param level     the highest level reached
 * @param after     the threshold of that level: how long an outage had to last
 * @param reachedAt when it was first reached: the start of the first outage that lasted {@code
 *                  after}, plus {@code after}
 */
public record ImpactReached(String category, ImpactLevel level, Duration after, Duration reachedAt) {

  public ImpactReached {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(reachedAt, "reachedAt");
  }

  @Override
  public String toString() {
    return category + " " + level.label() + " at " + Durations.format(reachedAt);
  }
}
