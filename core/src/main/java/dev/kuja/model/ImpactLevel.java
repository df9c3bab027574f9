package dev.kuja.model;

import java.util.Locale;
import java.util.Optional;

/**
 * How bad a consequence is, on the five-step scale of Finnish municipal risk assessments
 * (docs/risk.md#impact-levels), from {@link #MINOR} to {@link #CATASTROPHIC}. The order of the
 * constants is the order of the scale: a later level is worse.
 */
public enum ImpactLevel {
  /** Vähäinen: noticed and handled in the normal course of work. */
  MINOR("vähäinen"),
  /** Kohtalainen: extra work or cost, services slowed, no lasting harm. */
  MODERATE("kohtalainen"),
  /** Merkittävä: services cut, harm to people or money that needs management attention. */
  SERIOUS("merkittävä"),
  /** Vakava: lasting harm to health, safety or property; the organisation's capacity is at stake. */
  SEVERE("vakava"),
  /** Erittäin vakava: loss of life or harm that cannot be undone; society's functions fail. */
  CATASTROPHIC("erittäin vakava");

  private final String finnish;

  ImpactLevel(String finnish) {
    this.finnish = finnish;
  }

  /** The lower-case English name used in documents and JSON: {@code serious}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The Finnish word of the scale: {@code merkittävä}. */
  public String finnish() {
    return finnish;
  }

  /** 1 for minor … 5 for catastrophic: the column of the risk matrix. */
  public int rank() {
    return ordinal() + 1;
  }

  /** True when this level is at least as bad as {@code other}. */
  public boolean atLeast(ImpactLevel other) {
    return compareTo(other) >= 0;
  }

  /** The level with this English label (or Finnish word), ignoring case. */
  public static Optional<ImpactLevel> parse(String label) {
    String l = label.trim();
    for (ImpactLevel level : values()) {
      if (level.label().equalsIgnoreCase(l) || level.finnish.equalsIgnoreCase(l)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  /** The English label and the Finnish word: {@code serious (merkittävä)}. */
  public String describe() {
    return label() + " (" + finnish + ")";
  }
}
