package dev.kuja.analysis;

import com.google.common.base.Stopwatch;
import dev.kuja.engine.failuresets.CutSetEngine;
import dev.kuja.engine.failuresets.SpofEngine;
import dev.kuja.engine.failuresets.SpofMatrix;
import dev.kuja.engine.failuresets.SpofTable;
import dev.kuja.engine.graph.Closure;
import dev.kuja.engine.graph.CompactModel;
import dev.kuja.engine.graph.NodeSets;
import dev.kuja.engine.propagation.FailurePropagation;
import dev.kuja.model.Criticality;
import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Problem;
import dev.kuja.model.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The static analyses of one model (docs/analyses.md). Obtain with {@link #of(Model)}; every
 * method returns an immutable result with a readable {@code toString}. Node ids that are not in
 * the model are refused with a {@link java.util.NoSuchElementException} naming the closest id.
 *
 * <p>Instances are cheap and thread-safe: the model's compact form is built once and shared. An
 * instance also keeps, once computed, the functions each node brings down alone (one int per
 * pair), which {@link #spofs()}, {@link #ranking()} and {@link #interfaces()} share; use one
 * instance for all three.
 */
public final class Analysis {

  private static final Logger LOG = LoggerFactory.getLogger(Analysis.class);

  /** The largest order {@link #cutSets(String, int)} accepts. */
  public static final int MAX_CUT_SET_ORDER = 8;

  private final Model model;
  private final CompactModel cm;
  /** The rows of {@link #lostRows()}, once computed. */
  private volatile int[][] lost;

  private Analysis(Model model) {
    this.model = model;
    this.cm = CompactModel.of(model);
  }

  /** The analyses of a model. */
  public static Analysis of(Model model) {
    return new Analysis(Objects.requireNonNull(model, "model"));
  }

  /** The model analysed. */
  public Model model() {
    return model;
  }

  // ---------------------------------------------------------------- impact and failure times

  /** What fails, eventually, when these nodes fail and stay down. */
  public Impact impact(String... failed) {
    return impact(Arrays.asList(failed));
  }

  /** What fails, eventually, when these nodes fail and stay down. */
  public Impact impact(Collection<String> failed) {
    FailurePropagation fp = FailurePropagation.acquire(cm);
    try {
      fp.impact(cm.indices(failed), null);
      return impact(failed, Optional.empty(), fp);
    } finally {
      fp.release();
    }
  }

  /** What fails within {@code horizon} when these nodes fail at time 0 and stay down. */
  public Impact impact(Collection<String> failed, Duration horizon) {
    FailurePropagation fp = FailurePropagation.acquire(cm);
    try {
      fp.times(cm.indices(failed), Durations.millis(horizon), null, -1);
      return impact(failed, Optional.of(horizon), fp);
    } finally {
      fp.release();
    }
  }

  private Impact impact(Collection<String> failed, Optional<Duration> horizon, FailurePropagation fp) {
    int count = fp.failedCount();
    int[] all = new int[count];
    int[] functions = new int[count];
    int functionCount = 0;
    for (int i = 0; i < count; i++) {
      int v = fp.failed(i);
      all[i] = v;
      if (cm.isFunction(v)) {
        functions[functionCount++] = v;
      }
    }
    return new Impact(Set.copyOf(failed), horizon, NodeSets.set(cm, all, count),
        NodeSets.set(cm, functions, functionCount));
  }

  /** When each node fails after these nodes fail at time 0 and stay down. */
  public FailureTimes failureTimes(String... failed) {
    return failureTimes(Arrays.asList(failed));
  }

  /** When each node fails after these nodes fail at time 0 and stay down. */
  public FailureTimes failureTimes(Collection<String> failed) {
    return failureTimes(failed, Optional.empty());
  }

  /** When each node fails, up to {@code horizon}, after these nodes fail at time 0. */
  public FailureTimes failureTimes(Collection<String> failed, Duration horizon) {
    return failureTimes(failed, Optional.of(horizon));
  }

  private FailureTimes failureTimes(Collection<String> failed, Optional<Duration> horizon) {
    FailurePropagation fp = FailurePropagation.acquire(cm);
    try {
      fp.times(cm.indices(failed), horizon.map(Durations::millis).orElse(CompactModel.NEVER), null, -1);
      // the engine finalises in time order; NodeSets puts ties in id order for stable output
      int count = fp.failedCount();
      int[] order = new int[count];
      long[] times = new long[count];
      for (int i = 0; i < count; i++) {
        order[i] = fp.failed(i);
        times[i] = fp.time(order[i]);
      }
      return new FailureTimes(Set.copyOf(failed), horizon, NodeSets.times(cm, order, times));
    } finally {
      fp.release();
    }
  }


  // ---------------------------------------------------------------- single points of failure

  /** The single points of failure of a function (or of any node), with explanations. */
  public SpofReport spofs(String target) {
    return spofs(target, Optional.empty());
  }

  /** The nodes whose failure alone brings the target down within {@code horizon}. */
  public SpofReport spofs(String target, Duration horizon) {
    return spofs(target, Optional.of(horizon));
  }

  /**
   * The single points of failure of every function, in model order: the same reports as {@link
   * #spofs(String)} for each function, all found at once from the relation behind the {@link
   * #ranking() ranking} (which functions each node brings down alone). Each report knows its
   * SPOFs and how many are common-cause at once; the explanations (and so the order, which goes
   * by path length) are made for one function when its list is first read, from structures the
   * size of that function's closure. The time is about that of the ranking, the memory one int
   * per SPOF (docs/analyses.md#single-points-of-failure).
   */
  public List<SpofReport> spofs() {
    Stopwatch watch = Stopwatch.createStarted();
    SpofTable table = SpofTable.of(cm, lostRows());
    List<SpofReport> reports = new ArrayList<>(table.functions());
    for (int i = 0; i < table.functions(); i++) {
      reports.add(new SpofReport(cm.id(table.function(i)), Optional.empty(),
          new FunctionSpofs(cm, table, i)));
    }
    LOG.debug("SPOFs of {} functions in {}", table.functions(), watch);
    return Collections.unmodifiableList(reports);
  }

  private SpofReport spofs(String target, Optional<Duration> horizon) {
    Stopwatch watch = Stopwatch.createStarted();
    int f = cm.index(target);
    SpofEngine.Result result =
        SpofEngine.spofs(cm, f, horizon.map(Durations::millis).orElse(CompactModel.NEVER));
    List<Spof> spofs = FunctionSpofs.of(cm, result);
    LOG.debug("SPOFs of {}: {} in {}", target, spofs.size(), watch);
    return new SpofReport(target, horizon, spofs);
  }

  /**
   * The functions other than v that each node v brings down alone (row v, ascending), computed
   * once per instance and shared by {@link #spofs()}, {@link #ranking(Map)} and {@link
   * #interfaces()}.
   */
  private int[][] lostRows() {
    int[][] rows = lost;
    if (rows == null) {
      synchronized (this) {
        rows = lost;
        if (rows == null) {
          int[] all = new int[cm.n];
          Arrays.setAll(all, i -> i);
          lost = rows = SpofMatrix.functionsLost(cm, all);
        }
      }
    }
    return rows;
  }

  // ---------------------------------------------------------------- minimal failure sets

  /**
   * The minimal failure sets of a target of at most {@code maxOrder} nodes (1 ≤ maxOrder ≤
   * {@value #MAX_CUT_SET_ORDER}).
   *
   * @throws ValidationException when the sets are too many to enumerate within the budget
   *     (docs/analyses.md#minimal-failure-sets), naming the largest order that fits
   */
  public CutSets cutSets(String target, int maxOrder) {
    checkOrder(maxOrder);
    int f = cm.index(target);
    int[] single = SpofEngine.spofs(cm, f, CompactModel.NEVER).found().stream()
        .mapToInt(SpofEngine.Found::node).toArray();
    return cutSets(target, f, single, maxOrder);
  }

  /**
   * The minimal failure sets of the target of {@code spofs} of at most {@code maxOrder} nodes,
   * extending its single points of failure instead of finding them again: the same sets as
   * {@link #cutSets(String, int) cutSets(spofs.target(), maxOrder)}, for the cost of the higher
   * orders alone. {@code spofs} must be this model's SPOF report of its target without a horizon
   * (as {@link #spofs(String)} and {@link #spofs()} give); failure sets know no time.
   *
   * @throws IllegalArgumentException when {@code spofs} has a horizon or the order is out of range
   * @throws java.util.NoSuchElementException when the report names a node this model lacks
   * @throws ValidationException when the sets are too many to enumerate within the budget
   *     (docs/analyses.md#minimal-failure-sets), naming the largest order that fits
   */
  public CutSets cutSets(SpofReport spofs, int maxOrder) {
    Objects.requireNonNull(spofs, "spofs");
    checkOrder(maxOrder);
    if (spofs.horizon().isPresent()) {
      throw new IllegalArgumentException("minimal failure sets know no time: the SPOF report of "
          + spofs.target() + " within " + Durations.format(spofs.horizon().get())
          + " cannot be extended; use one without a horizon");
    }
    int f = cm.index(spofs.target());
    int[] single;
    if (spofs.spofs() instanceof FunctionSpofs lazy && lazy.isOf(cm)) {
      single = lazy.nodes(); // no need to explain them
    } else {
      single = new int[spofs.spofs().size()];
      for (int i = 0; i < single.length; i++) {
        single[i] = cm.index(spofs.spofs().get(i).node());
      }
    }
    return cutSets(spofs.target(), f, single, maxOrder);
  }

  private static void checkOrder(int maxOrder) {
    if (maxOrder < 1 || maxOrder > MAX_CUT_SET_ORDER) {
      throw new IllegalArgumentException(
          "order must be between 1 and " + MAX_CUT_SET_ORDER + ", not " + maxOrder);
    }
  }

  /**
   * The problem of failure sets too many to enumerate up to {@code maxOrder}, naming the largest
   * order that fits the budget (found by trying the lower ones, each within the same budget; the
   * SPOFs, order 1, always fit).
   */
  private ValidationException tooMany(String target, int f, int[] single, int maxOrder) {
    int feasible = 1;
    for (int order = maxOrder - 1; order >= 2; order--) {
      try {
        higherOrder(f, order, single);
        feasible = order;
        break;
      } catch (CutSetEngine.Exceeded e) {
        // lower still
      }
    }
    LOG.debug("cut sets of {} up to order {}: over the budget; order {} fits", target, maxOrder, feasible);
    return new ValidationException(List.of(Problem.setting("order", String.format(Locale.ROOT,
        "the minimal failure sets of '%s' up to order %d are too many to enumerate within the budget"
            + " (%,d sets or %,d steps of work); %s", target, maxOrder, CutSetEngine.MAX_SETS,
        CutSetEngine.MAX_WORK, feasible == 1
            ? "only order 1, its single points of failure, fits"
            : "order " + feasible + " is the largest that fits; ask for that or lower"))));
  }

  /**
   * The minimal failure sets of f of orders 2..maxOrder (node indices), given its SPOFs, found on
   * the sub-model of f's closure, the only part that matters: the engine's work is then
   * proportional to the closure, not to the model.
   *
   * @throws CutSetEngine.Exceeded when they are too many for the budget
   */
  private List<int[]> higherOrder(int f, int maxOrder, int[] single) {
    int[] nodes = Closure.dependencyNodes(cm, f);
    // a node outside the closure is in no failure set of f (a report made by hand may name one)
    int[] local = Arrays.stream(single).map(v -> Arrays.binarySearch(nodes, v))
        .filter(v -> v >= 0).toArray();
    List<int[]> sets = CutSetEngine.higherOrder(cm.restrict(nodes), Arrays.binarySearch(nodes, f),
        maxOrder, local);
    for (int[] set : sets) {
      for (int k = 0; k < set.length; k++) {
        set[k] = nodes[set[k]];
      }
    }
    return sets;
  }

  /** The cut sets of target f (index) given its SPOFs (indices), which are the sets of order 1. */
  private CutSets cutSets(String target, int f, int[] single, int maxOrder) {
    Stopwatch watch = Stopwatch.createStarted();
    List<List<String>> sets = new ArrayList<>();
    for (int s : single) {
      sets.add(List.of(cm.id(s)));
    }
    if (maxOrder > 1) {
      List<int[]> higher;
      try {
        higher = higherOrder(f, maxOrder, single);
      } catch (CutSetEngine.Exceeded e) {
        throw tooMany(target, f, single, maxOrder);
      }
      for (int[] set : higher) {
        sets.add(ids(set).stream().sorted().toList());
      }
    }
    Comparator<List<String>> lexicographic = (a, b) -> {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        int c = a.get(i).compareTo(b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    };
    sets.sort(Comparator.<List<String>>comparingInt(List::size).thenComparing(lexicographic));
    LOG.debug("cut sets of {} up to order {}: {} in {}", target, maxOrder, sets.size(), watch);
    return new CutSets(target, maxOrder,
        sets.stream().map(s -> (Set<String>) new LinkedHashSet<>(s)).toList());
  }

  // ---------------------------------------------------------------- ranking

  /** Every node ranked by the functions it brings down alone, weighted by criticality. */
  public Ranking ranking() {
    Map<Criticality, Double> weights = new EnumMap<>(Criticality.class);
    for (Criticality c : Criticality.values()) {
      weights.put(c, (double) c.weight());
    }
    return ranking(weights);
  }

  /** Every node ranked by the functions it brings down alone, with custom criticality weights. */
  public Ranking ranking(Map<Criticality, Double> weights) {
    for (Criticality c : Criticality.values()) {
      if (!weights.containsKey(c)) {
        throw new IllegalArgumentException("no weight given for criticality " + c.label());
      }
    }
    Stopwatch watch = Stopwatch.createStarted();
    int[][] lost = lostRows();
    double[] weight = new double[cm.n];
    List<Node> nodes = model.nodes();
    for (int v = 0; v < cm.n; v++) {
      weight[v] = nodes.get(v).criticality().map(weights::get).orElse(0.0);
    }
    List<Ranking.Entry> entries = new ArrayList<>(cm.n);
    for (int v = 0; v < cm.n; v++) {
      double score = 0;
      for (int f : lost[v]) {
        score += weight[f];
      }
      List<String> fs = ids(lost[v]).stream().sorted().toList();
      entries.add(new Ranking.Entry(cm.id(v), fs, score));
    }
    entries.sort(Comparator.comparingDouble(Ranking.Entry::score).reversed()
        .thenComparing(Ranking.Entry::node));
    LOG.debug("ranking of {} nodes in {}", cm.n, watch);
    return new Ranking(entries);
  }

  // ---------------------------------------------------------------- closures

  /** Everything a node relies on, transitively, with supply-chain tiers. */
  public DependencyClosure dependencies(String id) {
    return closure(id, DependencyClosure.Direction.DEPENDENCIES);
  }

  /** Everything that relies on a node, transitively, with distances. */
  public DependencyClosure dependents(String id) {
    return closure(id, DependencyClosure.Direction.DEPENDENTS);
  }

  private DependencyClosure closure(String id, DependencyClosure.Direction direction) {
    int root = cm.index(id);
    Closure.Layers layers = direction == DependencyClosure.Direction.DEPENDENCIES
        ? Closure.dependencies(cm, root) : Closure.dependents(cm, root);
    Map<String, Integer> tiers = new LinkedHashMap<>();
    for (int i = 0; i < layers.nodes().length; i++) {
      tiers.put(cm.id(layers.nodes()[i]), layers.tiers()[i]);
    }
    return new DependencyClosure(id, direction, tiers);
  }

  // ---------------------------------------------------------------- interfaces

  /** Every cross-organisation requirement, grouped by pair, with the functions it is a SPOF of. */
  public InterfaceReport interfaces() {
    // only the providers' rows are needed: cheaper than the whole ranking on a large model
    return interfaces(providers -> {
      int[][] rows = this.lost;
      int[][] lost;
      if (rows != null) {
        lost = new int[providers.length][];
        for (int i = 0; i < providers.length; i++) {
          lost[i] = rows[providers[i]];
        }
      } else {
        lost = SpofMatrix.functionsLost(cm, providers);
      }
      Map<Integer, List<String>> spofOf = new HashMap<>();
      for (int i = 0; i < providers.length; i++) {
        spofOf.put(providers[i], ids(lost[i]).stream().sorted().toList());
      }
      return spofOf::get;
    });
  }

  /**
   * The interface report, taking the functions each provider brings down alone from a ranking of
   * this model (its entries list exactly those functions) instead of computing them again: the
   * same report as {@link #interfaces()}, in one pass with the ranking. The ranking's weights do
   * not matter.
   *
   * @throws IllegalArgumentException when the ranking has no entry for a providing node (it is
   *     not a ranking of this model)
   */
  public InterfaceReport interfaces(Ranking ranking) {
    Objects.requireNonNull(ranking, "ranking");
    return interfaces(providers -> {
      Map<String, List<String>> functions = new HashMap<>();
      for (Ranking.Entry e : ranking.entries()) {
        functions.put(e.node(), e.functions());
      }
      for (int u : providers) {
        if (!functions.containsKey(cm.id(u))) {
          throw new IllegalArgumentException("the ranking has no entry for node '" + cm.id(u)
              + "': it is not a ranking of " + model);
        }
      }
      return u -> functions.get(cm.id(u));
    });
  }

  /**
   * The interface report; {@code spofOf} is given the providing nodes (indices, each once) and
   * answers, for each, the functions it brings down alone, sorted by id.
   */
  private InterfaceReport interfaces(Function<int[], IntFunction<List<String>>> spofOf) {
    List<Node> nodes = model.nodes();
    record Edge(int dependent, int provider, int requirement, boolean redundant) {}
    List<Edge> edges = new ArrayList<>();
    Set<Integer> providers = new LinkedHashSet<>();
    for (int v = 0; v < cm.n; v++) {
      Optional<String> owner = nodes.get(v).owner();
      if (owner.isEmpty()) {
        continue;
      }
      for (int q = cm.reqStart(v); q < cm.reqStart(v + 1); q++) {
        for (int i = cm.altStart(q); i < cm.altStart(q + 1); i++) {
          int u = cm.alt(i);
          Optional<String> other = nodes.get(u).owner();
          if (other.isPresent() && !other.equals(owner)) {
            edges.add(new Edge(v, u, q - cm.reqStart(v), cm.toBreak(q) > 1));
            providers.add(u);
          }
        }
      }
    }
    IntFunction<List<String>> lost =
        spofOf.apply(providers.stream().mapToInt(Integer::intValue).toArray());
    Map<List<String>, List<InterfaceReport.Interface>> grouped = new LinkedHashMap<>();
    for (Edge e : edges) {
      List<String> pair = List.of(nodes.get(e.dependent).owner().orElseThrow(),
          nodes.get(e.provider).owner().orElseThrow());
      grouped.computeIfAbsent(pair, p -> new ArrayList<>()).add(new InterfaceReport.Interface(
          cm.id(e.dependent), cm.id(e.provider), e.requirement, e.redundant,
          lost.apply(e.provider)));
    }
    List<InterfaceReport.Group> groups = new ArrayList<>();
    grouped.forEach((pair, list) -> {
      list.sort(Comparator.comparing(InterfaceReport.Interface::dependent)
          .thenComparing(InterfaceReport.Interface::provider));
      groups.add(new InterfaceReport.Group(pair.get(0), pair.get(1), list));
    });
    groups.sort(Comparator.<InterfaceReport.Group>comparingInt(g -> -g.spofInterfaces().size())
        .thenComparing(InterfaceReport.Group::dependentOrganisation)
        .thenComparing(InterfaceReport.Group::providerOrganisation));
    return new InterfaceReport(groups);
  }

  // ---------------------------------------------------------------- helpers

  private List<String> ids(int[] indices) {
    List<String> out = new ArrayList<>(indices.length);
    for (int v : indices) {
      out.add(cm.id(v));
    }
    return out;
  }

  @Override
  public String toString() {
    return "Analysis of " + model;
  }
}
