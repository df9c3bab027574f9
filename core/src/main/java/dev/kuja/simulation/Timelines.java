package dev.kuja.simulation;

import dev.kuja.engine.cascade.CascadeEngine;
import dev.kuja.engine.graph.CompactModel;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The outages of every node that went down, as an immutable map over the engine's arrays:
 * {@link Outage} objects are made when a node's timeline is asked for, so a scenario that
 * takes down half a million nodes does not build half a million objects nobody reads. Keys in
 * model order, each timeline in time order.
 */
final class Timelines extends AbstractMap<String, List<Outage>> {

  private final CompactModel cm;
  private final IntFunction<Outage> outage;
  /** Outages of node v are order[start[v] .. start[v + 1]), by start time. */
  private final int[] start;
  private final int[] order;
  private final int[] down;
  /** Timelines made so far, by node (immutable lists; a racing thread at worst makes one twice). */
  private final Object[] made;

  Timelines(CompactModel cm, CascadeEngine.Outages raw, IntFunction<Outage> outage) {
    this.cm = cm;
    this.outage = outage;
    int n = cm.n;
    start = new int[n + 1];
    for (int i = 0; i < raw.size(); i++) {
      start[raw.node(i) + 1]++;
    }
    int downCount = 0;
    for (int v = 0; v < n; v++) {
      downCount += start[v + 1] > 0 ? 1 : 0;
      start[v + 1] += start[v];
    }
    order = new int[raw.size()];
    int[] fill = new int[n];
    for (int i = 0; i < raw.size(); i++) {
      int v = raw.node(i);
      order[start[v] + fill[v]++] = i;
    }
    down = new int[downCount];
    made = new Object[n];
    int d = 0;
    for (int v = 0; v < n; v++) {
      int from = start[v];
      int to = start[v + 1];
      if (to > from) {
        down[d++] = v;
        // insertion sort by start time: a node goes down a few times at most
        for (int a = from + 1; a < to; a++) {
          int x = order[a];
          int b = a - 1;
          while (b >= from && raw.from(order[b]) > raw.from(x)) {
            order[b + 1] = order[b];
            b--;
          }
          order[b + 1] = x;
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private List<Outage> timeline(int v) {
    Object known = made[v];
    if (known != null) {
      return (List<Outage>) known;
    }
    List<Outage> list = new ArrayList<>(start[v + 1] - start[v]);
    for (int k = start[v]; k < start[v + 1]; k++) {
      list.add(outage.apply(order[k]));
    }
    List<Outage> timeline = List.copyOf(list);
    made[v] = timeline;
    return timeline;
  }

  @Override
  public List<Outage> get(Object key) {
    if (!(key instanceof String id)) {
      return null; // Map's contract: absent keys give null
    }
    int v = cm.find(id);
    return v < 0 || start[v] == start[v + 1] ? null : timeline(v);
  }

  @Override
  public boolean containsKey(Object key) {
    if (!(key instanceof String id)) {
      return false;
    }
    int v = cm.find(id);
    return v >= 0 && start[v] < start[v + 1];
  }

  @Override
  public int size() {
    return down.length;
  }

  @Override
  public Set<Map.Entry<String, List<Outage>>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return down.length;
      }

      @Override
      public Iterator<Map.Entry<String, List<Outage>>> iterator() {
        return new Iterator<>() {
          int i;

          @Override
          public boolean hasNext() {
            return i < down.length;
          }

          @Override
          public Map.Entry<String, List<Outage>> next() {
            if (i >= down.length) {
              throw new NoSuchElementException();
            }
            int v = down[i++];
            return Map.entry(cm.id(v), timeline(v));
          }
        };
      }
    };
  }
}
