package dev.kuja.bench;

import dev.kuja.model.Dependency;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Requirement;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;

/**
 * What a user without Kuja would write for the criticality ranking: for each node, fail it and
 * propagate over the JGraphT graph until nothing more fails, then add up the functions lost.
 * The baseline Kuja's ranking is measured against.
 */
public final class NaiveRanking {

  private NaiveRanking() {}

  /** Score per node (criticality weights of the functions it brings down, itself excluded). */
  public static Map<String, Integer> scores(Model model) {
    Graph<String, Dependency> g = model.graph();
    Map<String, Integer> scores = new HashMap<>();
    for (Node start : model.nodes()) {
      Set<String> failed = new HashSet<>();
      ArrayDeque<String> queue = new ArrayDeque<>();
      failed.add(start.id());
      queue.add(start.id());
      while (!queue.isEmpty()) {
        String u = queue.poll();
        for (Dependency e : g.incomingEdgesOf(u)) {
          String v = e.dependent();
          if (failed.contains(v)) {
            continue;
          }
          for (Requirement r : model.requireNode(v).requirements()) {
            long up = r.alternatives().stream().filter(a -> !failed.contains(a)).count();
            if (up < r.k()) {
              failed.add(v);
              queue.add(v);
              break;
            }
          }
        }
      }
      int score = 0;
      for (String id : failed) {
        Node n = model.requireNode(id);
        if (n.isFunction() && !id.equals(start.id())) {
          score += n.criticality().orElseThrow().weight();
        }
      }
      scores.put(start.id(), score);
    }
    return scores;
  }
}
