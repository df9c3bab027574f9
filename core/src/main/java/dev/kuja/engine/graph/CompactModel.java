package dev.kuja.engine.graph;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import dev.kuja.model.Criticality;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.NodeKind;
import dev.kuja.model.Requirement;
import dev.kuja.model.Suggestions;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The frozen form of a model that analyses run on: nodes numbered 0..n−1 in model order,
 * requirements numbered 0..R−1 grouped by owner, and both directions of the dependency relation
 * as CSR arrays. Built once per model and cached for as long as the model is reachable.
 *
 * <p>Times are milliseconds; {@link #NEVER} stands for "never fails".
 */
public final class CompactModel {

  /** Failure time of a node that never fails. */
  public static final long NEVER = Long.MAX_VALUE;

  /**
   * One compact form per live model. Keys are weak; the value must not refer to its model, or
   * no model would ever be collected.
   */
  private static final LoadingCache<Model, CompactModel> CACHE =
      CacheBuilder.newBuilder().weakKeys().build(CacheLoader.from(CompactModel::new));
  /** Number of nodes. */
  public final int n;
  /** Number of requirements. */
  public final int r;
  private final String[] ids;
  /**
   * The nodes ordered by the hash codes of their ids (ties by index): {@link #find} is a binary
   * search over it. One int per node.
   */
  private final int[] byHash;

  /** Requirements of node v: {@code reqStart[v] .. reqStart[v+1]-1}. */
  private final int[] reqStart;
  /** k of each requirement, in a byte when every k is below 128, else in an int. */
  private final byte[] reqKByte;
  private final int[] reqKInt;
  /** Tolerance of each requirement, in ms, in a table of the distinct tolerances. */
  private final Times reqTol;
  /** Alternatives of requirement q: {@code alts[altStart[q] .. altStart[q+1]-1]}. */
  private final int[] altStart;
  private final int[] alts;
  /**
   * The requirements in which node u is an alternative, reverse slots {@code revStart[u] ..
   * revStart[u+1]-1}: slot i is requirement {@code reqStart[revOwner[i]] + revPlace[i]} of node
   * {@code revOwner[i]} — its owner at hand for the hot loops that follow failures upwards,
   * without an owner per requirement. A place of 255 or more is looked up in {@code revFar}.
   */
  private final int[] revStart;
  private final int[] revOwner;
  private final byte[] revPlace;
  private final Map<Integer, Integer> revFar;
  /** Recovery time per node, in ms, in a table of the distinct recovery times. */
  private final Times recovery;
  /** Kind ordinal (low 2 bits) and criticality ordinal + 1 (0 for none, next 3 bits) per node. */
  private final byte[] kind;

  /** Weights of the criticalities by ordinal + 1; 0 for none. */
  private static final int[] WEIGHT = weights();

  private static int[] weights() {
    int[] w = new int[Criticality.values().length + 1];
    for (Criticality c : Criticality.values()) {
      w[c.ordinal() + 1] = c.weight();
    }
    return w;
  }

  /**
   * Times in milliseconds, one per element, stored as positions in a table of the distinct
   * values: a byte each while there are at most 256 of them (tolerances and recovery times are
   * a few dozen round durations in practice), a char each up to 65,536, a long each beyond.
   */
  private static final class Times {
    private final long[] table;
    private final byte[] small;
    private final char[] medium;
    private final long[] direct;

    Times(long[] values) {
      if (values.length <= 64) {
        // a small sub-model, made many times over: not worth a table
        table = null;
        small = null;
        medium = null;
        direct = values;
        return;
      }
      long[] distinct = distinct(values);
      if (distinct.length <= 1 << 16) {
        table = distinct;
        direct = null;
        if (distinct.length <= 1 << 8) {
          small = new byte[values.length];
          medium = null;
          for (int i = 0; i < values.length; i++) {
            small[i] = (byte) Arrays.binarySearch(distinct, values[i]);
          }
        } else {
          small = null;
          medium = new char[values.length];
          for (int i = 0; i < values.length; i++) {
            medium[i] = (char) Arrays.binarySearch(distinct, values[i]);
          }
        }
      } else {
        table = null;
        small = null;
        medium = null;
        direct = values;
      }
    }

    long get(int i) {
      if (small != null) {
        return table[small[i] & 0xff];
      }
      return medium != null ? table[medium[i]] : direct[i];
    }
  }

  /**
   * The distinct values, ascending: gathered in a small open-addressing table of longs (the
   * values are a few dozen round durations in practice; a boxed set of millions of them cost
   * more than the rest of freezing).
   */
  static long[] distinct(long[] values) {
    long[] table = new long[64];
    boolean[] used = new boolean[64];
    int size = 0;
    long last = 0;
    boolean any = false;
    for (long v : values) {
      if (any && v == last) {
        continue;
      }
      any = true;
      last = v;
      int mask = table.length - 1;
      int slot = Long.hashCode(v * 0x9E3779B97F4A7C15L) & mask;
      while (used[slot] && table[slot] != v) {
        slot = (slot + 1) & mask;
      }
      if (!used[slot]) {
        used[slot] = true;
        table[slot] = v;
        if (++size * 2 > table.length) {
          long[] oldTable = table;
          boolean[] oldUsed = used;
          table = new long[oldTable.length * 2];
          used = new boolean[oldTable.length * 2];
          mask = table.length - 1;
          for (int i = 0; i < oldTable.length; i++) {
            if (oldUsed[i]) {
              int s = Long.hashCode(oldTable[i] * 0x9E3779B97F4A7C15L) & mask;
              while (used[s]) {
                s = (s + 1) & mask;
              }
              used[s] = true;
              table[s] = oldTable[i];
            }
          }
        }
      }
    }
    long[] out = new long[size];
    int k = 0;
    for (int i = 0; i < table.length; i++) {
      if (used[i]) {
        out[k++] = table[i];
      }
    }
    Arrays.sort(out);
    return out;
  }

  /** The id of node v. */
  public String id(int v) {
    return ids[v];
  }

  /** The first requirement of node v; its requirements are {@code reqStart(v) .. reqStart(v + 1) - 1}. */
  public int reqStart(int v) {
    return reqStart[v];
  }

  /**
   * The node that has requirement q, by a binary search over the nodes' first requirements
   * (O(log n)). Loops that follow failures upwards read the owner of a reverse slot instead
   * ({@link #revOwner(int)}); an engine that needs the owner of any requirement often copies
   * {@link #reqOwners()}.
   */
  public int reqOwner(int q) {
    if (q < 0 || q >= r) {
      throw new IndexOutOfBoundsException("requirement " + q + " of " + r);
    }
    // the last node whose first requirement is at most q: its requirements hold q
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (reqStart[mid] <= q) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** The owner of every requirement, as an array the caller owns (for hot loops). */
  public int[] reqOwners() {
    int[] owner = new int[r];
    for (int v = 0; v < n; v++) {
      Arrays.fill(owner, reqStart[v], reqStart[v + 1], v);
    }
    return owner;
  }

  /** How many alternatives of requirement q must operate for it to hold. */
  public int reqK(int q) {
    return reqKInt != null ? reqKInt[q] : reqKByte[q];
  }

  /** The tolerance of requirement q, in milliseconds. */
  public long reqTol(int q) {
    return reqTol.get(q);
  }

  /** The first alternative slot of requirement q; its alternatives are {@code alt(altStart(q)) .. alt(altStart(q + 1) - 1)}. */
  public int altStart(int q) {
    return altStart[q];
  }

  /** The node in alternative slot i. */
  public int alt(int i) {
    return alts[i];
  }

  /** Number of alternative slots over all requirements. */
  public int alternativeCount() {
    return alts.length;
  }

  /** The first reverse slot of node u; the requirements naming u are {@code revReq(revStart(u)) .. revReq(revStart(u + 1) - 1)}. */
  public int revStart(int u) {
    return revStart[u];
  }

  /** The requirement in reverse slot i. */
  public int revReq(int i) {
    int place = revPlace[i] & 0xff;
    return place != 0xff ? reqStart[revOwner[i]] + place : revFar.get(i);
  }

  /** The node whose requirement is in reverse slot i: {@code reqOwner(revReq(i))}, at once. */
  public int revOwner(int i) {
    return revOwner[i];
  }

  /** The recovery time of node v, in milliseconds. */
  public long recovery(int v) {
    return recovery.get(v);
  }

  /** The kind ordinal of node v ({@link NodeKind#ordinal()}). */
  public byte kind(int v) {
    return (byte) (kind[v] & 3);
  }

  /** The criticality weight of node v (0 for nodes that are not functions). */
  public int weight(int v) {
    return WEIGHT[kind[v] >> 2];
  }

  private volatile int[] rank;
  private volatile int[][] idOrder;
  private final ConcurrentHashMap<Class<?>, Object> derived = new ConcurrentHashMap<>();

  /**
   * Topological rank of node v (strongly connected components share one): a node's
   * alternatives never rank above it. Computed on first use.
   */
  public int rank(int v) {
    return ranks0()[v];
  }

  /** Topological ranks of all nodes, as a copy the caller owns (for hot loops). */
  public int[] ranks() {
    return ranks0().clone();
  }

  private int[] ranks0() {
    int[] r = rank;
    if (r == null) {
      synchronized (this) {
        r = rank;
        if (r == null) {
          rank = r = Scc.ranks(this);
        }
      }
    }
    return r;
  }

  /** The node at position k when nodes are sorted by id. */
  public int byIdRank(int k) {
    return idOrder()[0][k];
  }

  /** The position of node v when nodes are sorted by id. */
  public int idRank(int v) {
    return idOrder()[1][v];
  }

  private int[][] idOrder() {
    int[][] o = idOrder;
    if (o == null) {
      synchronized (this) {
        o = idOrder;
        if (o == null) {
          String[] sorted = ids.clone();
          Arrays.sort(sorted);
          int[] byRank = new int[n];
          int[] rankOf = new int[n];
          for (int k = 0; k < n; k++) {
            int v = find(sorted[k]);
            byRank[k] = v;
            rankOf[v] = k;
          }
          idOrder = o = new int[][] {byRank, rankOf};
        }
      }
    }
    return o;
  }

  /**
   * A structure derived from this model by an engine (a pool of work arrays, a cached relation),
   * made by {@code make} on first use and kept as long as the model is. {@code make} must not
   * keep a reference to anything but this compact form.
   */
  public <T> T derived(Class<T> type, Function<CompactModel, T> make) {
    return type.cast(derived.computeIfAbsent(type, t -> make.apply(this)));
  }

  /** The index of a node id, or -1. */
  public int find(String id) {
    int hash = id.hashCode();
    int lo = 0;
    int hi = n - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int h = ids[byHash[mid]].hashCode();
      if (h < hash) {
        lo = mid + 1;
      } else if (h > hash) {
        hi = mid - 1;
      } else {
        // the first of the ids with this hash, then each of them
        int first = mid;
        while (first > 0 && ids[byHash[first - 1]].hashCode() == hash) {
          first--;
        }
        for (int k = first; k < n && ids[byHash[k]].hashCode() == hash; k++) {
          if (ids[byHash[k]].equals(id)) {
            return byHash[k];
          }
        }
        return -1;
      }
    }
    return -1;
  }

  /** The hash code of every id in the high half and its node in the low half, ascending. */
  private static long[] hashKeys(String[] ids) {
    long[] keys = new long[ids.length];
    for (int v = 0; v < ids.length; v++) {
      keys[v] = (long) ids[v].hashCode() << 32 | v;
    }
    Arrays.sort(keys);
    return keys;
  }

  /** The nodes of {@link #hashKeys}, in their order. */
  private static int[] nodes(long[] keys) {
    int[] order = new int[keys.length];
    for (int k = 0; k < keys.length; k++) {
      order[k] = (int) keys[k];
    }
    return order;
  }

  /**
   * A hash table of the ids for freezing (node + 1 per slot, 0 empty, linear probing, a load of
   * at most a half): the alternatives of a million nodes are resolved in a probe or two each,
   * and the table is dropped once the model is frozen.
   */
  private static int[] lookup(String[] ids) {
    int size = Integer.highestOneBit(Math.max(2, ids.length) * 2 - 1) << 1;
    int[] table = new int[size];
    int mask = size - 1;
    for (int v = 0; v < ids.length; v++) {
      int slot = spread(ids[v].hashCode()) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = v + 1;
    }
    return table;
  }

  private static int spread(int hash) {
    return hash * 0x9E3779B9 ^ (hash >>> 16);
  }

  /** The node of an id in a {@link #lookup} table, or −1. */
  private static int find(int[] table, String[] ids, String id) {
    int mask = table.length - 1;
    for (int slot = spread(id.hashCode()) & mask; ; slot = (slot + 1) & mask) {
      int v = table[slot] - 1;
      if (v < 0) {
        return -1;
      }
      if (ids[v].equals(id)) {
        return v;
      }
    }
  }

  /** The compact form of a model, built on first use and cached while the model lives. */
  public static CompactModel of(Model model) {
    return CACHE.getUnchecked(model);
  }

  private CompactModel(Model model) {
    List<Node> nodes = model.nodes();
    n = nodes.size();
    ids = new String[n];
    kind = new byte[n];
    long[] recoveries = new long[n];
    reqStart = new int[n + 1];
    // where each node's alternatives begin, so that parts of the nodes can be filled at once
    int[] altBase = new int[n + 1];
    int reqCount = 0;
    int altCount = 0;
    // indexed loops: an iterator per list is garbage a million times over
    for (int v = 0; v < n; v++) {
      Node node = nodes.get(v);
      ids[v] = node.id();
      int criticality = node.criticality().isPresent() ? node.criticality().get().ordinal() + 1 : 0;
      kind[v] = (byte) (node.kind().ordinal() | criticality << 2);
      recoveries[v] = node.recovery().toMillis();
      reqStart[v] = reqCount;
      altBase[v] = altCount;
      List<Requirement> requirements = node.requirements();
      reqCount += requirements.size();
      for (int i = 0; i < requirements.size(); i++) {
        altCount += requirements.get(i).n();
      }
    }
    byHash = nodes(hashKeys(ids));
    int[] lookup = lookup(ids);
    recovery = new Times(recoveries);
    r = reqCount;
    int[] ks = new int[r];
    long[] tolerances = new long[r];
    altStart = new int[r + 1];
    alts = new int[altCount];
    // each part of the nodes fills its own requirements and alternatives: the same arrays
    // whichever part is filled first (a large model's parts on the cores there are)
    int parts = n < PARALLEL_FROM ? 1 : Math.min(8, Runtime.getRuntime().availableProcessors());
    int largestK;
    if (parts == 1) {
      largestK = fill(nodes, 0, n, ids, lookup, reqStart, altBase, ks, tolerances, altStart, alts);
    } else {
      largestK = IntStream.range(0, parts).parallel()
          .map(part -> fill(nodes, (int) ((long) n * part / parts), (int) ((long) n * (part + 1) / parts),
              ids, lookup, reqStart, altBase, ks, tolerances, altStart, alts))
          .max().orElse(0);
    }
    reqStart[n] = reqCount;
    altStart[r] = altCount;
    reqTol = new Times(tolerances);
    if (largestK < Byte.MAX_VALUE) {
      reqKByte = new byte[r];
      for (int k = 0; k < r; k++) {
        reqKByte[k] = (byte) ks[k];
      }
      reqKInt = null;
    } else {
      reqKByte = null;
      reqKInt = ks;
    }
    revStart = new int[n + 1];
    revOwner = new int[altCount];
    revPlace = new byte[altCount];
    revFar = reverse(n, r, reqStart, altStart, alts, revStart, revOwner, revPlace);
  }

  /** Models of this many nodes and more are frozen in parts, one per core (up to 8). */
  static final int PARALLEL_FROM = 100_000;

  /**
   * Fills k, tolerance and alternatives of the requirements of nodes {@code from .. to - 1},
   * whose first requirement and alternative are given by {@code reqStart} and {@code altBase}.
   *
   * @return the largest k among them (0 for none)
   */
  private static int fill(List<Node> nodes, int from, int to, String[] ids, int[] lookup, int[] reqStart,
      int[] altBase, int[] ks, long[] tolerances, int[] altStart, int[] alts) {
    int largestK = 0;
    for (int v = from; v < to; v++) {
      int q = reqStart[v];
      int a = altBase[v];
      List<Requirement> requirements = nodes.get(v).requirements();
      for (int j = 0; j < requirements.size(); j++) {
        Requirement req = requirements.get(j);
        ks[q] = req.k();
        largestK = Math.max(largestK, req.k());
        tolerances[q] = req.tolerance().toMillis();
        altStart[q] = a;
        List<String> alternatives = req.alternatives();
        for (int i = 0; i < alternatives.size(); i++) {
          alts[a++] = find(lookup, ids, alternatives.get(i));
        }
        q++;
      }
    }
    return largestK;
  }

  /**
   * Fills the reverse slots: every requirement q of every node v, for each of its alternatives
   * u, in the order of q, gets a slot of u holding v and q's place among v's requirements.
   *
   * @return the places of 255 and more, by slot
   */
  private static Map<Integer, Integer> reverse(int n, int r, int[] reqStart, int[] altStart,
      int[] alts, int[] revStart, int[] revOwner, byte[] revPlace) {
    for (int i = 0; i < alts.length; i++) {
      revStart[alts[i] + 1]++;
    }
    for (int u = 0; u < n; u++) {
      revStart[u + 1] += revStart[u];
    }
    int[] fill = Arrays.copyOf(revStart, n);
    Map<Integer, Integer> far = new HashMap<>();
    for (int v = 0; v < n; v++) {
      for (int q = reqStart[v]; q < reqStart[v + 1]; q++) {
        int place = q - reqStart[v];
        for (int i = altStart[q]; i < altStart[q + 1]; i++) {
          int slot = fill[alts[i]]++;
          revOwner[slot] = v;
          if (place < 0xff) {
            revPlace[slot] = (byte) place;
          } else {
            revPlace[slot] = (byte) 0xff;
            far.put(slot, q);
          }
        }
      }
    }
    return far.isEmpty() ? Map.of() : Map.copyOf(far);
  }

  /**
   * The compact form of the sub-model induced by {@code nodes}, which must be ascending and
   * closed under requirements (every alternative of a member a member, as a dependency closure
   * is): node i of the result is {@code nodes[i]}, with its id, kind, weight and recovery, and
   * requirements and alternatives keep their order. So every engine visits the sub-model in the
   * order it visits those nodes of the whole, restricted to them — a run restricted to a closure
   * gives the same answer on either, but on the sub-model it never looks at the dependents
   * outside it (a national hub may have a million). It costs O(c log c) for c nodes and their
   * requirements; the result is not cached.
   *
   * @throws IllegalArgumentException when the nodes are not ascending or not closed
   */
  public CompactModel restrict(int[] nodes) {
    requireAscending(nodes);
    int reqs = 0;
    int altCount = 0;
    for (int v : nodes) {
      reqs += reqStart[v + 1] - reqStart[v];
      altCount += altStart[reqStart[v + 1]] - altStart[reqStart[v]];
    }
    return new CompactModel(this, nodes, reqs, altCount, false);
  }

  /**
   * The sub-model of the given nodes (ascending) when every node outside them stays up for good:
   * as {@link #restrict(int[])}, except that the nodes need not be closed under requirements —
   * each requirement keeps its alternatives among the nodes, in their order, with k lowered by
   * the number left out (those always count as up), and is dropped when k reaches 0 (it always
   * holds). A cascade on the result is the cascade on the whole restricted to the nodes, for
   * any disruption of them that never brings down a node outside them.
   *
   * @throws IllegalArgumentException when the nodes are not ascending
   */
  public CompactModel restrictWithOthersUp(int[] nodes) {
    requireAscending(nodes);
    int reqs = 0;
    int altCount = 0;
    for (int v : nodes) {
      for (int q = reqStart[v]; q < reqStart[v + 1]; q++) {
        int inside = inside(q, nodes);
        if (reqK(q) - (size(q) - inside) > 0) {
          reqs++;
          altCount += inside;
        }
      }
    }
    return new CompactModel(this, nodes, reqs, altCount, true);
  }

  private static void requireAscending(int[] nodes) {
    for (int i = 1; i < nodes.length; i++) {
      if (nodes[i - 1] >= nodes[i]) {
        throw new IllegalArgumentException("the nodes of a sub-model must be ascending");
      }
    }
  }

  /** How many alternatives of requirement q are among the (ascending) nodes. */
  private int inside(int q, int[] nodes) {
    int inside = 0;
    for (int i = altStart[q]; i < altStart[q + 1]; i++) {
      if (Arrays.binarySearch(nodes, alts[i]) >= 0) {
        inside++;
      }
    }
    return inside;
  }

  private CompactModel(CompactModel whole, int[] nodes, int reqs, int altCount, boolean othersUp) {
    n = nodes.length;
    r = reqs;
    ids = new String[n];
    kind = new byte[n];
    long[] recoveries = new long[n];
    reqStart = new int[n + 1];
    int[] ks = new int[r];
    long[] tolerances = new long[r];
    altStart = new int[r + 1];
    alts = new int[altCount];
    int q = 0;
    int a = 0;
    for (int v = 0; v < n; v++) {
      int w = nodes[v];
      ids[v] = whole.ids[w];
      kind[v] = whole.kind[w];
      recoveries[v] = whole.recovery(w);
      reqStart[v] = q;
      for (int wq = whole.reqStart[w]; wq < whole.reqStart[w + 1]; wq++) {
        int k = whole.reqK(wq);
        if (othersUp) {
          k -= whole.size(wq) - whole.inside(wq, nodes);
          if (k <= 0) {
            continue; // always holds
          }
        }
        ks[q] = k;
        tolerances[q] = whole.reqTol(wq);
        altStart[q] = a;
        for (int i = whole.altStart[wq]; i < whole.altStart[wq + 1]; i++) {
          int u = Arrays.binarySearch(nodes, whole.alts[i]);
          if (u < 0 && othersUp) {
            continue; // always up
          }
          if (u < 0) {
            throw new IllegalArgumentException("the nodes of a sub-model must be closed under "
                + "requirements: " + whole.ids[w] + " requires " + whole.ids[whole.alts[i]]);
          }
          alts[a++] = u;
        }
        q++;
      }
    }
    reqStart[n] = q;
    altStart[r] = a;
    byHash = nodes(hashKeys(ids));
    recovery = new Times(recoveries);
    reqTol = new Times(tolerances);
    reqKByte = null;
    reqKInt = ks;
    revStart = new int[n + 1];
    revOwner = new int[altCount];
    revPlace = new byte[altCount];
    revFar = reverse(n, r, reqStart, altStart, alts, revStart, revOwner, revPlace);
  }

  /** The index of a node id. */
  public int index(String id) {
    int i = find(id);
    if (i < 0) {
      throw new NoSuchElementException(
          "no node '" + id + "' in the model" + Suggestions.hint(id, Arrays.asList(ids)));
    }
    return i;
  }

  /** Indices of node ids, checked. */
  public int[] indices(Collection<String> ids) {
    int[] out = new int[ids.size()];
    int i = 0;
    for (String id : ids) {
      out[i++] = index(id);
    }
    return out;
  }

  public boolean isFunction(int v) {
    return (kind[v] & 3) == NodeKind.FUNCTION.ordinal();
  }

  /** Number of alternatives of requirement q. */
  public int size(int q) {
    return altStart[q + 1] - altStart[q];
  }

  /** Alternatives that must fail before requirement q stops holding: n − k + 1. */
  public int toBreak(int q) {
    return altStart[q + 1] - altStart[q] - reqK(q) + 1;
  }

  /** Adds two times, saturating at {@link #NEVER}. */
  public static long plus(long a, long b) {
    long s = a + b;
    return (a == NEVER || b == NEVER || s < 0) ? NEVER : s;
  }
}
