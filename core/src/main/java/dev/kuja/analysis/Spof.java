package dev.kuja.analysis;

import dev.kuja.model.Texts;
import java.util.List;
import java.util.Objects;

/**
 * A single point of failure of a target node: {@code node} failing alone brings the target
 * down.
 *
 * @param node        the single point of failure
 * @param commonCause true when the failure defeats redundancy by taking several alternatives at
 *                    once (both generators need the same fuel supplier); false for a direct
 *                    SPOF, reached through requirements that break with one alternative gone
 * @param path        the chain of requirements through which the failure reaches the target:
 *                    [node, …, target], each node an alternative of a requirement of the next
 */
public record Spof(String node, boolean commonCause, List<String> path) {

  public Spof {
    Objects.requireNonNull(node, "node");
    path = path instanceof TreePath ? path : List.copyOf(path);
  }

  @Override
  public String toString() {
    return node + (commonCause ? " (common-cause)" : "") + ": " + pathText();
  }

  /** The path as text, {@code a -> b -> f}, a long one abbreviated ({@link Texts#abbreviated}). */
  public String pathText() {
    return Texts.abbreviated(path, " -> ");
  }
}
