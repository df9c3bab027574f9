package dev.kuja.simulation;

import dev.kuja.engine.cascade.CascadeEngine;
import dev.kuja.engine.graph.CompactModel;
import dev.kuja.engine.propagation.FailurePropagation;
import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Recovery objectives rolled up through the dependency chains (docs/risk.md#recovery-objectives):
 * for every node, how soon it must be back for every function to keep its RTO and its MTPD, which
 * function sets each requirement and through which chain, and whether the node's own declared
 * RTO — a supplier's restoration commitment — is longer than required.
 *
 * <p>The <b>required restoration time of node u for function f</b> is the largest D such that
 * every outage of u alone of length at most D (from its start until u is back up, u's recovery
 * time included) keeps f's longest outage within f's RTO, as the simulator plays it: the
 * scenario {@link #outage(Model, String, Duration)}. When no outage of u can breach f's RTO there
 * is no requirement; when even the shortest one (a 1 ms disruption, plus u's recovery time)
 * breaches it, the requirement is zero. The required RTO of u is the smallest over the
 * functions. The same with MTPDs gives the required MTPD.
 *
 * <p>Computed by bisection over the length of u's outage, to the millisecond: the longest outage
 * of every function never shortens when u's outage lengthens (docs/risk.md#recovery-objectives
 * gives the argument; a property test checks it), so one simulation per length answers for every
 * function. Only the functions that fail when u fails for good (the static impact) are searched,
 * and the search needs go no further than f's failure time under u's permanent failure plus its
 * objective, since by then f has been down longer than that. The cascades run on u's impact (the
 * rest of the model never goes down), and on a large impact on each function's cone of it (what
 * the function depends on), so the work grows with the (node, function) pairs that can fail
 * together, not with nodes times functions.
 *
 * @param nodes           every node of the model, in model order
 * @param recoveryOverRto the functions whose own recovery time is at least their RTO, so that
 *                        any outage of theirs, however short, lasts longer than the RTO
 */
public record RecoveryObjectives(List<NodeObjectives> nodes, List<String> recoveryOverRto) {

  public RecoveryObjectives {
    nodes = List.copyOf(nodes);
    recoveryOverRto = List.copyOf(recoveryOverRto);
  }

  /** The objectives of one node. */
  public Optional<NodeObjectives> node(String id) {
    return nodes.stream().filter(n -> n.node().equals(id)).findFirst();
  }

  /** The nodes whose declared RTO is longer than their required RTO, in model order. */
  public List<NodeObjectives> gaps() {
    return nodes.stream().filter(n -> n.gap().isPresent()).toList();
  }

  /**
   * The scenario that plays an outage of {@code node} alone of length {@code length}: the node
   * disrupted from time 0 for {@code length} minus its recovery time, so that it is back up at
   * {@code length} (when nothing else holds it down), simulated to {@code length} plus the
   * model's settling window — the sum of every recovery time and every tolerance of the model,
   * plus its longest RTO or MTPD and 1 ms — and at most {@link Durations#MAX}.
   *
   * @throws IllegalArgumentException when the length is not longer than the node's recovery time
   *     (the shortest outage is a 1 ms disruption plus the recovery time) or longer than {@link
   *     Durations#MAX}
   */
  public static Scenario outage(Model model, String node, Duration length) {
    Node u = model.requireNode(node);
    if (length.compareTo(u.recovery()) <= 0 || length.compareTo(Durations.MAX) > 0) {
      throw new IllegalArgumentException("an outage of '" + node + "' lasts longer than its recovery time "
          + Durations.format(u.recovery()) + " and at most " + Durations.format(Durations.MAX) + ", not "
          + Durations.format(length));
    }
    long horizon = horizon(length.toMillis(), window(model));
    return Scenario.builder("outage of " + node + " for " + Durations.format(length))
        .horizon(Duration.ofMillis(horizon))
        .disrupt(Disruption.node(node, Duration.ZERO, length.minus(u.recovery())))
        .build();
  }

