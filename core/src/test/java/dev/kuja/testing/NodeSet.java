package dev.kuja.testing;

import dev.kuja.model.Model;
import dev.kuja.model.Node;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A set of {@link Slots slots}, such as the nodes that fail at the start: in a model it stands for
 * the nodes in those slots (an empty slot stands for nothing). Drawn by
 * {@link KujaArbitraries#nodeSets()}, every slot in the set with probability ½; shrinks towards
 * the empty set.
 */
public record NodeSet(SortedSet<Integer> slots) {

  public NodeSet {
    slots = new TreeSet<>(slots);
  }

  static NodeSet of(List<Boolean> members) {
    SortedSet<Integer> slots = new TreeSet<>();
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i)) {
        slots.add(i);
      }
    }
    return new NodeSet(slots);
  }

  /** The ids of the nodes of {@code m} in this set, in model order. */
  public List<String> in(Model m) {
    return m.nodes().stream().map(Node::id).filter(id -> slots.contains(Slots.of(id))).toList();
  }

  /** As {@link #in(Model)}; the model's first node when that is empty. */
  public List<String> inOrFirst(Model m) {
    List<String> ids = in(m);
    return ids.isEmpty() ? List.of(m.nodes().get(0).id()) : ids;
  }

  /** The slots in this set or the other. */
  public NodeSet union(NodeSet other) {
    SortedSet<Integer> union = new TreeSet<>(slots);
    union.addAll(other.slots);
    return new NodeSet(union);
  }

  @Override
  public String toString() {
    return slots.stream().map(Slots::id).collect(Collectors.joining(", ", "{", "}"));
  }
}
