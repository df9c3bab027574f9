package dev.kuja.simulation;

import dev.kuja.engine.cascade.CascadeEngine;
import dev.kuja.engine.graph.CompactModel;
import dev.kuja.model.External;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The disruptions of a scenario as the cascade engine plays them, with every outage of an
 * external service that the model does not define bounded by its provider's commitment
 * (docs/regional.md#externals-in-simulations): a disruption of external {@code x} from {@code
 * s} to {@code e} takes {@code x} down from {@code s + tolerance} to {@code min(e, s + rto)},
 * and not at all when that interval is empty. Every other node of the disruption keeps its
 * times. Entries added for bounded nodes remember the disruption they came from, so causes
 * still name it.
 *
 * @param nodes  the nodes of each entry
 * @param start  when each entry starts, in ms
 * @param end    when each entry ends, in ms ({@link CompactModel#NEVER} when open-ended)
 * @param origin for each entry the index of the scenario's disruption it comes from, or null
 *               when the entries are the disruptions themselves
 */
record Committed(int[][] nodes, long[] start, long[] end, int[] origin) {

  /** The entries for these disruptions on this model. */
  static Committed of(Model model, CompactModel cm, int[][] nodes, long[] start, long[] end) {
    Map<Integer, long[]> bounds = new HashMap<>();
    for (Node n : model.nodes()) {
      if (!model.isExternal(n.id())) {
        continue;
      }
      List<External> declared = model.externals(n.id());
      Optional<Duration> rto = declared.stream().flatMap(e -> e.rto().stream()).min(Duration::compareTo);
      Optional<Duration> tolerance = declared.stream().flatMap(e -> e.tolerance().stream()).min(Duration::compareTo);
      if (rto.isPresent() || tolerance.isPresent()) {
        bounds.put(cm.index(n.id()), new long[] {
            rto.map(Duration::toMillis).orElse(CompactModel.NEVER), tolerance.map(Duration::toMillis).orElse(0L)});
      }
    }
    if (bounds.isEmpty()) {
      return new Committed(nodes, start, end, null);
    }
    List<int[]> outNodes = new ArrayList<>();
    List<long[]> times = new ArrayList<>();
    List<Integer> origin = new ArrayList<>();
    for (int i = 0; i < nodes.length; i++) {
      List<Integer> kept = new ArrayList<>();
      for (int v : nodes[i]) {
        long[] b = bounds.get(v);
        if (b == null) {
          kept.add(v);
          continue;
        }
        long from = start[i] + b[1];
        long to = b[0] == CompactModel.NEVER ? end[i] : Math.min(end[i], start[i] + b[0]);
        if (from < to) {
          outNodes.add(new int[] {v});
          times.add(new long[] {from, to});
          origin.add(i);
        }
      }
      outNodes.add(kept.stream().mapToInt(Integer::intValue).toArray());
      times.add(new long[] {start[i], end[i]});
      origin.add(i);
    }
    int size = outNodes.size();
    long[] s = new long[size];
    long[] e = new long[size];
    int[] o = new int[size];
    for (int j = 0; j < size; j++) {
      s[j] = times.get(j)[0];
      e[j] = times.get(j)[1];
      o[j] = origin.get(j);
    }
    return new Committed(outNodes.toArray(int[][]::new), s, e, o);
  }

  /** The scenario's disruption behind a cause reported by the engine (unchanged for other causes). */
  int disruption(int causeKind, int ref) {
    return causeKind == CascadeEngine.DISRUPTED && origin != null ? origin[ref] : ref;
  }
}
