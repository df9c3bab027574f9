package dev.kuja.internal;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.NodeKind;
import dev.kuja.model.Requirement;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

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
  public final String[] ids;
  private final Map<String, Integer> index;

  /** Requirements of node v: {@code reqStart[v] .. reqStart[v+1]-1}. */
  public final int[] reqStart;
  /** Owner node of each requirement. */
  public final int[] reqOwner;
  /** k of each requirement. */
  public final int[] reqK;
  /** Tolerance of each requirement, in ms. */
  public final long[] reqTol;
  /** Alternatives of requirement q: {@code alts[altStart[q] .. altStart[q+1]-1]}. */
  public final int[] altStart;
  public final int[] alts;
  /** Requirements in which node u is an alternative: {@code revReq[revStart[u] .. revStart[u+1]-1]}. */
  public final int[] revStart;
  public final int[] revReq;
  /** Recovery time per node, in ms. */
  public final long[] recovery;
  /** Kind ordinal per node. */
  public final byte[] kind;
  /** Criticality weight per node (0 for nodes that are not functions). */
  public final int[] weight;

  private volatile int[] rank;

  /**
   * Topological rank of every node (strongly connected components share one): a node's
   * alternatives never rank above it. Computed on first use.
   */
  public int[] rank() {
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

  private volatile int[][] idOrder;

  /** Idle propagation engines of this model (see {@link FailurePropagation#acquire}). */
  final java.util.concurrent.ConcurrentLinkedQueue<FailurePropagation> propagationPool =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  /**
   * The nodes in id order, and the position of each node in it ({@code [byRank, rankOf]}), so
   * results can list nodes sorted by id without comparing strings. Computed on first use.
   */
  public int[][] idOrder() {
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

  /** The index of a node id. */
  public int index(String id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new NoSuchElementException(
          "no node '" + id + "' in the model" + Suggest.hint(id, index.keySet()));
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

  /** Bytes held by the frozen arrays (12-byte array headers, 4-byte references). */
  public long footprintBytes() {
    long bytes = 0;
    for (int[] a : new int[][] {reqStart, reqOwner, reqK, altStart, alts, revStart, revReq, weight}) {
      bytes += 16 + 4L * a.length;
    }
    bytes += 16 + 8L * reqTol.length + 16 + 8L * recovery.length + 16 + kind.length;
    bytes += 16 + 4L * ids.length;
    int[] r = rank;
    if (r != null) {
      bytes += 16 + 4L * r.length;
    }
    return bytes;
  }

  /**
   * Estimated bytes of the id-to-index map (the id strings themselves are the model's): a
   * 32-byte entry and a boxed Integer per node, and the bucket table.
   */
  public long indexFootprintBytes() {
    long buckets = Integer.highestOneBit(Math.max(1, n * 2 - 1)) * 2L;
    return (long) n * (32 + 16) + 16 + 4 * buckets;
  }

  /** Adds two times, saturating at {@link #NEVER}. */
  public static long plus(long a, long b) {
    long s = a + b;
    return (a == NEVER || b == NEVER || s < 0) ? NEVER : s;
  }
}
