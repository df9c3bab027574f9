package dev.kuja.engine.cascade;

import dev.kuja.engine.graph.CompactModel;
import java.lang.ref.SoftReference;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The episodes of a model's units, kept for Monte Carlo ensembles: for a unit (a set of nodes
 * disrupted together) and a length of disruption, the outages of the functions that the
 * disruption alone causes, from a cascade simulated once for a whole interval of lengths
 * ({@link CascadeEngine#episode}). One per model ({@link #of(CompactModel)}), shared by every
 * ensemble on it and every thread; what it keeps of a unit can be taken back by the collector
 * when memory runs short and is simulated again when asked for. Its answers are exact, so
 * whether they come from the cache or a new simulation never changes a result.
 */
public final class EpisodeCache {

  /**
   * The outages of functions in an episode, and how late its last outage of any node ends: for
   * a disruption from {@code start} to {@code end} (its length within the episode's interval),
   * outage i runs from {@link CascadeEngine.Episode#at at(from[i], start, end)} to
   * {@code at(to[i], start, end)}, and nothing is down after {@code max(start + lastFromStart,
   * end + lastFromEnd)}.
   *
   * @param validFrom     the shortest length it holds for
   * @param validTo       the longest length it holds for
   * @param settles       false when, for every length it holds for, the cascade never ends (a
   *                      cycle blinks for ever or a node stays down): then it has no outages
   * @param node          the function of each outage
   * @param from          the start of each outage, in the episode's form
   * @param to            the end of each outage, in the episode's form
   * @param lastFromStart the latest end among the outages timed from the start (−1 for none)
   * @param lastFromEnd   the latest end among those timed from the end (−1 for none)
   * @param footprint     the nodes the episode brings down and those that require any of them,
   *                      ascending: two episodes with disjoint footprints share no node and no
   *                      requirement, so whether they overlap in time changes neither
   */
  public record Functions(long validFrom, long validTo, boolean settles, int[] node, long[] from,
      long[] to, long lastFromStart, long lastFromEnd, int[] footprint) {

    /** Whether the footprints of two episodes have a node in common. */
    public boolean touches(Functions other) {
      int[] a = footprint;
      int[] b = other.footprint;
      int i = 0;
      int j = 0;
      while (i < a.length && j < b.length) {
        if (a[i] < b[j]) {
          i++;
        } else if (a[i] > b[j]) {
          j++;
        } else {
          return true;
        }
      }
      return false;
    }

    /** The time after which nothing is down, for a disruption from {@code start} to {@code end}. */
    public long settled(long start, long end) {
      return Math.max(lastFromStart < 0 ? start : start + lastFromStart,
          lastFromEnd < 0 ? end : end + lastFromEnd);
    }

    boolean holdsFor(long length) {
      return length >= validFrom && length <= validTo;
    }
  }

  /** What is known of one unit: its episodes by interval. */
  private static final class Unit {
    /** Episodes ordered by their intervals, which do not overlap. */
    volatile Functions[] known = new Functions[0];
    /** Set when an episode's times cannot be represented: the unit is simulated as it is. */
    volatile boolean unsupported;
  }

  private final CompactModel cm;
  private final ConcurrentHashMap<Key, SoftReference<Unit>> units = new ConcurrentHashMap<>();

  private EpisodeCache(CompactModel cm) {
    this.cm = cm;
  }

  /** The cache of a model. */
  public static EpisodeCache of(CompactModel cm) {
    return cm.derived(EpisodeCache.class, EpisodeCache::new);
  }

  /** A unit's nodes as a key. */
  private record Key(int[] nodes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(nodes, k.nodes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(nodes);
    }
  }

  /**
   * The outages of functions when the unit {@code nodes} alone is disrupted for {@code length}
   * ms (at least 1), or empty when the cascade cannot be put in an episode's form: the caller
   * simulates it as it is, as it must when the episode does not settle. A new episode is
   * simulated on {@code engine}, one made by {@link CascadeEngine#reusable} for this cache's
   * model (and not in the middle of another simulation whose outages are still to be read).
   */
  public Optional<Functions> functions(int[] nodes, long length, CascadeEngine engine) {
    if (engine.model() != cm) {
      throw new IllegalArgumentException("an engine of another model");
    }
    Key key = new Key(nodes);
    SoftReference<Unit> ref = units.get(key);
    Unit unit = ref == null ? null : ref.get();
    if (unit == null) {
      unit = new Unit();
      units.put(key, new SoftReference<>(unit));
    }
    if (unit.unsupported) {
      return Optional.empty();
    }
    Functions[] known = unit.known;
    int at = find(known, length);
    if (at >= 0) {
      return Optional.of(known[at]);
    }
    Optional<CascadeEngine.Episode> episode = engine.episode(nodes, length);
    if (episode.isEmpty()) {
      unit.unsupported = true;
      return Optional.empty();
    }
    Functions f = functions(episode.get());
    synchronized (unit) {
      Functions[] now = unit.known;
      if (find(now, length) < 0) {
        Functions[] next = Arrays.copyOf(now, now.length + 1);
        next[now.length] = f;
        Arrays.sort(next, (a, b) -> Long.compare(a.validFrom(), b.validFrom()));
        unit.known = next;
      }
    }
    return Optional.of(f);
  }

  /** The episode whose interval holds the length, by binary search, or −1. */
  private static int find(Functions[] known, long length) {
    int lo = 0;
    int hi = known.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (known[mid].validTo() < length) {
        lo = mid + 1;
      } else if (known[mid].validFrom() > length) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** The nodes an episode brings down and their dependants, ascending. */
  private int[] footprint(CascadeEngine.Episode e) {
    int[] out = new int[16];
    int size = 0;
    for (int i = 0; i < e.size(); i++) {
      int v = e.node()[i];
      int from = cm.revStart(v);
      int to = cm.revStart(v + 1);
      if (size + 1 + to - from > out.length) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, size + 1 + to - from));
      }
      out[size++] = v;
      for (int j = from; j < to; j++) {
        out[size++] = cm.revOwner(j);
      }
    }
    Arrays.sort(out, 0, size);
    int distinct = 0;
    for (int i = 0; i < size; i++) {
      if (distinct == 0 || out[distinct - 1] != out[i]) {
        out[distinct++] = out[i];
      }
    }
    return Arrays.copyOf(out, distinct);
  }

  private Functions functions(CascadeEngine.Episode e) {
    int count = 0;
    long lastFromStart = -1;
    long lastFromEnd = -1;
    for (int i = 0; i < e.size(); i++) {
      long to = e.to()[i];
      if (to >= CascadeEngine.TAG) {
        lastFromEnd = Math.max(lastFromEnd, to - CascadeEngine.TAG);
      } else {
        lastFromStart = Math.max(lastFromStart, to);
      }
      if (cm.isFunction(e.node()[i])) {
        count++;
      }
    }
    int[] node = new int[count];
    long[] from = new long[count];
    long[] to = new long[count];
    int k = 0;
    for (int i = 0; i < e.size(); i++) {
      if (cm.isFunction(e.node()[i])) {
        node[k] = e.node()[i];
        from[k] = e.from()[i];
        to[k++] = e.to()[i];
      }
    }
    return new Functions(e.validFrom(), e.validTo(), e.settles(), node, from, to, lastFromStart,
        lastFromEnd, footprint(e));
  }
}
