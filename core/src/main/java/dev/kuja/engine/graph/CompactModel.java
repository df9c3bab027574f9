package dev.kuja.engine.graph;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
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
  private final Map<String, Integer> index;

  /** Requirements of node v: {@code reqStart[v] .. reqStart[v+1]-1}. */
  private final int[] reqStart;
  /** Owner node of each requirement. */
  private final int[] reqOwner;
  /** k of each requirement. */
  private final int[] reqK;
  /** Tolerance of each requirement, in ms. */
  private final long[] reqTol;
  /** Alternatives of requirement q: {@code alts[altStart[q] .. altStart[q+1]-1]}. */
  private final int[] altStart;
  private final int[] alts;
  /** Requirements in which node u is an alternative: {@code revReq[revStart[u] .. revStart[u+1]-1]}. */
  private final int[] revStart;
  private final int[] revReq;
  /** Recovery time per node, in ms. */
  private final long[] recovery;
  /** Kind ordinal per node. */
  private final byte[] kind;
  /** Criticality weight per node (0 for nodes that are not functions). */
  private final int[] weight;

  /** The id of node v. */
  public String id(int v) {
    return ids[v];
  }

  /** The first requirement of node v; its requirements are {@code reqStart(v) .. reqStart(v + 1) - 1}. */
  public int reqStart(int v) {
    return reqStart[v];
  }

  /** The node that has requirement q. */
  public int reqOwner(int q) {
    return reqOwner[q];
  }

  /** How many alternatives of requirement q must operate for it to hold. */
  public int reqK(int q) {
    return reqK[q];
  }

  /** The tolerance of requirement q, in milliseconds. */
  public long reqTol(int q) {
    return reqTol[q];
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
    return revReq[i];
  }

  /** The recovery time of node v, in milliseconds. */
  public long recovery(int v) {
    return recovery[v];
  }

  /** The kind ordinal of node v ({@link NodeKind#ordinal()}). */
  public byte kind(int v) {
    return kind[v];
  }

  /** The criticality weight of node v (0 for nodes that are not functions). */
  public int weight(int v) {
    return weight[v];
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
            int v = index.get(sorted[k]);
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
    Integer i = index.get(id);
    return i == null ? -1 : i;
  }

  /** The compact form of a model, built on first use and cached while the model lives. */
  public static CompactModel of(Model model) {
    return CACHE.getUnchecked(model);
  }

  private CompactModel(Model model) {
    List<Node> nodes = model.nodes();
    n = nodes.size();
    ids = new String[n];
    index = new HashMap<>(n * 2);
    kind = new byte[n];
    weight = new int[n];
    recovery = new long[n];
    int reqCount = 0;
    int altCount = 0;
    for (int v = 0; v < n; v++) {
      Node node = nodes.get(v);
      ids[v] = node.id();
      index.put(node.id(), v);
      kind[v] = (byte) node.kind().ordinal();
      weight[v] = node.criticality().map(c -> c.weight()).orElse(0);
      recovery[v] = node.recovery().toMillis();
      reqCount += node.requirements().size();
      for (Requirement q : node.requirements()) {
        altCount += q.n();
      }
    }
    r = reqCount;
    reqStart = new int[n + 1];
    reqOwner = new int[r];
    reqK = new int[r];
    reqTol = new long[r];
    altStart = new int[r + 1];
    alts = new int[altCount];
    int q = 0;
    int a = 0;
    int[] inDegree = new int[n];
    for (int v = 0; v < n; v++) {
      reqStart[v] = q;
      for (Requirement req : nodes.get(v).requirements()) {
        reqOwner[q] = v;
        reqK[q] = req.k();
        reqTol[q] = req.tolerance().toMillis();
        altStart[q] = a;
        for (String alt : req.alternatives()) {
          int u = index.get(alt);
          alts[a++] = u;
          inDegree[u]++;
        }
        q++;
      }
    }
    reqStart[n] = q;
    altStart[r] = a;
    revStart = new int[n + 1];
    for (int u = 0; u < n; u++) {
      revStart[u + 1] = revStart[u] + inDegree[u];
    }
    revReq = new int[altCount];
    int[] fill = new int[n];
    for (int qq = 0; qq < r; qq++) {
      for (int i = altStart[qq]; i < altStart[qq + 1]; i++) {
        int u = alts[i];
        revReq[revStart[u] + fill[u]++] = qq;
      }
    }
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
    int c = nodes.length;
    for (int i = 1; i < c; i++) {
      if (nodes[i - 1] >= nodes[i]) {
        throw new IllegalArgumentException("the nodes of a sub-model must be ascending");
      }
    }
    int reqs = 0;
    int altCount = 0;
    for (int v : nodes) {
      reqs += reqStart[v + 1] - reqStart[v];
      altCount += altStart[reqStart[v + 1]] - altStart[reqStart[v]];
    }
    return new CompactModel(this, nodes, reqs, altCount);
  }

  private CompactModel(CompactModel whole, int[] nodes, int reqs, int altCount) {
    n = nodes.length;
    r = reqs;
    ids = new String[n];
    index = new HashMap<>(n * 2);
    kind = new byte[n];
    weight = new int[n];
    recovery = new long[n];
    reqStart = new int[n + 1];
    reqOwner = new int[r];
    reqK = new int[r];
    reqTol = new long[r];
    altStart = new int[r + 1];
    alts = new int[altCount];
    int[] inDegree = new int[n];
    int q = 0;
    int a = 0;
    for (int v = 0; v < n; v++) {
      int w = nodes[v];
      ids[v] = whole.ids[w];
      index.put(ids[v], v);
      kind[v] = whole.kind[w];
      weight[v] = whole.weight[w];
      recovery[v] = whole.recovery[w];
      reqStart[v] = q;
      for (int wq = whole.reqStart[w]; wq < whole.reqStart[w + 1]; wq++) {
        reqOwner[q] = v;
        reqK[q] = whole.reqK[wq];
        reqTol[q] = whole.reqTol[wq];
        altStart[q] = a;
        for (int i = whole.altStart[wq]; i < whole.altStart[wq + 1]; i++) {
          int u = java.util.Arrays.binarySearch(nodes, whole.alts[i]);
          if (u < 0) {
            throw new IllegalArgumentException("the nodes of a sub-model must be closed under "
                + "requirements: " + whole.ids[w] + " requires " + whole.ids[whole.alts[i]]);
          }
          alts[a++] = u;
          inDegree[u]++;
        }
        q++;
      }
    }
    reqStart[n] = q;
    altStart[r] = a;
    revStart = new int[n + 1];
    for (int u = 0; u < n; u++) {
      revStart[u + 1] = revStart[u] + inDegree[u];
    }
    revReq = new int[altCount];
    int[] fill = new int[n];
    for (int qq = 0; qq < r; qq++) {
      for (int i = altStart[qq]; i < altStart[qq + 1]; i++) {
        int u = alts[i];
        revReq[revStart[u] + fill[u]++] = qq;
      }
    }
  }

  /** The index of a node id. */
  public int index(String id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new NoSuchElementException(
          "no node '" + id + "' in the model" + Suggestions.hint(id, index.keySet()));
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
    return kind[v] == NodeKind.FUNCTION.ordinal();
  }

  /** Number of alternatives of requirement q. */
  public int size(int q) {
    return altStart[q + 1] - altStart[q];
  }

  /** Alternatives that must fail before requirement q stops holding: n − k + 1. */
  public int toBreak(int q) {
    return altStart[q + 1] - altStart[q] - reqK[q] + 1;
  }

  /** Adds two times, saturating at {@link #NEVER}. */
  public static long plus(long a, long b) {
    long s = a + b;
    return (a == NEVER || b == NEVER || s < 0) ? NEVER : s;
  }
}
