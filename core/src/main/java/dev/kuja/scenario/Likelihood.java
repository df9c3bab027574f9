package dev.kuja.scenario;

import java.util.Locale;

/**
 * The five likelihood classes of a risk matrix, by the probability that something happens in a
 * year (docs/risk.md#likelihood-classes). The bounds are lower-inclusive: a probability of
 * exactly 0.05 is {@link #POSSIBLE}. The "once in N years" readings are approximate (for small
 * probabilities p, about once in 1/p years).
 */
public enum Likelihood {
  /** Erittäin epätodennäköinen: under 1 % a year, rarer than once in a hundred years. */
  VERY_UNLIKELY(0, 0.01, "erittäin epätodennäköinen"),
  /** Epätodennäköinen: 1 % to 5 % a year, about once in 20 to 100 years. */
  UNLIKELY(0.01, 0.05, "epätodennäköinen"),
  /** Mahdollinen: 5 % to 20 % a year, about once in 5 to 20 years. */
  POSSIBLE(0.05, 0.20, "mahdollinen"),
  /** Todennäköinen: 20 % to 50 % a year, about once in 2 to 5 years. */
  LIKELY(0.20, 0.50, "todennäköinen"),
  /** Erittäin todennäköinen: 50 % a year or more, every other year or more often. */
  VERY_LIKELY(0.50, 1, "erittäin todennäköinen");

  private final double from;
  private final double to;
  private final String finnish;

  Likelihood(double from, double to, String finnish) {
    this.from = from;
    this.to = to;
    this.finnish = finnish;
  }

  /** The class of an annual probability (in [0, 1]). */
  public static Likelihood of(double annualProbability) {
    if (!(annualProbability >= 0 && annualProbability <= 1)) {
      throw new IllegalArgumentException("a probability is in [0, 1], not " + annualProbability);
    }
    Likelihood[] all = values();
    for (int i = all.length - 1; i > 0; i--) {
      if (annualProbability >= all[i].from) {
        return all[i];
      }
    }
    return all[0];
  }

  /** The lowest annual probability of the class (inclusive). */
  public double from() {
    return from;
  }

  /** The annual probability where the next class begins (1 for the last class, inclusive there). */
  public double to() {
    return to;
  }

  /** 1 for very unlikely … 5 for very likely: the row of the risk matrix. */
  public int rank() {
    return ordinal() + 1;
  }

  /** The English name: {@code very unlikely}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** The Finnish words: {@code erittäin epätodennäköinen}. */
  public String finnish() {
    return finnish;
  }

  /** The bounds in words: {@code 5–20 %}. */
  public String bounds() {
    if (this == VERY_UNLIKELY) {
      return "< " + percent(to) + " %";
    }
    if (this == VERY_LIKELY) {
      return "≥ " + percent(from) + " %";
    }
    return percent(from) + "–" + percent(to) + " %";
  }

  private static String percent(double p) {
    return String.format(Locale.ROOT, "%.0f", p * 100);
  }
}
