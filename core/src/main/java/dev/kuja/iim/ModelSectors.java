package dev.kuja.iim;

import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Problem;
import dev.kuja.model.Requirement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The bridge from the binary model to the sector view: A* from the requirements between the
 * sectors of a model (docs/iim.md#bridging-the-two-engines). One propagation per sector, each
 * linear in the size of the model.
 */
record ModelSectors(List<String> sectors, double[] cells) {

  static ModelSectors of(Model model, ToDoubleFunction<Node> weight) {
    List<Node> nodes = model.nodes();
    int v = nodes.size();
    Map<String, Integer> nodeIndex = new HashMap<>();
    for (int i = 0; i < v; i++) {
      nodeIndex.put(nodes.get(i).id(), i);
    }
    // sectors in the order they first appear; -1 for a node of no sector
    Map<String, Integer> sectorIndex = new LinkedHashMap<>();
    int[] sectorOf = new int[v];
    double[] w = new double[v];
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < v; i++) {
      Node node = nodes.get(i);
      sectorOf[i] = Iim.sectorOf(node).map(s -> sectorIndex.computeIfAbsent(s, x -> sectorIndex.size())).orElse(-1);
      if (sectorOf[i] >= 0) {
        w[i] = weight.applyAsDouble(node);
        if (!Double.isFinite(w[i]) || w[i] < 0) {
          problems.add(Problem.node(node.id(), Iim.SECTOR, "its weight must be a number ≥ 0, not " + w[i]));
        }
      }
    }
    if (sectorIndex.isEmpty()) {
      problems.add(Problem.model(Iim.SECTOR, "no node has a '" + Iim.SECTOR
          + "' attribute, so there are no sectors (give nodes attributes: { sector: energy })"));
    }
    List<String> sectors = List.copyOf(sectorIndex.keySet());
    int n = sectors.size();
    double[] total = new double[n];
    for (int i = 0; i < v; i++) {
      if (sectorOf[i] >= 0 && Double.isFinite(w[i]) && w[i] > 0) {
        total[sectorOf[i]] += w[i];
      }
    }
    for (int s = 0; s < n && problems.isEmpty(); s++) {
      if (total[s] == 0) {
        problems.add(Checks.problem("weights", sectors.get(s), "every node of the sector weighs 0"));
      }
    }
    Checks.throwIfAny(problems);

    // requirement r of node i is requirements[i].get(r); offsets into one flat counter array
    int[] offset = new int[v + 1];
    for (int i = 0; i < v; i++) {
      offset[i + 1] = offset[i] + nodes.get(i).requirements().size();
    }
    // who names node a as an alternative: pairs (dependent node, flat requirement index)
    List<List<int[]>> namedBy = new ArrayList<>(v);
    for (int i = 0; i < v; i++) {
      namedBy.add(new ArrayList<>());
    }
    for (int i = 0; i < v; i++) {
      List<Requirement> reqs = nodes.get(i).requirements();
      for (int r = 0; r < reqs.size(); r++) {
        for (String alt : reqs.get(r).alternatives()) {
          Integer a = nodeIndex.get(alt);
          if (a != null) {
            namedBy.get(a).add(new int[] {i, offset[i] + r});
          }
        }
      }
    }

    double[] cells = new double[n * n];
    int[] failedAlternatives = new int[offset[v]];
    boolean[] down = new boolean[v];
    boolean[] affected = new boolean[v];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int j = 0; j < n; j++) {
      Arrays.fill(failedAlternatives, 0);
      Arrays.fill(down, false);
      Arrays.fill(affected, false);
      for (int i = 0; i < v; i++) {
        if (sectorOf[i] == j) {
          down[i] = true;
          queue.add(i);
        }
      }
      // the failure of sector j spreads through nodes of no sector; nodes of a sector stop it
      while (!queue.isEmpty()) {
        int a = queue.poll();
        for (int[] dep : namedBy.get(a)) {
          int d = dep[0];
          int flat = dep[1];
          Requirement req = nodes.get(d).requirements().get(flat - offset[d]);
          if (++failedAlternatives[flat] == req.failuresToBreak() && !affected[d]) {
            affected[d] = true;
            if (sectorOf[d] < 0 && !down[d]) {
              down[d] = true;
              queue.add(d);
            }
          }
        }
      }
      for (int i = 0; i < v; i++) {
        int s = sectorOf[i];
        if (s < 0 || w[i] == 0) {
          continue;
        }
        boolean lost = s == j ? needsOthers(nodes.get(i), i, down, nodeIndex) : affected[i];
        if (lost) {
          cells[s * n + j] += w[i] / total[s];
        }
      }
    }
    return new ModelSectors(sectors, cells);
  }

  /** True when a requirement of node i breaks while the nodes marked down, other than i itself, are down. */
  private static boolean needsOthers(Node node, int i, boolean[] down, Map<String, Integer> nodeIndex) {
    for (Requirement r : node.requirements()) {
      int failed = 0;
      for (String alt : r.alternatives()) {
        Integer a = nodeIndex.get(alt);
        if (a != null && a != i && down[a]) {
          failed++;
        }
      }
      if (failed >= r.failuresToBreak()) {
        return true;
      }
    }
    return false;
  }
}
