package dev.kuja.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Lists;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nodes of a model by id, in model order: an unmodifiable map made of the list of nodes and
 * an open-addressing table of their positions. A model of a million nodes keeps two arrays
 * instead of an entry object per node, and is built without them (see {@link Model.Builder}).
 * As a {@link Map} it equals, and hashes as, any map of the same nodes by id.
 */
final class NodeTable extends AbstractMap<String, Node> {

  static final NodeTable EMPTY = new NodeTable(ImmutableList.of());

  private final ImmutableList<Node> nodes;
  /** Position + 1 of a node per slot, 0 for none; linear probing, at most half full. */
  private final int[] slots;

  private NodeTable(ImmutableList<Node> nodes) {
    this.nodes = nodes;
    int size = Integer.highestOneBit(Math.max(2, nodes.size()) * 2 - 1) << 1;
    slots = new int[size];
    int mask = size - 1;
    for (int i = 0; i < nodes.size(); i++) {
      String id = nodes.get(i).id();
      int slot = spread(id.hashCode()) & mask;
      while (slots[slot] != 0) {
        if (nodes.get(slots[slot] - 1).id().equals(id)) {
          throw new IllegalArgumentException("node id '" + id + "' twice");
        }
        slot = (slot + 1) & mask;
      }
      slots[slot] = i + 1;
    }
  }

  /**
   * The table of these nodes, in this order.
   *
   * @throws IllegalArgumentException when two nodes have the same id
   */
  static NodeTable of(List<Node> nodes) {
    return nodes.isEmpty() ? EMPTY : new NodeTable(ImmutableList.copyOf(nodes));
  }

  private static int spread(int hash) {
    return hash * 0x9E3779B9 ^ (hash >>> 16);
  }

  /** The nodes, in model order. */
  ImmutableList<Node> list() {
    return nodes;
  }

  /** The ids of the nodes, in model order. */
  List<String> ids() {
    return Lists.transform(nodes, Node::id);
  }

  @Override
  public Node get(Object key) {
    if (!(key instanceof String id)) {
      return null;
    }
    int mask = slots.length - 1;
    for (int slot = spread(id.hashCode()) & mask; ; slot = (slot + 1) & mask) {
      int at = slots[slot];
      if (at == 0) {
        return null;
      }
      Node n = nodes.get(at - 1);
      if (n.id().equals(id)) {
        return n;
      }
    }
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public int size() {
    return nodes.size();
  }

  @Override
  public boolean isEmpty() {
    return nodes.isEmpty();
  }

  @Override
  public Collection<Node> values() {
    return nodes;
  }

  @Override
  public Set<String> keySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<String> iterator() {
        return ids().iterator();
      }

      @Override
      public int size() {
        return nodes.size();
      }

      @Override
      public boolean contains(Object o) {
        return containsKey(o);
      }
    };
  }

  @Override
  public Set<Map.Entry<String, Node>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, Node>> iterator() {
        return Lists.transform(nodes, n -> Map.entry(n.id(), n)).iterator();
      }

      @Override
      public int size() {
        return nodes.size();
      }
    };
  }
}
