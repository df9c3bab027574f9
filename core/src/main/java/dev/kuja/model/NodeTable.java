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
 * The nodes of a model by id, in model order: an unmodifiable map made of the list of nodes, the
 * list of their ids and an open-addressing table of their hashes and positions. A model of a
 * million nodes keeps three arrays instead of an entry object per node, and is built without
 * them (see {@link Model.Builder}, whose table of added nodes it takes over when it can). A look-up
 * reads the table and the id (the same string, most often: ids are shared), not the node. As a
 * {@link Map} it equals, and hashes as, any map of the same nodes by id.
 */
final class NodeTable extends AbstractMap<String, Node> {

  static final NodeTable EMPTY = new NodeTable(ImmutableList.of());

  private final ImmutableList<Node> nodes;
  /** The id of each node, in model order. */
  private final String[] ids;
  /**
   * Per slot the hash of an id (high half) and its position + 1 (low half), 0 for none; linear
   * probing, at most half full. The form of {@link AddedNodes}'s table.
   */
  private final long[] slots;

  private NodeTable(ImmutableList<Node> nodes) {
    this.nodes = nodes;
    ids = ids(nodes);
    int size = Integer.highestOneBit(Math.max(2, nodes.size()) * 2 - 1) << 1;
    slots = new long[size];
    int mask = size - 1;
    for (int i = 0; i < ids.length; i++) {
      String id = ids[i];
      int hash = id.hashCode();
      int slot = spread(hash) & mask;
      while (slots[slot] != 0) {
        if (ids[(int) slots[slot] - 1].equals(id)) {
          throw new IllegalArgumentException("node id '" + id + "' twice");
        }
        slot = (slot + 1) & mask;
      }
      slots[slot] = (long) hash << 32 | (i + 1);
    }
  }

  /** Over a table of these nodes' hashes and positions, as {@link AddedNodes} keeps one. */
  private NodeTable(ImmutableList<Node> nodes, long[] slots) {
    this.nodes = nodes;
    this.ids = ids(nodes);
    this.slots = slots;
  }

  private static String[] ids(List<Node> nodes) {
    String[] ids = new String[nodes.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = nodes.get(i).id();
    }
    return ids;
  }

  /**
   * The table of these nodes over a copy of {@code table}, which holds, in {@link AddedNodes}'s
   * form, the hash and position of every node and nothing else (a power of two in size, at
   * most half full, probed linearly from {@link #spread}): no id is hashed again.
   */
  static NodeTable over(List<Node> nodes, long[] table) {
    return nodes.isEmpty() ? EMPTY : new NodeTable(ImmutableList.copyOf(nodes), table.clone());
  }

  /**
   * The table of these nodes, in this order.
   *
   * @throws IllegalArgumentException when two nodes have the same id
   */
  static NodeTable of(List<Node> nodes) {
    return nodes.isEmpty() ? EMPTY : new NodeTable(ImmutableList.copyOf(nodes));
  }

  static int spread(int hash) {
    return hash * 0x9E3779B9 ^ (hash >>> 16);
  }

  /** The nodes, in model order. */
  ImmutableList<Node> list() {
    return nodes;
  }

  /** The ids of the nodes, in model order. */
  List<String> ids() {
    return java.util.Collections.unmodifiableList(java.util.Arrays.asList(ids));
  }

  /** The position of the node with this id, or −1. */
  private int position(Object key) {
    if (!(key instanceof String id)) {
      return -1;
    }
    int hash = id.hashCode();
    int mask = slots.length - 1;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      long entry = slots[slot];
      if (entry == 0) {
        return -1;
      }
      if ((int) (entry >>> 32) == hash) {
        String other = ids[(int) entry - 1];
        if (other == id || other.equals(id)) {
          return (int) entry - 1;
        }
      }
    }
  }

  @Override
  public Node get(Object key) {
    int at = position(key);
    return at < 0 ? null : nodes.get(at);
  }

  @Override
  public boolean containsKey(Object key) {
    return position(key) >= 0;
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
