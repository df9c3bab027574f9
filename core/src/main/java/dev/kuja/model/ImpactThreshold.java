package dev.kuja.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An escalation threshold of a function (docs/risk.md#impact-over-time): once one outage of the
 * function has lasted {@code after}, the consequences in {@code category} have reached {@code
 * level}. A function lists several; the level of a category reached in an outage is the highest
 * level among its thresholds whose {@code after} is at most the outage's length.
 *
 * @param after    how long an outage must last for the level to be reached (≥ 0)
 * @param category what suffers: a free name; {@link #COMMON_CATEGORIES} are the usual ones
 * @param level    how badly
 * @param note     what the consequence is, in words
 */
public record ImpactThreshold(Duration after, String category, ImpactLevel level, Optional<String> note) {

  /** The categories most assessments use: health, safety, service, finance, reputation, legal, environment. */
  public static final List<String> COMMON_CATEGORIES =
      List.of("health", "safety", "service", "finance", "reputation", "legal", "environment");

  public ImpactThreshold {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(note, "note");
  }

  /** A threshold without a note. */
  public static ImpactThreshold of(Duration after, String category, ImpactLevel level) {
    return new ImpactThreshold(after, category, level, Optional.empty());
  }

  /** The same threshold with a note. */
  public ImpactThreshold withNote(String note) {
    return new ImpactThreshold(after, category, level, Optional.of(note));
  }

  /** True when an outage of this length reaches the threshold: it lasted at all, and at least {@code after}. */
  public boolean reachedBy(Duration outage) {
    return outage.compareTo(Duration.ZERO) > 0 && after.compareTo(outage) <= 0;
  }

  @Override
  public String toString() {
    return category + " " + level.label() + " after " + Durations.format(after)
        + note.map(n -> " (" + n + ")").orElse("");
  }
}
