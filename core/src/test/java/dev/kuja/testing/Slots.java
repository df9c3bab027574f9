package dev.kuja.testing;

import dev.kuja.model.Model;
import dev.kuja.model.Node;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How generated inputs name nodes so that shrinking keeps them meaningful.
 *
 * <p>A generated model has up to a dozen <em>slots</em>, 0, 1, 2, …; the node in slot {@code s} has
 * the id {@code n<s>}, and the nodes appear in slot order. A model that shrinks loses nodes but
 * never renumbers the others. Everything else — a requirement's alternatives, a failure set, the
 * target of a disruption — names a slot by a number, a <em>reference</em>, and a reference
 * stands for the node in that slot or, when the slot is empty, the next node after it (wrapping
 * round to the first). Removing one node from a model therefore moves only the references to
 * that node, and every reference always names a node of the model, whatever was removed.
 */
public final class Slots {

  private Slots() {}

  /** The id of the node in a slot. */
  public static String id(int slot) {
    return "n" + slot;
  }

  /** The slot of a generated node. */
  public static int of(Node n) {
    return of(n.id());
  }

  /** The slot of a generated node's id. */
  public static int of(String id) {
    if (!id.startsWith("n")) {
      throw new IllegalArgumentException(id + " is not the id of a generated node");
    }
    return Integer.parseInt(id.substring(1));
  }

  /**
   * The first of {@code slots} (in ascending order) at or after {@code reference}, wrapping round,
   * that is not in {@code taken}; -1 when every slot is taken.
   */
  static int next(List<Integer> slots, int reference, Set<Integer> taken) {
    int start = 0;
    while (start < slots.size() && slots.get(start) < reference) {
      start++;
    }
    for (int i = 0; i < slots.size(); i++) {
      int s = slots.get((start + i) % slots.size());
      if (!taken.contains(s)) {
        return s;
      }
    }
    return -1;
  }

  /**
   * The node that {@code reference} names among {@code candidates}, generated nodes: the one in
   * that slot or the next after it, wrapping round; none when there are no candidates.
   */
  public static Optional<Node> pick(Collection<Node> candidates, int reference) {
    Node first = null;
    Node atOrAfter = null;
    for (Node n : candidates) {
      int slot = of(n);
      if (first == null || slot < of(first)) {
        first = n;
      }
      if (slot >= reference && (atOrAfter == null || slot < of(atOrAfter))) {
        atOrAfter = n;
      }
    }
    return Optional.ofNullable(atOrAfter != null ? atOrAfter : first);
  }

  /** The node of the model that {@code reference} names. */
  public static Node node(Model m, int reference) {
    return pick(m.nodes(), reference).orElseThrow();
  }
}
