package dev.kuja.testing;

import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Requirement;
import dev.kuja.simulation.Disruption;
import dev.kuja.simulation.Scenario;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Brute-force simulation of docs/cascades.md#the-three-rules on a time grid whose step is the greatest common divisor
 * of every duration in model and scenario, so every instant where anything can change is a grid
 * point and the state is constant on each cell [t, t + step). At each step, straight from the
 * rules:
 *
 * <ul>
 *   <li>cause(v, t) ⇔ v is disrupted at t, or some requirement r held at no instant of
 *       [t − tol(r), t] (with t − tol(r) ≥ 0);
 *   <li>down(v, t) ⇔ cause(v, s) for some s in [t − recovery(v), t];
 *   <li>r holds at t ⇔ at least k alternatives are not down at t;
 * </ul>
 *
 * taking the least solution at each instant given the past. Only node disruptions are supported.
 */
public final class GridSimulator {

  /** Down intervals per node: [from, to) in ms, to = -1 when still down at the end. */
  public final Map<String, List<long[]>> timelines = new HashMap<>();
  /**
   * Nodes down at every step of the second half of the run: locked. The nodes of a cycle that
   * blinks for ever (recoveries outlasting tolerances) come up now and then and are not here.
   */
  public final TreeSet<String> downAtEnd = new TreeSet<>();

  private GridSimulator() {}

  /**
   * Simulates to {@code end} ms (at least the scenario horizon); timelines are cut at the
   * scenario horizon. Past the horizon every disruption is over.
   */
  public static GridSimulator run(Model m, Scenario s, long end) {
    long horizon = s.horizon().toMillis();
    List<Node> nodes = m.nodes();
    int n = nodes.size();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(nodes.get(i).id(), i);
    }
    BigInteger g = BigInteger.valueOf(horizon);
    for (Node v : nodes) {
      g = g.gcd(BigInteger.valueOf(v.recovery().toMillis()));
      for (Requirement r : v.requirements()) {
        g = g.gcd(BigInteger.valueOf(r.tolerance().toMillis()));
      }
    }
    for (Disruption d : s.disruptions()) {
      g = g.gcd(BigInteger.valueOf(d.start().toMillis()));
      if (d.duration().isPresent()) {
        g = g.gcd(BigInteger.valueOf(d.duration().get().toMillis()));
      }
    }
    g = g.gcd(BigInteger.valueOf(end));
    long step = g.longValueExact();
    int steps = (int) (end / step);
    int cut = (int) (horizon / step);
    boolean[][] down = new boolean[steps][n];
    boolean[][] cause = new boolean[steps][n];
    // holds[i][v][q]
    boolean[][][] holds = new boolean[steps][n][];
    for (int i = 0; i < steps; i++) {
      long t = i * step;
      boolean[] direct = new boolean[n];
      for (Disruption d : s.disruptions()) {
        long from = d.start().toMillis();
        long to = d.end().map(x -> x.toMillis()).orElse(Long.MAX_VALUE);
        to = Math.min(to, horizon); // past the horizon every disruption is over
        if (from <= t && t < to) {
          direct[index.get(((dev.kuja.model.Target.OfNode) d.target()).id())] = true;
        }
      }
      // E(r): r held at no instant of [t - tol, t) (cells before t), and t - tol >= 0
      boolean[][] expired = new boolean[n][];
      boolean[] past = new boolean[n];
      for (int v = 0; v < n; v++) {
        Node node = nodes.get(v);
        List<Requirement> reqs = node.requirements();
        expired[v] = new boolean[reqs.size()];
        for (int q = 0; q < reqs.size(); q++) {
          long tol = reqs.get(q).tolerance().toMillis();
          if (t - tol < 0) {
            expired[v][q] = false;
            continue;
          }
          boolean heldSomewhere = false;
          for (int j = (int) ((t - tol) / step); j < i; j++) {
            heldSomewhere |= holds[j][v][q];
          }
          expired[v][q] = !heldSomewhere;
        }
        long rec = node.recovery().toMillis();
        for (int j = (int) Math.max(0, (t - rec) / step); j < i; j++) {
          past[v] |= cause[j][v];
        }
      }
      // least fixpoint
      boolean[] d = new boolean[n];
      for (int v = 0; v < n; v++) {
        d[v] = direct[v] || past[v];
      }
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int v = 0; v < n; v++) {
          if (d[v]) {
            continue;
          }
          List<Requirement> reqs = nodes.get(v).requirements();
          for (int q = 0; q < reqs.size(); q++) {
            if (expired[v][q] && up(reqs.get(q), d, index) < reqs.get(q).k()) {
              d[v] = true;
              changed = true;
              break;
            }
          }
        }
      }
      for (int v = 0; v < n; v++) {
        List<Requirement> reqs = nodes.get(v).requirements();
        holds[i][v] = new boolean[reqs.size()];
        boolean c = direct[v];
        for (int q = 0; q < reqs.size(); q++) {
          holds[i][v][q] = up(reqs.get(q), d, index) >= reqs.get(q).k();
          c |= expired[v][q] && !holds[i][v][q];
        }
        cause[i][v] = c;
      }
      down[i] = d;
    }
    GridSimulator out = new GridSimulator();
    for (int v = 0; v < n; v++) {
      List<long[]> list = new ArrayList<>();
      long from = -1;
      for (int i = 0; i < cut; i++) {
        if (down[i][v] && from < 0) {
          from = i * step;
        } else if (!down[i][v] && from >= 0) {
          list.add(new long[] {from, i * step});
          from = -1;
        }
      }
      if (from >= 0) {
        list.add(new long[] {from, -1});
      }
      if (!list.isEmpty()) {
        out.timelines.put(nodes.get(v).id(), list);
      }
      boolean stays = true;
      for (int i = steps / 2; i < steps; i++) {
        stays &= down[i][v];
      }
      if (stays) {
        out.downAtEnd.add(nodes.get(v).id());
      }
    }
    return out;
  }

  private static int up(Requirement r, boolean[] down, Map<String, Integer> index) {
    int up = 0;
    for (String a : r.alternatives()) {
      if (!down[index.get(a)]) {
        up++;
      }
    }
    return up;
  }
}
