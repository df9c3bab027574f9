package dev.kuja.engine.failuresets;

import dev.kuja.engine.graph.CompactModel;
import java.util.Arrays;

/**
 * The single points of failure of every function at once, without a horizon: the relation
 * behind the ranking ({@link SpofMatrix#functionsLost}: which functions each node brings down
 * alone) seen from the other side, each SPOF marked direct or common-cause.
 *
 * <p>A node v is a SPOF of f exactly when f is in v's row, so transposing the rows of all nodes
 * gives every function's SPOFs. It is direct when f reaches it through serial requirements (k =
 * n) alone: a breadth-first search over serial requirements from each function, which reaches
 * only that function's direct SPOFs, so it costs as much as the answer. The table itself holds
 * one int per SPOF and one bit for its class; the explanations are made one function at a time
 * by {@link #explain(int)}, from structures the size of that function's closure.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class SpofTable {

  private final CompactModel cm;
  /** The functions, in model order. */
  private final int[] functions;
  /** SPOFs of function i: {@code nodes[start[i] .. start[i + 1])}, ascending. */
  private final int[] start;
  private final int[] nodes;
  /** Bit j: {@code nodes[j]} is a direct SPOF. */
  private final long[] direct;
  private final int[] directCount;

  private SpofTable(CompactModel cm, int[] functions, int[] start, int[] nodes, long[] direct,
      int[] directCount) {
    this.cm = cm;
    this.functions = functions;
    this.start = start;
    this.nodes = nodes;
    this.direct = direct;
    this.directCount = directCount;
  }

  /**
   * The table of a model, from the rows of {@link SpofMatrix#functionsLost} over every node
   * ({@code lost[v]}: the functions other than v that v brings down alone).
   */
  public static SpofTable of(CompactModel cm, int[][] lost) {
    if (lost.length != cm.n) {
      throw new IllegalArgumentException("one row per node is needed, not " + lost.length);
    }
    int[] position = new int[cm.n];
    int count = 0;
    for (int v = 0; v < cm.n; v++) {
      position[v] = cm.isFunction(v) ? count++ : -1;
    }
    int[] functions = new int[count];
    int[] start = new int[count + 1];
    for (int v = 0; v < cm.n; v++) {
      if (position[v] >= 0) {
        functions[position[v]] = v;
      }
      for (int f : lost[v]) {
        start[position[f] + 1]++;
      }
    }
    for (int i = 0; i < count; i++) {
      start[i + 1] += start[i];
    }
    int[] nodes = new int[start[count]];
    int[] fill = Arrays.copyOf(start, count);
    for (int v = 0; v < cm.n; v++) {
      for (int f : lost[v]) {
        nodes[fill[position[f]]++] = v;
      }
    }
    long[] direct = new long[(nodes.length + 63) / 64];
    int[] directCount = new int[count];
    // serial reach of each function; a node is marked with the number of the last search that
    // reached it, so nothing is cleared between searches
    int[] stamp = new int[cm.n];
    int[] queue = new int[cm.n];
    for (int i = 0; i < count; i++) {
      int f = functions[i];
      int mark = i + 1;
      int tail = 0;
      stamp[f] = mark;
      queue[tail++] = f;
      for (int head = 0; head < tail; head++) {
        int v = queue[head];
        for (int q = cm.reqStart(v); q < cm.reqStart(v + 1); q++) {
          if (cm.toBreak(q) != 1) {
            continue;
          }
          for (int a = cm.altStart(q); a < cm.altStart(q + 1); a++) {
            int u = cm.alt(a);
            if (stamp[u] != mark) {
              stamp[u] = mark;
              queue[tail++] = u;
            }
          }
        }
      }
      for (int j = start[i]; j < start[i + 1]; j++) {
        if (stamp[nodes[j]] == mark) {
          direct[j >>> 6] |= 1L << j;
          directCount[i]++;
        }
      }
      if (directCount[i] != tail - 1) {
        // a serial chain always brings its function down: the rows and the requirements disagree
        throw new IllegalStateException("function " + cm.id(f) + " reaches " + (tail - 1)
            + " nodes through serial requirements, but only " + directCount[i]
            + " of them are among its single points of failure");
      }
    }
    return new SpofTable(cm, functions, start, nodes, direct, directCount);
  }

  /** Number of functions. */
  public int functions() {
    return functions.length;
  }

  /** The node of the i-th function (model order). */
  public int function(int i) {
    return functions[i];
  }

  /** Number of SPOFs of the i-th function. */
  public int count(int i) {
    return start[i + 1] - start[i];
  }

  /** Number of direct SPOFs of the i-th function. */
  public int directCount(int i) {
    return directCount[i];
  }

  /** The SPOFs of the i-th function, ascending by node index. */
  public int[] spofs(int i) {
    return Arrays.copyOfRange(nodes, start[i], start[i + 1]);
  }

  /** True when node v is a SPOF of the i-th function. */
  public boolean contains(int i, int v) {
    return Arrays.binarySearch(nodes, start[i], start[i + 1], v) >= 0;
  }

  /** True when node v is a direct SPOF of the i-th function (false when it is none). */
  public boolean isDirect(int i, int v) {
    int j = Arrays.binarySearch(nodes, start[i], start[i + 1], v);
    return j >= 0 && (direct[j >>> 6] & 1L << j) != 0;
  }

  /** The common-cause SPOFs of the i-th function, ascending by node index. */
  public int[] commonCause(int i) {
    int[] out = new int[count(i) - directCount[i]];
    int k = 0;
    for (int j = start[i]; j < start[i + 1]; j++) {
      if ((direct[j >>> 6] & 1L << j) == 0) {
        out[k++] = nodes[j];
      }
    }
    return out;
  }

  /**
   * The SPOFs of the i-th function with their explanations, ordered as {@link
   * SpofEngine#spofs(CompactModel, int, long)} orders them, and equal to its result without a
   * horizon.
   */
  public SpofEngine.Result explain(int i) {
    return SpofEngine.explain(cm, functions[i], commonCause(i));
  }
}
