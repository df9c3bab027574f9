package dev.kuja.model;

import java.util.Locale;
import java.util.Optional;

/**
 * How much a function matters, from the business impact analysis. The weight is what the
 * criticality ranking counts a lost function as; it doubles from one level to the next.
 */
public enum Criticality {
  /** A vital function of society: lives, health or security depend on it directly. */
  VITAL(8),
  /** Critical to the organisation's statutory duties. */
  CRITICAL(4),
  /** Important; its loss hurts but can be borne for a while. */
  IMPORTANT(2),
  /** Supporting function. */
  SUPPORTING(1);

  private final int weight;

  Criticality(int weight) {
    this.weight = weight;
  }

  /** The default weight of one lost function of this criticality in rankings. */
  public int weight() {
    return weight;
  }

  /** The lower-case name used in model documents. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The criticality with the given document label, ignoring case. */
  public static Optional<Criticality> parse(String label) {
    for (Criticality c : values()) {
      if (c.label().equalsIgnoreCase(label.trim())) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
