package dev.kuja.model;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The nodes added to a {@link Model.Builder}, by id, in the order added: each a ready {@link
 * Node} or a {@link Node.Builder}. A map in effect (what a {@code LinkedHashMap} would do), kept
 * as the list of what was added and an open-addressing table of numbers, with no entry object
 * per node: a national model adds a million nodes, and a table of references written at random
 * places would have the garbage collector scan all of it at every collection while they are
 * read.
 */
final class AddedNodes {

  /** What was added, in order; null where a node was removed. */
  private Object[] items = new Object[16];
  /** Items used, removed ones included. */
  private int used;
  private int size;
  /** Per slot the hash of an id (high half) and its item + 1 (low half); 0 for none. */
  private long[] table = new long[32];

  private static String id(Object item) {
    return item instanceof Node n ? n.id() : ((Node.Builder) item).id();
  }

  private static int spread(int hash) {
    return NodeTable.spread(hash);
  }

  /**
   * The table of ids, in {@link NodeTable}'s form, when what was added is all there (nothing
   * removed), so that every entry's position is its node's position in the model; else empty.
   */
  java.util.Optional<long[]> table() {
    return used == size ? java.util.Optional.of(table) : java.util.Optional.empty();
  }

  /** The slot of the id, or of the empty slot where it would go. */
  private int slot(String id, int hash) {
    int mask = table.length - 1;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      long entry = table[slot];
      if (entry == 0 || ((int) (entry >>> 32) == hash && id(items[(int) entry - 1]).equals(id))) {
        return slot;
      }
    }
  }

  /** The node or builder added with this id, or null. */
  Object get(String id) {
    long entry = table[slot(id, id.hashCode())];
    return entry == 0 ? null : items[(int) entry - 1];
  }

  boolean contains(String id) {
    return get(id) != null;
  }

  /** Adds the node or builder unless its id is taken; true when added. */
  boolean add(String id, Object item) {
    int hash = id.hashCode();
    int slot = slot(id, hash);
    if (table[slot] != 0) {
      return false;
    }
    if (used == items.length) {
      items = Arrays.copyOf(items, used * 2);
    }
    items[used] = item;
    table[slot] = (long) hash << 32 | (used + 1);
    used++;
    size++;
    if (size * 2 > table.length) {
      grow();
    }
    return true;
  }

  /** Puts a builder in place of what has this id, keeping its place (the id must be there). */
  void replace(String id, Object item) {
    long entry = table[slot(id, id.hashCode())];
    items[(int) entry - 1] = item;
  }

  /** Removes what has this id; false when nothing has. */
  boolean remove(String id) {
    int mask = table.length - 1;
    int slot = slot(id, id.hashCode());
    long entry = table[slot];
    if (entry == 0) {
      return false;
    }
    items[(int) entry - 1] = null;
    size--;
    // backward-shift deletion: the entries after it that probed past it move back
    int hole = slot;
    for (int next = (hole + 1) & mask; table[next] != 0; next = (next + 1) & mask) {
      int home = spread((int) (table[next] >>> 32)) & mask;
      // the entry at next may fill the hole when its home is not cyclically within (hole, next]
      boolean between = hole <= next ? (home > hole && home <= next) : (home > hole || home <= next);
      if (!between) {
        table[hole] = table[next];
        hole = next;
      }
    }
    table[hole] = 0;
    return true;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    int mask = table.length - 1;
    for (long entry : old) {
      if (entry != 0) {
        int slot = spread((int) (entry >>> 32)) & mask;
        while (table[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        table[slot] = entry;
      }
    }
  }

  /** What was added and is still there, in order. */
  Iterable<Object> values() {
    return () -> new Iterator<>() {
      private int at = skip(0);

      private int skip(int i) {
        while (i < used && items[i] == null) {
          i++;
        }
        return i;
      }

      @Override
      public boolean hasNext() {
        return at < used;
      }

      @Override
      public Object next() {
        if (at >= used) {
          throw new NoSuchElementException();
        }
        Object item = items[at];
        at = skip(at + 1);
        return item;
      }
    };
  }

  /** The ids, in order, as a read-only set. */
  Set<String> ids() {
    return new AbstractSet<>() {
      @Override
      public Iterator<String> iterator() {
        Iterator<Object> values = values().iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return values.hasNext();
          }

          @Override
          public String next() {
            return id(values.next());
          }
        };
      }

      @Override
      public int size() {
        return size;
      }

      @Override
      public boolean contains(Object o) {
        return o instanceof String id && AddedNodes.this.contains(id);
      }
    };
  }
}
