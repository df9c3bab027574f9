package dev.kuja.simulation;

import dev.kuja.engine.cascade.CascadeEngine;
import dev.kuja.engine.graph.CompactModel;
import dev.kuja.engine.propagation.FailurePropagation;
import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Requirement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The recovery objectives as the first implementation computed them (a search over every
 * function for every node, the whole static impact simulated), kept as the oracle of
 * {@link RecoveryObjectives#of(Model)}: {@code RecoveryObjectivesOracleProperties} checks that
 * both give the same objectives on random models.
 */
final class ReferenceObjectives {

  private ReferenceObjectives() {}

  /** The recovery objectives of every node of the model, as the first implementation found them. */
  static RecoveryObjectives of(Model model) {
    return new Search(Objects.requireNonNull(model, "model")).run();
  }

  /** The search for one model. */
  private static final class Search {
    private final Model model;
    private final CompactModel cm;
    private final List<Node> functions;
    private final int[] fIndex;
    private final int[] functionOf;
    private final long window;

    Search(Model model) {
      this.model = model;
      this.cm = CompactModel.of(model);
      this.functions = model.functions();
      this.fIndex = new int[functions.size()];
      this.functionOf = new int[cm.n];
      java.util.Arrays.fill(functionOf, -1);
      for (int i = 0; i < fIndex.length; i++) {
        fIndex[i] = cm.index(functions.get(i).id());
        functionOf[fIndex[i]] = i;
      }
      this.window = RecoveryObjectives.window(model);
    }

    RecoveryObjectives run() {
      List<NodeObjectives> out = new ArrayList<>();
      FailurePropagation fp = FailurePropagation.acquire(cm);
      try {
        for (Node u : model.nodes()) {
          int ui = cm.index(u.id());
          fp.times(new int[] {ui}, CompactModel.NEVER, null, -1);
          long[] failsAt = new long[functions.size()];
          for (int i = 0; i < failsAt.length; i++) {
            failsAt[i] = fp.time(fIndex[i]);
          }
          int[] impact = new int[fp.failedCount()];
          for (int i = 0; i < impact.length; i++) {
            impact[i] = fp.failed(i);
          }
          Lengths lengths = new Lengths(u, impact);
          out.add(new NodeObjectives(u.id(), u.rto(),
              required(u, lengths, failsAt, f -> f.rto().map(Duration::toMillis).orElse(-1L)),
              required(u, lengths, failsAt, f -> f.mtpd().map(Duration::toMillis).orElse(-1L))));
        }
      } finally {
        fp.release();
      }
      List<String> over = functions.stream()
          .filter(f -> f.rto().isPresent() && f.recovery().compareTo(f.rto().get()) >= 0)
          .map(Node::id).toList();
      return new RecoveryObjectives(out, over);
    }

    /** Per function with the objective, the requirement on u, if any. */
    private List<RequiredTime> required(Node u, Lengths lengths, long[] failsAt, ToLongFunction<Node> objective) {
      List<RequiredTime> out = new ArrayList<>();
      long longest = Durations.MAX.toMillis() - lengths.recovery; // the longest disruption of u
      for (int i = 0; i < functions.size(); i++) {
        long t = objective.applyAsLong(functions.get(i));
        if (t < 0 || failsAt[i] == CompactModel.NEVER || longest < 1) {
          continue; // no objective, or no outage of u can bring f down
        }
        int f = i;
        if (lengths.longest(1, f) > t) {
          out.add(new RequiredTime(functions.get(f).id(), Duration.ZERO, lengths.chain(1, f)));
          continue;
        }
        // by the failure time under u's permanent failure plus the objective, f has been down
        // longer than the objective; verified, and widened should the simulator disagree
        long hi = Math.min(longest, Math.max(2, CompactModel.plus(failsAt[i], t + 1)));
        while (lengths.longest(hi, f) <= t && hi < longest) {
          hi = Math.min(longest, hi > longest / 2 ? longest : hi * 2);
        }
        if (lengths.longest(hi, f) <= t) {
          continue; // no outage up to Durations.MAX breaches
        }
        long lo = 1;
        boolean guess = true;
        while (hi - lo > 1) {
          // f's outage usually grows one for one with u's once f is down: guess where it just
          // reaches t, then check the next millisecond; every other step bisects, so the search
          // takes at most about twice the bisection's steps whatever the shape
          long g = hi - (lengths.longest(hi, f) - t);
          if (guess && g > lo && g < hi) {
            if (lengths.longest(g, f) > t) {
              hi = g;
            } else {
              lo = g;
              if (hi - lo > 1) {
                if (lengths.longest(g + 1, f) > t) {
                  hi = g + 1;
                } else {
                  lo = g + 1;
                }
              }
            }
          } else {
            long mid = lo + (hi - lo) / 2;
            if (lengths.longest(mid, f) > t) {
              hi = mid;
            } else {
              lo = mid;
            }
          }
          guess = !guess;
        }
        out.add(new RequiredTime(functions.get(f).id(), Duration.ofMillis(lo + lengths.recovery),
            lengths.chain(hi, f)));
      }
      return out;
    }

    /** One cascade of u's outage: its outages, its horizon and every function's longest outage. */
    private record Played(CascadeEngine.Outages outages, long horizon, long[] longest,
        Map<Integer, List<Integer>> byNode) {

      Played(CascadeEngine.Outages outages, long horizon, long[] longest) {
        this(outages, horizon, longest, new HashMap<>());
      }

      /** The outages of each node, indexed on first use (for causal chains). */
      List<Integer> of(int node) {
        if (byNode.isEmpty()) {
          for (int i = 0; i < outages.size(); i++) {
            byNode.computeIfAbsent(outages.node(i), x -> new ArrayList<>()).add(i);
          }
        }
        return byNode.getOrDefault(node, List.of());
      }
    }

    /**
     * The longest outage of every function for disruptions of u of each length tried,
     * remembered. The cascades run on the part of the model that u's permanent failure takes
     * down (its static impact, built on first use): no outage of u, however long, takes down
     * anything else (a longer disruption never shortens an outage, and the permanent one takes
     * down exactly that part), so every other node is always up and a requirement on it always
     * holds — each requirement keeps its alternatives inside the part, k lowered by the number
     * left out, and drops out when k reaches 0. The simulation is the same, at the cost of the
     * part rather than the whole model.
     */
    private final class Lengths {
      private final Node node;
      private final int[] impact;
      private final long recovery;
      /** Per disruption length tried: the cascade's outages, and every function's longest outage. */
      private final Map<Long, Played> memo = new HashMap<>();
      private Model part;
      private CompactModel partCm;
      private int u;
      private int[] functionAt;

      Lengths(Node node, int[] impact) {
        this.node = node;
        this.impact = impact;
        this.recovery = node.recovery().toMillis();
      }

      /** Builds the part of the model u's permanent failure takes down, once. */
      private void part() {
        if (part != null) {
          return;
        }
        int[] sorted = impact.clone();
        java.util.Arrays.sort(sorted); // model order
        java.util.Set<String> inside = new java.util.HashSet<>();
        for (int v : sorted) {
          inside.add(cm.id(v));
        }
        Model.Builder b = Model.builder();
        for (int v : sorted) {
          Node n = model.nodes().get(v);
          List<Requirement> kept = new ArrayList<>();
          for (Requirement r : n.requirements()) {
            List<String> alternatives = r.alternatives().stream().filter(inside::contains).toList();
            int k = r.k() - (r.n() - alternatives.size());
            if (k > 0) {
              kept.add(new Requirement(alternatives, k, r.tolerance()));
            }
          }
          b.node(new Node(n.id(), n.kind(), n.name(), Optional.empty(), n.criticality(), n.mtpd(), n.rto(),
              n.mbco(), n.impacts(), n.recovery(), n.tags(), n.attributes(), kept, Optional.empty()));
        }
        part = b.build();
        partCm = CompactModel.of(part);
        u = partCm.index(node.id());
        functionAt = new int[partCm.n];
        for (int v = 0; v < partCm.n; v++) {
          functionAt[v] = functionOf[cm.index(partCm.id(v))];
        }
      }

      /** f's longest outage when u is disrupted for {@code d} ms. */
      long longest(long d, int f) {
        return memo.computeIfAbsent(d, this::simulate).longest()[f];
      }

      private Played simulate(long d) {
        part();
        long horizon = RecoveryObjectives.horizon(d + recovery, window);
        CascadeEngine engine = new CascadeEngine(partCm, new int[][] {{u}}, new long[] {0}, new long[] {d},
            horizon, null);
        engine.run();
        CascadeEngine.Outages o = engine.outages();
        long[] longest = new long[functions.size()];
        for (int i = 0; i < o.size(); i++) {
          int f = functionAt[o.node(i)];
          if (f >= 0) {
            longest[f] = Math.max(longest[f], Math.min(o.to(i), horizon) - o.from(i));
          }
        }
        return new Played(o, horizon, longest);
      }

      /**
       * The causal chain, ids from u up to f, of f's longest outage (the first of the longest) for
       * a disruption of d ms: as {@link Simulator} follows it (docs/cascades.md#causal-chains),
       * from the outage to the outage of its trigger that covers the instant the requirement
       * broke, until a disruption or a node already on the chain.
       */
      List<String> chain(long d, int f) {
        Played played = memo.computeIfAbsent(d, this::simulate);
        CascadeEngine.Outages o = played.outages();
        long horizon = played.horizon();
        int current = -1;
        long best = 0;
        for (int i = 0; i < o.size(); i++) {
          if (functionAt[o.node(i)] == f) {
            long length = Math.min(o.to(i), horizon) - o.from(i);
            if (current < 0 || length > best) {
              current = i;
              best = length;
            }
          }
        }
        List<String> ids = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        while (current >= 0 && seen.add(o.node(current))) {
          ids.add(partCm.id(o.node(current)));
          if (o.causeKind(current) != CascadeEngine.REQUIREMENT) {
            break;
          }
          long since = o.causeSince(current);
          int next = -1;
          for (int k : played.of(o.causeTrigger(current))) {
            if (o.from(k) <= since && since < o.to(k)) {
              next = k;
              break;
            }
          }
          current = next;
        }
        java.util.Collections.reverse(ids);
        return ids;
      }
    }
  }
}
