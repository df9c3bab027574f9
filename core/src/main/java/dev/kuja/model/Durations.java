package dev.kuja.model;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 durations as Kuja uses them: {@code PT15M}, {@code PT72H}, {@code P14D}. Model times
 * are kept to the millisecond.
 */
public final class Durations {

  /** The longest duration a model may state (about 100,000 years), so sums never overflow. */
  public static final Duration MAX = Duration.ofDays(36_500_000L);

  private Durations() {}

  /**
   * Parses an ISO-8601 duration, accepting day designators ({@code P2D}, {@code P1DT12H}).
   *
   * @throws IllegalArgumentException naming the text when it is not an ISO-8601 duration
   */
  public static Duration parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("a duration is required, e.g. PT4H");
    }
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an ISO-8601 duration (examples: PT15M, PT4H, P2D)", e);
    }
  }

  /** Formats a duration the way documents write it: {@code PT0S}, {@code PT4H}, {@code P2DT3H}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "PT0S";
    }
    if (d.isNegative()) {
      return "-" + format(d.negated());
    }
    long days = d.toDays();
    Duration rest = d.minusDays(days);
    if (days == 0) {
      return rest.toString();
    }
    return rest.isZero() ? "P" + days + "D" : "P" + days + "D" + rest.toString().substring(1);
  }

  /**
   * A time of the model in milliseconds, the unit every engine counts in: exact up to {@link
   * #MAX}, and {@code Long.MAX_VALUE - 1} — later than any time a model can reach, yet short of
   * "never" ({@code Long.MAX_VALUE}) — beyond it. The one rule by which horizons, disruption
   * times and study periods become engine times.
   *
   * @throws IllegalArgumentException when the duration is negative
   */
  public static long millis(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("a time must not be negative: " + format(d));
    }
    return d.compareTo(MAX) > 0 ? Long.MAX_VALUE - 1 : d.toMillis();
  }

  /**
   * What is wrong with a duration as a time of a model or scenario — negative, longer than
   * {@link #MAX}, or finer than a millisecond — as the end of a sentence that begins with the
   * duration's name ("start is finer than a millisecond …"); empty when it is fine.
   */
  public static java.util.Optional<String> check(Duration d) {
    return java.util.Optional.ofNullable(problem(d));
  }

  /** The problem with a model duration, or null when it is fine. Package-private for validation. */
  static String problem(Duration d) {
    if (d.isNegative()) {
      return "must not be negative (" + d + ")";
    }
    if (d.compareTo(MAX) > 0) {
      return "is longer than Kuja supports (at most " + format(MAX) + ")";
    }
    if (d.getNano() % 1_000_000 != 0) {
      return "is finer than a millisecond (" + d + "); Kuja keeps times to the millisecond";
    }
    return null;
  }
}