  /** The settling window: every recovery time and tolerance, the longest objective, 1 ms; at most MAX. */
  static long window(Model model) {
    long max = Durations.MAX.toMillis();
    long w = 1;
    long objective = 0;
    for (Node n : model.nodes()) {
      w = Math.min(max, w + n.recovery().toMillis());
      for (var r : n.requirements()) {
        w = Math.min(max, w + r.tolerance().toMillis());
      }
      if (n.isFunction()) {
        objective = Math.max(objective, Math.max(n.rto().map(Duration::toMillis).orElse(0L),
            n.mtpd().map(Duration::toMillis).orElse(0L)));
      }
    }
    return Math.min(max, w + objective);
  }

  /** The horizon of an outage of {@code length} ms: the length plus the settling window, at most MAX. */
  static long horizon(long length, long window) {
    return Math.min(Durations.MAX.toMillis(), length + window);
  }

  /** The recovery objectives of every node of the model. */
  public static RecoveryObjectives of(Model model) {
    return of(model, CONES_ABOVE);
  }

  /**
   * The size of a node's static impact above which each function's search simulates only the
   * part of that impact the function depends on (its cone) instead of the whole impact.
   */
  static final int CONES_ABOVE = 64;

  /**
   * The recovery objectives, each function's search run on its cone of u's impact when that
   * impact has more than {@code conesAbove} nodes: the same results (a property test checks it
   * with 0 and with the default), at a different cost.
   */
  static RecoveryObjectives of(Model model, int conesAbove) {
    return new Search(Objects.requireNonNull(model, "model"), conesAbove).run();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Recovery objectives: how soon each node must be back for every "
        + "function to keep its RTO and MTPD");
    List<NodeObjectives> shown = nodes.stream()
        .filter(n -> !n.forRto().isEmpty() || !n.forMtpd().isEmpty() || n.declaredRto().isPresent()).toList();
    int width = Math.max(4, shown.stream().mapToInt(n -> n.node().length()).max().orElse(4));
    int fw = Math.max(6, shown.stream().flatMap(n -> java.util.stream.Stream.concat(
        n.requiredRto().stream(), n.requiredMtpd().stream())).mapToInt(r -> r.function().length()).max().orElse(6));
    String row = "%n  %-" + width + "s  %-12s %-12s %-" + fw + "s  %-12s %-" + fw + "s  %s";
    sb.append(String.format(row, "node", "declared RTO", "required RTO", "set by", "req. MTPD", "set by", "gap"));
    for (NodeObjectives n : shown) {
      sb.append(String.format(row, n.node(), n.declaredRto().map(Durations::format).orElse("-"),
          n.requiredRto().map(r -> Durations.format(r.duration())).orElse("-"),
          n.requiredRto().map(RequiredTime::function).orElse("-"),
          n.requiredMtpd().map(r -> Durations.format(r.duration())).orElse("-"),
          n.requiredMtpd().map(RequiredTime::function).orElse("-"),
          n.gap().map(g -> "+" + Durations.format(g)).orElse("-")).stripTrailing());
    }
    int hidden = nodes.size() - shown.size();
    if (hidden > 0) {
      sb.append(String.format("%n  (%d more %s: no function depends on %s, and no RTO declared)", hidden,
          hidden == 1 ? "node" : "nodes", hidden == 1 ? "it" : "them"));
    }
    List<NodeObjectives> gaps = gaps();
    sb.append("\n  declared RTO longer than required:").append(gaps.isEmpty() ? " none" : "");
    for (NodeObjectives n : gaps) {
      RequiredTime r = n.requiredRto().orElseThrow();
      sb.append("\n    ").append(n.node()).append(": declared ")
          .append(Durations.format(n.declaredRto().orElseThrow())).append(", required ")
          .append(Durations.format(r.duration())).append(" by ").append(r.function()).append(" (+")
          .append(Durations.format(n.gap().orElseThrow())).append("): ").append(String.join(" -> ", r.chain()));
    }
    sb.append("\n  functions whose own recovery time is at least their RTO: ")
        .append(recoveryOverRto.isEmpty() ? "none" : String.join(", ", recoveryOverRto));
    return sb.toString();
  }

  /** The search for one model. */
  private static final class Search {
    private final Model model;
    private final CompactModel cm;
    private final List<Node> functions;
    private final int[] fIndex;
    private final int[] functionOf;
    private final long window;
    /** Per function (model order of functions): its RTO and its MTPD in ms, or -1 when it has none. */
    private final long[] rto;
    private final long[] mtpd;

    private final int conesAbove;
    /** Marks of the nodes in the current impact and cone, by stamp. */
    private final int[] inImpact;
    private final int[] inCone;
    private int stamp;

    Search(Model model, int conesAbove) {
      this.model = model;
      this.conesAbove = conesAbove;
      this.cm = CompactModel.of(model);
      this.functions = model.functions();
      this.fIndex = new int[functions.size()];
      this.functionOf = new int[cm.n];
      java.util.Arrays.fill(functionOf, -1);
      for (int i = 0; i < fIndex.length; i++) {
        fIndex[i] = cm.index(functions.get(i).id());
        functionOf[fIndex[i]] = i;
      }
      this.window = window(model);
      this.inImpact = new int[cm.n];
      this.inCone = new int[cm.n];
      this.rto = new long[functions.size()];
      this.mtpd = new long[functions.size()];
      for (int i = 0; i < fIndex.length; i++) {
        rto[i] = functions.get(i).rto().map(Duration::toMillis).orElse(-1L);
        mtpd[i] = functions.get(i).mtpd().map(Duration::toMillis).orElse(-1L);
      }
    }

    RecoveryObjectives run() {
      List<NodeObjectives> out = new ArrayList<>();
      FailurePropagation fp = FailurePropagation.acquire(cm);
      try {
        for (int ui = 0; ui < cm.n; ui++) {
          Node u = model.nodes().get(ui); // the compact form keeps the model's order
          fp.times(new int[] {ui}, CompactModel.NEVER, null, -1);
          // only the functions u's permanent failure takes down can be brought down by an outage
          // of u: the search looks at those alone, in the model order of the functions
          int[] impact = new int[fp.failedCount()];
          int reached = 0;
          for (int i = 0; i < impact.length; i++) {
            impact[i] = fp.failed(i);
            if (functionOf[impact[i]] >= 0) {
              reached++;
            }
          }
          int[] fs = new int[reached];
          reached = 0;
          for (int v : impact) {
            if (functionOf[v] >= 0) {
              fs[reached++] = functionOf[v];
            }
          }
          java.util.Arrays.sort(fs);
          long[] failsAt = new long[fs.length];
          for (int j = 0; j < fs.length; j++) {
            failsAt[j] = fp.time(fIndex[fs[j]]);
          }
          Lengths shared = null;
          if (impact.length <= conesAbove) {
            shared = new Lengths(u, ui, impact);
          } else {
            stamp++;
            for (int v : impact) {
              inImpact[v] = stamp;
            }
          }
          List<RequiredTime> forRto = new ArrayList<>();
          List<RequiredTime> forMtpd = new ArrayList<>();
          long longest = Durations.MAX.toMillis() - u.recovery().toMillis(); // the longest disruption of u
          for (int j = 0; j < fs.length; j++) {
            int f = fs[j];
            if ((rto[f] < 0 && mtpd[f] < 0) || failsAt[j] == CompactModel.NEVER || longest < 1) {
              continue; // no objective, or no outage of u can bring f down
            }
            // one function at a time, both objectives from the same simulations; a cone's are
            // dropped once its function is done (a national hub reaches 10^5 functions)
            Lengths lengths = shared != null ? shared : new Lengths(u, ui, cone(fIndex[f], impact.length));
            required(lengths, f, failsAt[j], rto[f], longest).ifPresent(forRto::add);
            required(lengths, f, failsAt[j], mtpd[f], longest).ifPresent(forMtpd::add);
          }
          out.add(new NodeObjectives(u.id(), u.rto(), forRto, forMtpd));
        }
      } finally {
        fp.release();
      }
      List<String> over = functions.stream()
          .filter(f -> f.rto().isPresent() && f.recovery().compareTo(f.rto().get()) >= 0)
          .map(Node::id).toList();
      return new RecoveryObjectives(out, over);
    }

    /**
     * The requirement on u of function f for objective t (ms, negative for none), if any; f
     * fails at {@code failsAt} when u fails for good, and u's disruption lasts at most {@code
     * longest}.
     */
    private Optional<RequiredTime> required(Lengths lengths, int f, long failsAt, long t, long longest) {
      if (t < 0) {
        return Optional.empty();
      }
      // by the failure time under u's permanent failure plus the objective, f has been down
      // longer than the objective; verified, and widened should the simulator disagree
      long hi = Math.min(longest, Math.max(2, CompactModel.plus(failsAt, t + 1)));
      while (lengths.longest(hi, f) <= t && hi < longest) {
        hi = Math.min(longest, hi > longest / 2 ? longest : hi * 2);
      }
      if (lengths.longest(hi, f) <= t) {
        return Optional.empty(); // no outage up to Durations.MAX breaches
      }
      // lo = 0 stands for no outage at all, which keeps every objective: the search needs no
      // simulation of the shortest outage unless it ends there (then even that one breaches)
      long lo = 0;
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
      return Optional.of(new RequiredTime(functions.get(f).id(),
          lo == 0 ? Duration.ZERO : Duration.ofMillis(lo + lengths.recovery), lengths.chain(hi, f)));
    }

    /**
     * The cone of function node {@code f} in the current impact: f and every node of the impact
     * it requires, directly or through others of the impact. Nothing outside it can change f's
     * outages (a node's state follows from its own requirements' alternatives alone, and every
     * alternative of a cone node that lies in the impact is in the cone; the least solution on
     * the cone is the least solution on the impact restricted to it), so simulating the cone
     * gives f the same outages and the same causal chains.
     */
    private int[] cone(int f, int bound) {
      int[] queue = new int[Math.min(bound, 16)];
      int size = 0;
      int stampHere = stamp;
      inCone[f] = stampHere;
      queue[size++] = f;
      for (int head = 0; head < size; head++) {
        int v = queue[head];
        for (int q = cm.reqStart(v); q < cm.reqStart(v + 1); q++) {
          for (int a = cm.altStart(q); a < cm.altStart(q + 1); a++) {
            int w = cm.alt(a);
            if (inImpact[w] == stampHere && inCone[w] != stampHere) {
              inCone[w] = stampHere;
              if (size == queue.length) {
                queue = java.util.Arrays.copyOf(queue, Math.min(bound, size * 2));
              }
              queue[size++] = w;
            }
          }
        }
      }
      // the next cone of the same impact must not see this one's marks
      for (int k = 0; k < size; k++) {
        inCone[queue[k]] = 0;
      }
      return java.util.Arrays.copyOf(queue, size);
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
      private CompactModel partCm;
      private int u;
      private int[] functionAt;
      /** The nodes of the part, by their index in the whole model, in model order. */
      private int[] sorted;

      /** u's index in the whole model. */
      private final int whole;

      Lengths(Node node, int whole, int[] impact) {
        this.node = node;
        this.whole = whole;
        this.impact = impact;
        this.recovery = node.recovery().toMillis();
      }

      /** Builds the part of the model u's permanent failure takes down, once. */
      private void part() {
        if (partCm != null) {
          return;
        }
        sorted = impact.clone();
        java.util.Arrays.sort(sorted); // model order: a node's index in the part is its place here
        partCm = cm.restrictWithOthersUp(sorted);
        u = java.util.Arrays.binarySearch(sorted, whole);
        functionAt = new int[partCm.n];
        for (int v = 0; v < partCm.n; v++) {
          functionAt[v] = functionOf[sorted[v]];
        }
      }

      /** f's longest outage when u is disrupted for {@code d} ms. */
      long longest(long d, int f) {
        long[] byNode = memo.computeIfAbsent(d, this::simulate).longest();
        return byNode[java.util.Arrays.binarySearch(sorted, fIndex[f])];
      }

      private Played simulate(long d) {
        part();
        long horizon = horizon(d + recovery, window);
        CascadeEngine engine = new CascadeEngine(partCm, new int[][] {{u}}, new long[] {0}, new long[] {d},
            horizon, null);
        engine.run();
        CascadeEngine.Outages o = engine.outages();
        long[] longest = new long[partCm.n]; // per node of the part, its longest outage
        for (int i = 0; i < o.size(); i++) {
          int v = o.node(i);
          longest[v] = Math.max(longest[v], Math.min(o.to(i), horizon) - o.from(i));
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
