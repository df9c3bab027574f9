package dev.kuja.engine.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Strongly connected components of the requirement graph restricted to a closure, by an
 * iterative Tarjan (no recursion, so a 10^6-long chain cannot overflow the stack). Components
 * come out providers first: every component's alternatives lie in itself or in earlier ones.
 */
public final class Scc {

  private Scc() {}

  /** Components reachable from root within the mask, providers first. */
  public static List<int[]> components(CompactModel cm, int root, boolean[] within) {
    return components(cm, new int[] {root}, within);
  }

  /**
   * The topological rank of every node: nodes of one component share a rank, and every
   * alternative of a node has a rank no higher than the node's own.
   */
  public static int[] ranks(CompactModel cm) {
    int[] roots = new int[cm.n];
    for (int v = 0; v < cm.n; v++) {
      roots[v] = v;
    }
    boolean[] all = new boolean[cm.n];
    java.util.Arrays.fill(all, true);
    int[] rank = new int[cm.n];
    List<int[]> comps = components(cm, roots, all);
    for (int c = 0; c < comps.size(); c++) {
      for (int v : comps.get(c)) {
        rank[v] = c;
      }
    }
    return rank;
  }

  /** Components reachable from the roots within the mask, providers first. */
  public static List<int[]> components(CompactModel cm, int[] roots, boolean[] within) {
    int n = cm.n;
    int[] index = new int[n];
    Arrays.fill(index, -1);
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    int[] stack = new int[n];
    int sp = 0;
    // call stack: node and position in its flattened successor list
    int[] callNode = new int[n];
    int[] callReq = new int[n];
    int[] callAlt = new int[n];
    int depth = 0;
    int counter = 0;
    List<int[]> out = new ArrayList<>();

    for (int root : roots) {
      if (index[root] >= 0) {
        continue;
      }
      index[root] = low[root] = counter++;
      stack[sp++] = root;
      onStack[root] = true;
      callNode[0] = root;
      callReq[0] = cm.reqStart(root);
      callAlt[0] = callReq[0] < cm.reqStart(root + 1) ? cm.altStart(callReq[0]) : 0;
      depth = 1;
      while (depth > 0) {
        int v = callNode[depth - 1];
        int q = callReq[depth - 1];
        int a = callAlt[depth - 1];
        int next = -1;
        while (q < cm.reqStart(v + 1)) {
          if (a < cm.altStart(q + 1)) {
            int u = cm.alt(a++);
            if (!within[u]) {
              continue;
            }
            if (index[u] < 0) {
              next = u;
              break;
            } else if (onStack[u]) {
              low[v] = Math.min(low[v], index[u]);
            }
          } else {
            q++;
            if (q < cm.reqStart(v + 1)) {
              a = cm.altStart(q);
            }
          }
        }
        callReq[depth - 1] = q;
        callAlt[depth - 1] = a;
        if (next >= 0) {
          index[next] = low[next] = counter++;
          stack[sp++] = next;
          onStack[next] = true;
          callNode[depth] = next;
          callReq[depth] = cm.reqStart(next);
          callAlt[depth] = callReq[depth] < cm.reqStart(next + 1) ? cm.altStart(callReq[depth]) : 0;
          depth++;
          continue;
        }
        if (low[v] == index[v]) {
          int start = sp;
          while (stack[--start] != v) {
            // find v's position
          }
          int[] comp = Arrays.copyOfRange(stack, start, sp);
          for (int w : comp) {
            onStack[w] = false;
          }
          sp = start;
          out.add(comp);
        }
        depth--;
        if (depth > 0) {
          int p = callNode[depth - 1];
          low[p] = Math.min(low[p], low[v]);
        }
      }
    }
    return out;
  }
}
