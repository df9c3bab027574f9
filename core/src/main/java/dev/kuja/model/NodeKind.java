package dev.kuja.model;

import java.util.Locale;
import java.util.Optional;

/** What a node is in the continuity model. */
public enum NodeKind {
  /** A critical function or service (emergency care, home care, water distribution, payroll). */
  FUNCTION,
  /** What functions run on: a site, an ICT system, a staff group, a utility connection, equipment. */
  RESOURCE,
  /** An external provider of goods or services; suppliers may have suppliers of their own (tiers). */
  SUPPLIER;

  private final String label = name().toLowerCase(Locale.ROOT);

  /** The lower-case name used in model documents: {@code function}, {@code resource}, {@code supplier}. */
  public String label() {
    return label;
  }

  /** The kind with the given document label, ignoring case. */
  public static Optional<NodeKind> parse(String label) {
    for (NodeKind k : values()) {
      if (k.label().equalsIgnoreCase(label.trim())) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
