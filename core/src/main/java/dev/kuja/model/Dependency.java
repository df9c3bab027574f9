package dev.kuja.model;

import java.util.Objects;

/**
 * An edge of the model's graph view ({@link Model#graph()}): {@code dependent} names {@code
 * provider} among the alternatives of its requirement number {@code requirement} (0-based).
 * Edges point from the node that needs to the node that is needed.
 */
public record Dependency(String dependent, String provider, int requirement) {

  public Dependency {
    Objects.requireNonNull(dependent, "dependent");
    Objects.requireNonNull(provider, "provider");
  }

  @Override
  public String toString() {
    return dependent + " -> " + provider + " (requirement " + (requirement + 1) + ")";
  }
}
