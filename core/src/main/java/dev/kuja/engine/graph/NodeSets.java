package dev.kuja.engine.graph;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Immutable sets and maps of node ids backed by the compact model's arrays: built in time
 * linear in what they hold (no string comparisons, no hashing), so a result naming a million
 * nodes costs milliseconds. Sets iterate in id order; maps in the order given.
 */
public final class NodeSets {

  private NodeSets() {}

  /** True for the sets and maps made here (immutable, safe to keep without copying). */
  public static boolean isFrozen(Object o) {
    return o instanceof IdSet || o instanceof TimeMap;
  }

  /** The nodes as an immutable set of ids, iterated in id order. */
  public static Set<String> set(CompactModel cm, int[] nodes, int count) {
    BitSet bits = new BitSet(cm.n);
    for (int i = 0; i < count; i++) {
      bits.set(cm.idRank(nodes[i]));
    }
    return new IdSet(cm, bits, bits.cardinality());
  }

  /**
   * Failure times as an immutable map, iterated earliest first and, at equal times, in id
   * order. {@code times[i]} is the time of {@code nodes[i]}, in non-decreasing order.
   */
  public static Map<String, Duration> times(CompactModel cm, int[] nodes, long[] times) {
    int count = nodes.length;
    int[] sorted = new int[count];
    int i = 0;
    while (i < count) {
      int j = i;
      while (j < count && times[j] == times[i]) {
        sorted[j] = cm.idRank(nodes[j]);
        j++;
      }
      Arrays.sort(sorted, i, j);
      for (int k = i; k < j; k++) {
        sorted[k] = cm.byIdRank(sorted[k]);
      }
      i = j;
    }
    return new TimeMap(cm, sorted, times);
  }

  private static final class IdSet extends AbstractSet<String> {
    private final CompactModel cm;
    private final BitSet ranks;
    private final int size;

    IdSet(CompactModel cm, BitSet ranks, int size) {
      this.cm = cm;
      this.ranks = ranks;
      this.size = size;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public boolean contains(Object o) {
      if (!(o instanceof String id)) {
        return false;
      }
      int v = cm.find(id);
      return v >= 0 && ranks.get(cm.idRank(v));
    }

    @Override
    public Iterator<String> iterator() {
      return new Iterator<>() {
        int next = ranks.nextSetBit(0);

        @Override
        public boolean hasNext() {
          return next >= 0;
        }

        @Override
        public String next() {
          if (next < 0) {
            throw new NoSuchElementException();
          }
          String id = cm.id(cm.byIdRank(next));
          next = ranks.nextSetBit(next + 1);
          return id;
        }
      };
    }
  }

  private static final class TimeMap extends AbstractMap<String, Duration> {
    private final CompactModel cm;
    private final int[] order;
    private final long[] times;
    private volatile int[] positionOf; // by node, -1 when absent; built on the first lookup

    TimeMap(CompactModel cm, int[] order, long[] times) {
      this.cm = cm;
      this.order = order;
      this.times = times;
    }

    @Override
    public int size() {
      return order.length;
    }

    private int[] positions() {
      int[] p = positionOf;
      if (p == null) {
        p = new int[cm.n];
        Arrays.fill(p, -1);
        for (int i = 0; i < order.length; i++) {
          p[order[i]] = i;
        }
        positionOf = p;
      }
      return p;
    }

    @Override
    public Duration get(Object key) {
      if (!(key instanceof String id)) {
        return null; // Map's contract: absent keys give null
      }
      int v = cm.find(id);
      int i = v < 0 ? -1 : positions()[v];
      return i < 0 ? null : Duration.ofMillis(times[i]);
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public Set<Map.Entry<String, Duration>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return order.length;
        }

        @Override
        public Iterator<Map.Entry<String, Duration>> iterator() {
          return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
              return i < order.length;
            }

            @Override
            public Map.Entry<String, Duration> next() {
              if (i >= order.length) {
                throw new NoSuchElementException();
              }
              int k = i++;
              return Map.entry(cm.id(order[k]), Duration.ofMillis(times[k]));
            }
          };
        }
      };
    }
  }
}
