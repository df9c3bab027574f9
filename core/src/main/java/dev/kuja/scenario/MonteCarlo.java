package dev.kuja.scenario;

import dev.kuja.engine.cascade.CascadeEngine;
import dev.kuja.engine.cascade.EpisodeCache;
import dev.kuja.engine.graph.CompactModel;
import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.model.ImpactLevel;
import dev.kuja.model.Node;
import dev.kuja.model.Problem;
import dev.kuja.model.Threat;
import dev.kuja.model.ValidationException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * A stochastic ensemble over one model (docs/stochastic.md#monte-carlo-ensembles): each scenario samples disruptions over the
 * study period from the nodes' reliability data and from the threats of the model's risk register
 * (and any added here), and simulates the cascade (docs/cascades.md). Immutable: every setting
 * returns a new ensemble.
 *
 * <pre>{@code
 * EnsembleResult r = MonteCarlo.of(model).period("P365D").seed(42).scenarios(20_000)
 *     .threat(Threat.builder("storm").tag("overhead-lines").ratePerYear(0.5)
 *         .duration(new RepairTime.LogNormal(Duration.ofHours(12), 0.8)).build())
 *     .run();
 * }</pre>
 *
 * <h2>How a scenario is sampled</h2>
 * A node (or threat) with a probability p fails once in the period with probability p, at a
 * uniform time, for a drawn repair time — or, without a repair time, for the whole period. One
 * with a rate only (per year of 365 days) follows an alternating renewal process: exponential
 * times to failure, drawn repair times between. When both are given the probability is used.
 *
 * <h2>Reproducibility</h2>
 * Scenario i draws from its own random stream, derived from the seed and i; scenarios are
 * simulated in blocks of {@value #BLOCK} and the blocks combined in order. The result is
 * therefore equal for every thread count.
 *
 * <h2>Blocks and runners</h2>
 * {@link #run()} simulates the blocks on this machine's threads. The same blocks can be
 * simulated anywhere — {@link #simulateBlock(long)} makes block b, a serializable {@link
 * EnsembleBlock} — and merged, in block order, by the ensemble's {@link #merger()}, which is what
 * {@link #run()} does with its own blocks; so a run spread over many machines (the {@code
 * kuja-spark} module) gives the very result of {@link #run()}.
 */
public final class MonteCarlo {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MonteCarlo.class);

  /** Scenarios per block: the unit of parallel work, of progress and of cancellation. */
  public static final int BLOCK = 256;

  /** The most scenarios {@link #run()} simulates unless {@link #force() forced}. */
  public static final long MAX_SCENARIOS = 100_000_000L;

  /**
   * The most outages an ensemble may be expected to sample ({@link #expectedOutages()}) before
   * {@link #run()} refuses it unless {@link #force() forced}: on a model of 10^4 nodes about
   * a quarter of an hour of work on two cores (docs/stochastic.md#running-times).
   */
  public static final long MAX_EXPECTED_OUTAGES = 100_000_000L;

  /**
   * Blocks per round when running to a target precision: the precision is checked after every
   * {@value} blocks.
   */
  public static final int ROUND = 8;

  /** Blocks submitted ahead of the one being absorbed, per thread. */
  private static final int WINDOW_PER_THREAD = 4;

  private final Model model;
  private final Duration period;
  private final long seed;
  private final long scenarios;
  private final OptionalDouble precision;
  private final double level;
  private final int threads;
  private final boolean nodeReliability;
  private final boolean modelThreats;
  private final List<Threat> added;
  private final Optional<EnsembleListener> listener;
  private final Optional<BooleanSupplier> cancel;
  private final boolean force;
  /** The units and functions of the ensemble, made on first use (blocks need them each). */
  private volatile Prepared prepared;

  private MonteCarlo(Draft d) {
    this.model = d.model;
    this.period = d.period;
    this.seed = d.seed;
    this.scenarios = d.scenarios;
    this.precision = d.precision;
    this.level = d.level;
    this.threads = d.threads;
    this.nodeReliability = d.nodeReliability;
    this.modelThreats = d.modelThreats;
    this.added = List.copyOf(d.added);
    this.listener = d.listener;
    this.cancel = d.cancel;
    this.force = d.force;
  }

  /** The settings of an ensemble while one of them changes. */
  private static final class Draft {
    Model model;
    Duration period = Duration.ofDays(365);
    long seed = 1;
    long scenarios = 10_000;
    OptionalDouble precision = OptionalDouble.empty();
    double level = 0.95;
    int threads = Runtime.getRuntime().availableProcessors();
    boolean nodeReliability = true;
    boolean modelThreats = true;
    List<Threat> added = List.of();
    Optional<EnsembleListener> listener = Optional.empty();
    Optional<BooleanSupplier> cancel = Optional.empty();
    boolean force;
  }

  /** A copy of this ensemble with one setting changed. */
  private MonteCarlo with(java.util.function.Consumer<Draft> change) {
    Draft d = new Draft();
    d.model = model;
    d.period = period;
    d.seed = seed;
    d.scenarios = scenarios;
    d.precision = precision;
    d.level = level;
    d.threads = threads;
    d.nodeReliability = nodeReliability;
    d.modelThreats = modelThreats;
    d.added = added;
    d.listener = listener;
    d.cancel = cancel;
    d.force = force;
    change.accept(d);
    return new MonteCarlo(d);
  }

  /**
   * An ensemble over the model: a period of 365 days, seed 1, 10,000 scenarios, 95 %
   * intervals, on every core.
   */
  public static MonteCarlo of(Model model) {
    Draft d = new Draft();
    d.model = Objects.requireNonNull(model, "model");
    return new MonteCarlo(d);
  }

  /**
   * The same ensemble over another model — a variant of this one, say: every setting, and the
   * threats added with {@link #threat(Threat...)}, stay; the model's own threats are the new
   * model's.
   */
  public MonteCarlo over(Model model) {
    Objects.requireNonNull(model, "model");
    return with(d -> d.model = model);
  }

  /** The study period every scenario covers. */
  public MonteCarlo period(Duration period) {
    Units.millis(Objects.requireNonNull(period, "period"));
    return with(d -> d.period = period);
  }

  /** The study period, ISO-8601 (e.g. {@code P365D}). */
  public MonteCarlo period(String iso) {
    return period(Durations.parse(iso));
  }

  /** The seed of the random streams. */
  public MonteCarlo seed(long seed) {
    return with(d -> d.seed = seed);
  }

  /** How many scenarios to simulate (the maximum, with {@link #precision(double)}). */
  public MonteCarlo scenarios(long count) {
    if (count < 1) {
      throw new IllegalArgumentException("the number of scenarios must be positive, not " + count);
    }
    return with(d -> d.scenarios = count);
  }

  /**
   * Stop as soon as every function's probabilities (of going down, of exceeding the MTPD) are
   * known to ± {@code halfWidth}, checked after every {@value #ROUND} blocks, or at the number
   * of scenarios set by {@link #scenarios(long)}, whichever comes first.
   */
  public MonteCarlo precision(double halfWidth) {
    if (!(halfWidth > 0 && halfWidth < 0.5)) {
      throw new IllegalArgumentException("the target half-width must be in (0, 0.5), not " + halfWidth);
    }
    return with(d -> d.precision = OptionalDouble.of(halfWidth));
  }

  /** The confidence level of the intervals (default 0.95). */
  public MonteCarlo level(double level) {
    Statistics.z(level);
    return with(d -> d.level = level);
  }

  /** How many threads simulate scenarios (default: every core). Never changes the result. */
  public MonteCarlo threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    return with(d -> d.threads = threads);
  }

  /**
   * Adds threats to those of the model (checked against the model when the ensemble runs, with
   * {@link Threat#problemsIn(Model)}).
   */
  public MonteCarlo threat(Threat... more) {
    List<Threat> all = new ArrayList<>(added);
    all.addAll(Arrays.asList(more));
    return with(d -> d.added = all);
  }

  /**
   * The same ensemble with only this threat as a source of disruption: no node reliability, no
   * other threat. What {@link RiskMatrix} runs per threat.
   */
  MonteCarlo only(Threat threat) {
    return with(d -> {
      d.nodeReliability = false;
      d.modelThreats = false;
      d.added = List.of(threat);
    });
  }

  /** Tells the listener of progress after every block. */
  public MonteCarlo listener(EnsembleListener listener) {
    Objects.requireNonNull(listener, "listener");
    return with(d -> d.listener = Optional.of(listener));
  }

  /**
   * Stops the run when {@code cancelled} returns true (asked before every block). The result
   * then covers the blocks finished in order and says it was cancelled.
   */
  public MonteCarlo cancelWhen(BooleanSupplier cancelled) {
    Objects.requireNonNull(cancelled, "cancelled");
    return with(d -> d.cancel = Optional.of(cancelled));
  }

  /**
   * Runs even an ensemble beyond the limits that {@link #run()} otherwise refuses ({@value
   * #MAX_SCENARIOS} scenarios, {@value #MAX_EXPECTED_OUTAGES} expected sampled outages).
   */
  public MonteCarlo force() {
    return with(d -> d.force = true);
  }

  /**
   * The number of outages the ensemble is expected to sample, over every scenario: the work it
   * will take, estimated before it starts. A unit with a probability p contributes p per
   * scenario; one with a rate λ over a period T, λT / (1 + λτ) with a mean repair time τ (the
   * renewal process from an operating start) and 1 − e^(−λT) without one.
   */
  public double expectedOutages() {
    return scenarios * units().expectedOutages();
  }

  /** The model. */
  public Model model() {
    return model;
  }

  /** The threats sampled: the model's, in model order, then those added, in the order added. */
  public List<Threat> threats() {
    List<Threat> all = new ArrayList<>(modelThreats ? model.threats() : List.of());
    all.addAll(added);
    return List.copyOf(all);
  }

  /** The study period every scenario covers. */
  public Duration period() {
    return period;
  }

  /** The seed of the random streams. */
  public long seed() {
    return seed;
  }

  /** The number of scenarios (the most simulated, with a target precision). */
  public long scenarios() {
    return scenarios;
  }

  /** The target half-width of every probability, if the run stops at one. */
  public OptionalDouble precision() {
    return precision;
  }

  double level() {
    return level;
  }

  private Units units() {
    return Units.of(model, period, nodeReliability, threats());
  }

  /** The units and the functions of an ensemble: what every block is simulated with. */
  static final class Prepared {
    final Units units;
    final Functions fs;

    Prepared(Units units, Functions fs) {
      this.units = units;
      this.fs = fs;
    }
  }

  /** The units and functions, made once per ensemble (two threads may both make them; equal). */
  private Prepared prepared() {
    Prepared p = prepared;
    if (p == null) {
      Units units = units();
      p = new Prepared(units, new Functions(units.cm, model));
      prepared = p;
    }
    return p;
  }

  /**
   * The number of blocks of the ensemble: ⌈scenarios / {@value #BLOCK}⌉. Block b holds the
   * scenarios {@value #BLOCK}·b to {@value #BLOCK}·b + {@value #BLOCK} − 1 (the last block the
   * rest).
   */
  public long blockCount() {
    return (scenarios + BLOCK - 1) / BLOCK;
  }

  /**
   * Simulates one block of the ensemble (see "Blocks and runners" above): its scenarios, each from its own random stream, summed. The block is the same
   * wherever and whenever it is simulated. Safe to call from several threads at once.
   *
   * @param index the block, 0 ≤ index &lt; {@link #blockCount()}
   * @throws IndexOutOfBoundsException when the ensemble has no such block
   * @throws ValidationException when a threat added to the ensemble has problems (see {@link
   *     #run()})
   */
  public EnsembleBlock simulateBlock(long index) {
    long blocks = blockCount();
    if (index < 0 || index >= blocks) {
      throw new IndexOutOfBoundsException("block " + index + " of an ensemble of " + blocks
          + " blocks (" + scenarios + " scenarios)");
    }
    Prepared p = prepared();
    long from = index * BLOCK;
    long to = Math.min(scenarios, from + BLOCK);
    return new EnsembleBlock(index, seed, new Block(p.fs.count).simulate(p.units, p.fs, seed, from, to).trimmed());
  }

  /**
   * A merger for the blocks of this ensemble, which makes its result (see {@link
   * EnsembleMerger}): how {@link #run()} combines its blocks, and how a runner elsewhere combines
   * the blocks it had simulated. Starting a run, it checks the ensemble as {@link #run()} does.
   *
   * @throws ValidationException when a threat added to the ensemble has problems, or the
   *     ensemble is beyond the limits (see {@link #force()})
   */
  public EnsembleMerger merger() {
    Prepared p = prepared();
    if (!force) {
      limits(p.units);
    }
    return new EnsembleMerger(this, p, scenarios, precision, Statistics.z(level), listener, cancel);
  }

  /**
   * The result of blocks simulated elsewhere: {@link #merger()} given the blocks in index order,
   * up to the point where the ensemble is complete (later blocks, simulated ahead, are left out).
   *
   * @param blocks blocks 0, 1, 2, … of this ensemble, in index order, each once
   * @return the result; {@link EnsembleResult#cancelled() cancelled} if the blocks stop short of
   *     a complete ensemble
   * @throws IllegalArgumentException when a block is out of order or of another ensemble, or
   *     there is none
   */
  public EnsembleResult merge(List<EnsembleBlock> blocks) {
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException("no block to merge");
    }
    EnsembleMerger merger = merger();
    for (EnsembleBlock b : blocks) {
      if (merger.add(b)) {
        break;
      }
    }
    return merger.result();
  }

  /**
   * Runs the ensemble.
   *
   * @throws dev.kuja.model.ValidationException when a threat added to the ensemble names a
   *     node, organisation or tag the model does not have, or has bad occurrence data (every such
   *     problem is listed)
   * @throws CancellationException when cancelled before the first block finished
   * @throws ValidationException when the ensemble is beyond the limits (see {@link #force()})
   */
  public EnsembleResult run() {
    long began = System.nanoTime();
    EnsembleMerger merger = merger();
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      // blocks are submitted in a bounded window ahead of the one being merged, so memory
      // does not grow with the number of scenarios (docs/stochastic.md#running-times)
      int window = Math.max(2, WINDOW_PER_THREAD * threads);
      long blocks = blockCount();
      ArrayDeque<Future<EnsembleBlock>> pending = new ArrayDeque<>();
      long submitted = 0;
      while (!merger.complete()) {
        while (submitted < blocks && pending.size() < window) {
          long index = submitted++;
          pending.add(pool.submit(() -> {
            return merger.cancelRequested() ? null : simulateBlock(index);
          }));
        }
        EnsembleBlock block = get(pending.poll());
        if (block == null) {
          break; // cancelled: the blocks merged so far, in order
        }
        merger.add(block);
      }
    } finally {
      pool.shutdownNow();
    }
    if (merger.scenarios() == 0) {
      throw new CancellationException("the Monte Carlo run was cancelled before any scenario finished");
    }
    EnsembleResult result = merger.result();
    if (LOG.isDebugEnabled()) {
      double seconds = (System.nanoTime() - began) / 1e9;
      LOG.debug("{} scenarios of {} with {} stochastic units on {} threads in {} s ({} scenarios/s){}",
          result.scenarios(), Durations.format(period), prepared().units.size, threads,
          String.format("%.2f", seconds), Math.round(result.scenarios() / seconds),
          result.cancelled() ? ", cancelled" : "");
    }
    return result;
  }

  /**
   * Refuses an ensemble too large to be what was meant: more than {@value #MAX_SCENARIOS}
   * scenarios or more than {@value #MAX_EXPECTED_OUTAGES} expected sampled outages
   * (docs/stochastic.md#limits); {@link #force()} runs it anyway.
   */
  private void limits(Units units) {
    List<Problem> problems = new ArrayList<>();
    if (scenarios > MAX_SCENARIOS) {
      problems.add(Problem.setting("scenarios", String.format(Locale.ROOT,
          "%,d scenarios are more than the limit of %,d; ask for fewer (or force the run)",
          scenarios, MAX_SCENARIOS)));
    }
    double perScenario = units.expectedOutages();
    double expected = scenarios * perScenario;
    if (expected > MAX_EXPECTED_OUTAGES) {
      problems.add(Problem.setting("scenarios", String.format(Locale.ROOT,
          "the ensemble would sample about %.2g outages (%,d scenarios × %.3g each), more than the"
              + " limit of %,d; ask for fewer scenarios or a shorter period, check the failure"
              + " rates (or force the run)", expected, scenarios, perScenario, MAX_EXPECTED_OUTAGES)));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
  }

  /**
   * Importance measures of every basic event for one function, over the study period (see
   * {@link ImportanceReport}): exact by enumeration when at most {@value
   * ImportanceReport#MAX_EXACT_EVENTS} basic events can reach the function, otherwise sampled
   * with this ensemble's seed and number of scenarios.
   */
  public ImportanceReport importance(String function) {
    return Importance.compute(units(), function, Optional.empty(), seed,
        scenarios, Statistics.z(level));
  }

  /** As {@link #importance(String)}, always exact; refused above the event limit. */
  public ImportanceReport exactImportance(String function) {
    return Importance.compute(units(), function, Optional.of(true), seed,
        scenarios, Statistics.z(level));
  }

  /** As {@link #importance(String)}, always sampled. */
  public ImportanceReport sampledImportance(String function) {
    return Importance.compute(units(), function, Optional.of(false), seed,
        scenarios, Statistics.z(level));
  }

  private static EnsembleBlock get(Future<EnsembleBlock> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    }
  }

  @Override
  public String toString() {
    return "MonteCarlo[" + model.name().orElse("model") + ", period " + Durations.format(period)
        + ", seed " + seed + ", " + scenarios + " scenarios"
        + (precision.isPresent() ? " at most, to ±" + precision.getAsDouble() : "")
        + (nodeReliability ? "" : ", without node reliability")
        + ", " + threats().size() + " threats, " + threads + " threads]";
  }

  /** The functions of the model and their MTPDs, by compact index. */
  static final class Functions {
    final int count;
    final int[] index;
    final int[] node;
    final long[] mtpd;
    final String[] ids;
    final List<Node> nodes;
    /** Per function, its impact thresholds: how long (ms) and which level (ordinal). */
    final long[][] after;
    final int[][] level;

    Functions(CompactModel cm, Model model) {
      nodes = model.functions();
      count = nodes.size();
      index = new int[cm.n];
      Arrays.fill(index, -1);
      node = new int[count];
      mtpd = new long[count];
      ids = new String[count];
      after = new long[count][];
      level = new int[count][];
      for (int f = 0; f < count; f++) {
        Node n = nodes.get(f);
        node[f] = cm.index(n.id());
        index[node[f]] = f;
        mtpd[f] = n.mtpd().map(Duration::toMillis).orElse(-1L);
        ids[f] = n.id();
        after[f] = n.impacts().stream().mapToLong(t -> t.after().toMillis()).toArray();
        level[f] = n.impacts().stream().mapToInt(t -> t.level().ordinal()).toArray();
      }
    }

    /** The ordinal of the highest impact level an outage of {@code longest} ms reaches, or -1. */
    int levelAfter(int f, long longest) {
      int best = -1;
      if (longest > 0) {
        for (int i = 0; i < after[f].length; i++) {
          if (after[f][i] <= longest && level[f][i] > best) {
            best = level[f][i];
          }
        }
      }
      return best;
    }
  }

  /**
   * Sums over a block of scenarios; blocks merge in order, so sums are deterministic. Serializable,
   * so that a block simulated in another process can travel to the merger.
   */
  static final class Block implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    long scenarios;
    final long[] down;
    final long[] breach;
    final long[] sum;
    final double[] sumSq;
    final long[][] nonZero;
    final int[] nonZeroCount;
    /** Per function and impact level: scenarios whose longest outage reached that level or worse. */
    final long[][] atLeast;
    /**
     * How this block's disruptions were simulated, counted by {@link #ALONE}, {@link #APART},
     * {@link #TOGETHER}, {@link #AGAIN} and {@link #WHOLE}: for tests and diagnostics, not part
     * of a result, not sent.
     */
    transient long[] paths = new long[5];
    /** A disruption alone in its stretch, taken from its episode. */
    static final int ALONE = 0;
    /** A stretch of several disruptions apart, taken from their episodes side by side. */
    static final int APART = 1;
    /** A stretch of disruptions that touch, simulated together. */
    static final int TOGETHER = 2;
    /** A stretch simulated again, as together its disruptions lasted longer than alone. */
    static final int AGAIN = 3;
    /** A scenario simulated whole. */
    static final int WHOLE = 4;

    Block(int functions) {
      down = new long[functions];
      breach = new long[functions];
      sum = new long[functions];
      sumSq = new double[functions];
      nonZero = new long[functions][];
      nonZeroCount = new int[functions];
      atLeast = new long[functions][ImpactLevel.values().length];
    }

    Block simulate(Units units, Functions fs, long seed, long from, long to) {
      return simulate(units, fs, seed, from, to, true);
    }

    /**
     * Simulates scenarios {@code from} to {@code to} − 1 and adds them to this block. With
     * {@code episodes}, a disruption whose cascade has settled before the next one starts is
     * taken from the model's {@link EpisodeCache} instead of being simulated again, and only
     * disruptions whose cascades overlap in time are simulated together — the same outages as
     * simulating the whole scenario at once (docs/stochastic.md#how-a-scenario-is-simulated);
     * without, every scenario is simulated whole (the reference the properties compare with).
     */
    Block simulate(Units units, Functions fs, long seed, long from, long to, boolean episodes) {
      Outages sampled = new Outages();
      Downtimes d = new Downtimes(fs, units.period);
      CascadeEngine engine = CascadeEngine.reusable(units.cm);
      Episodes split = episodes ? new Episodes(units, EpisodeCache.of(units.cm), engine) : null;
      for (long s = from; s < to; s++) {
        scenarios++;
        SplittableRandom random = Units.stream(seed, s);
        sampled.size = 0;
        units.sample(random, sampled);
        if (sampled.size == 0) {
          continue;
        }
        if (split == null || !split.add(sampled, d, paths)) {
          d.add(together(engine, units, sampled, 0, sampled.size, null));
          paths[WHOLE]++;
        }
        for (int i = 0; i < d.count; i++) {
          int f = d.touched[i];
          long longest = d.longest[f];
          add(f, d.downtime[f], fs.mtpd[f] >= 0 && longest > fs.mtpd[f]);
          for (int l = fs.levelAfter(f, longest); l >= 0; l--) {
            atLeast[f][l]++;
          }
          d.downtime[f] = 0;
          d.longest[f] = 0;
        }
        d.count = 0;
      }
      return this;
    }

    private void add(int f, long downtime, boolean breached) {
      down[f]++;
      if (breached) {
        breach[f]++;
      }
      sum[f] += downtime;
      sumSq[f] += (double) downtime * downtime;
      keepDowntime(f, downtime);
    }

    /**
     * This block with every function's list of downtimes cut to its length (the lists grow by
     * doubling): what a block simulated for a merger holds and, serialized, sends.
     */
    Block trimmed() {
      for (int f = 0; f < nonZero.length; f++) {
        if (nonZero[f] != null && nonZero[f].length != nonZeroCount[f]) {
          nonZero[f] = Arrays.copyOf(nonZero[f], nonZeroCount[f]);
        }
      }
      return this;
    }

    /** Adds the next block's sums (blocks are absorbed in order, so sums are deterministic). */
    void absorb(Block b) {
      scenarios += b.scenarios;
      for (int f = 0; f < down.length; f++) {
        down[f] += b.down[f];
        breach[f] += b.breach[f];
        sum[f] += b.sum[f];
        sumSq[f] += b.sumSq[f];
        for (int l = 0; l < atLeast[f].length; l++) {
          atLeast[f][l] += b.atLeast[f][l];
        }
        for (int i = 0; i < b.nonZeroCount[f]; i++) {
          keepDowntime(f, b.nonZero[f][i]);
        }
      }
    }

    private void keepDowntime(int f, long value) {
      long[] values = nonZero[f];
      if (values == null) {
        values = nonZero[f] = new long[8];
      } else if (nonZeroCount[f] == values.length) {
        values = nonZero[f] = Arrays.copyOf(values, values.length * 2);
      }
      values[nonZeroCount[f]++] = value;
    }

    /** The widest interval half-width over every function's probabilities. */
    double halfWidth(Functions fs, double z) {
      double widest = 0;
      for (int f = 0; f < fs.count; f++) {
        widest = Math.max(widest, Estimate.wilson(down[f], scenarios, z).halfWidth());
        if (fs.mtpd[f] >= 0) {
          widest = Math.max(widest, Estimate.wilson(breach[f], scenarios, z).halfWidth());
        }
      }
      return widest;
    }

    List<FunctionRisk> risks(Functions fs, long period, double z) {
      List<FunctionRisk> out = new ArrayList<>(fs.count);
      double lvl = Statistics.level(z);
      for (int f = 0; f < fs.count; f++) {
        long[] values = nonZeroCount[f] == 0 ? new long[0] : Arrays.copyOf(nonZero[f], nonZeroCount[f]);
        Arrays.sort(values);
        Optional<Duration> mtpd = fs.nodes.get(f).mtpd();
        Estimate breached = Estimate.wilson(breach[f], scenarios, z);
        Map<ImpactLevel, Estimate> impacts = new EnumMap<>(ImpactLevel.class);
        if (fs.after[f].length > 0) {
          for (ImpactLevel l : ImpactLevel.values()) {
            impacts.put(l, Estimate.wilson(atLeast[f][l.ordinal()], scenarios, z));
          }
        }
        out.add(new FunctionRisk(fs.ids[f], mtpd, Estimate.wilson(down[f], scenarios, z),
            mtpd.map(m -> breached), impacts,
            mean(f, z, period, lvl), quantile(values, 0.5, z, lvl), quantile(values, 0.9, z, lvl),
            quantile(values, 0.99, z, lvl)));
      }
      return out;
    }

    private DurationEstimate mean(int f, double z, long period, double lvl) {
      double n = scenarios;
      double mean = sum[f] / n;
      double var = n > 1 ? Math.max(0, (sumSq[f] - n * mean * mean) / (n - 1)) : 0;
      double half = z * Math.sqrt(var / n);
      long value = Math.round(mean);
      long low = Math.min(value, Math.max(0, Math.round(mean - half)));
      long high = Math.max(value, Math.min(period, Math.round(mean + half)));
      return new DurationEstimate(Duration.ofMillis(value), Duration.ofMillis(low),
          Duration.ofMillis(high), lvl);
    }

    /**
     * The q-quantile of total downtime (zeros for the scenarios not in {@code nonZero}) with the
     * distribution-free interval between the order statistics around rank nq.
     */
    private DurationEstimate quantile(long[] nonZero, double q, double z, double lvl) {
      long n = scenarios;
      long zeros = n - nonZero.length;
      double spread = z * Math.sqrt(n * q * (1 - q));
      long rank = Math.max(1, (long) Math.ceil(n * q));
      long lowRank = Math.max(1, (long) Math.floor(n * q - spread));
      long highRank = Math.min(n, (long) Math.ceil(n * q + spread) + 1);
      return new DurationEstimate(Duration.ofMillis(order(nonZero, zeros, rank)),
          Duration.ofMillis(order(nonZero, zeros, lowRank)),
          Duration.ofMillis(order(nonZero, zeros, highRank)), lvl);
    }

    private static long order(long[] nonZero, long zeros, long rank) {
      return rank <= zeros ? 0 : nonZero[(int) (rank - zeros - 1)];
    }
  }

  /**
   * The downtime and longest outage of each function in one scenario, and which functions have
   * any: what a block adds up. Reused between scenarios.
   */
  private static final class Downtimes {
    final Functions fs;
    final long period;
    final long[] downtime;
    final long[] longest;
    final int[] touched;
    int count;

    Downtimes(Functions fs, long period) {
      this.fs = fs;
      this.period = period;
      downtime = new long[fs.count];
      longest = new long[fs.count];
      touched = new int[fs.count];
    }

    /** An outage of node v from {@code from} to {@code to}, cut at the end of the period. */
    void outage(int v, long from, long to) {
      int f = fs.index[v];
      if (f < 0) {
        return;
      }
      long length = Math.min(to, period) - from;
      if (length <= 0) {
        return;
      }
      if (downtime[f] == 0) {
        touched[count++] = f;
      }
      downtime[f] += length;
      longest[f] = Math.max(longest[f], length);
    }

    /** Adds the functions' outages of a simulation. */
    void add(CascadeEngine.Outages out) {
      for (int i = 0; i < out.size(); i++) {
        outage(out.node(i), out.from(i), out.to(i));
      }
    }
  }

  /**
   * Simulates the sampled outages {@code order[from..to)} (all of them, in sample order, when
   * {@code order} is null) together, to the end of the period, on an engine reused between
   * simulations.
   */
  private static CascadeEngine.Outages together(CascadeEngine engine, Units units,
      Outages sampled, int from, int to, int[] order) {
    int size = to - from;
    int[][] nodes = new int[size][];
    long[] start = new long[size];
    long[] end = new long[size];
    for (int i = 0; i < size; i++) {
      int o = order == null ? from + i : order[from + i];
      nodes[i] = units.nodes[sampled.unit[o]];
      start[i] = sampled.start[o];
      end[i] = sampled.end[o];
    }
    engine.reset(nodes, start, end, units.period).run();
    return engine.outages();
  }

  /** The time after which nothing is down ({@link CompactModel#NEVER} if something still is). */
  private static long settled(CascadeEngine.Outages out) {
    long settled = 0;
    for (int i = 0; i < out.size(); i++) {
      settled = Math.max(settled, out.to(i));
    }
    return settled;
  }

  /**
   * A scenario cut into stretches of time whose cascades do not overlap: a disruption alone in
   * its stretch is taken from the model's episodes (its cascade, simulated once for an interval
   * of lengths), the others are simulated together. Exact: once every node is up again the state
   * of the model is that of its start — no requirement broken, no node recovering — so what comes
   * after does not depend on what came before.
   */
  private static final class Episodes {
    final Units units;
    final EpisodeCache cache;
    final CascadeEngine engine;
    int[] order = new int[16];
    long[] end = new long[16];
    EpisodeCache.Functions[] episode = new EpisodeCache.Functions[16];
    long[] settled = new long[16];
    /** How far the stretch being cut reaches: until then a node may be down. */
    long reach;

    Episodes(Units units, EpisodeCache cache, CascadeEngine engine) {
      this.units = units;
      this.cache = cache;
      this.engine = engine;
    }

    /**
     * Adds the functions' outages of the sampled scenario, or returns false, having added
     * nothing, when one of its disruptions has no episode (it does not settle, or its times
     * cannot be represented): the scenario is then simulated whole.
     */
    boolean add(Outages sampled, Downtimes d, long[] paths) {
      int m = sampled.size;
      if (order.length < m) {
        order = new int[m];
        end = new long[m];
        episode = new EpisodeCache.Functions[m];
        settled = new long[m];
      }
      for (int i = 0; i < m; i++) {
        // a disruption open at the end of the period is cut there: the period sees the same
        long s = sampled.start[i];
        long e = Math.min(sampled.end[i], units.period);
        Optional<EpisodeCache.Functions> f = cache.functions(units.nodes[sampled.unit[i]], e - s, engine);
        if (f.isEmpty() || !f.get().settles()) {
          return false;
        }
        end[i] = e;
        episode[i] = f.get();
        settled[i] = f.get().settled(s, e);
        order[i] = i;
      }
      sortByStart(sampled.start, m);
      int g = 0;
      while (g < m) {
        // the stretch: the disruptions starting before everything before them is up again
        reach = settled[order[g]];
        int h = extend(sampled, g + 1, m);
        if (h - g == 1) {
          paths[Block.ALONE]++;
          add(sampled, order[g], d);
        } else if (apart(g, h)) {
          paths[Block.APART]++;
          for (int i = g; i < h; i++) {
            add(sampled, order[i], d);
          }
        } else {
          // together they may stay down longer than any alone: then the stretch takes in the
          // disruptions that start before it ends, and is simulated again
          paths[Block.TOGETHER]++;
          while (true) {
            CascadeEngine.Outages out = together(engine, units, sampled, g, h, order);
            reach = Math.max(reach, settled(out));
            int more = extend(sampled, h, m);
            if (more == h) {
              d.add(out);
              break;
            }
            h = more;
            paths[Block.AGAIN]++;
          }
        }
        g = h;
      }
      return true;
    }

    /** Adds the functions' outages of sampled disruption i, from its episode. */
    private void add(Outages sampled, int i, Downtimes d) {
      EpisodeCache.Functions f = episode[i];
      long s = sampled.start[i];
      for (int k = 0; k < f.node().length; k++) {
        d.outage(f.node()[k], CascadeEngine.Episode.at(f.from()[k], s, end[i]),
            CascadeEngine.Episode.at(f.to()[k], s, end[i]));
      }
    }

    /**
     * Whether the disruptions {@code order[g..h)} are apart: their episodes' footprints pairwise
     * disjoint, so that together they bring down what each brings down alone.
     */
    private boolean apart(int g, int h) {
      for (int i = g; i < h; i++) {
        for (int j = i + 1; j < h; j++) {
          if (episode[order[i]].touches(episode[order[j]])) {
            return false;
          }
        }
      }
      return true;
    }

    /**
     * The end of the stretch: the first disruption from h on that starts after its {@link
     * #reach}, which takes in how far each disruption before that reaches alone.
     */
    private int extend(Outages sampled, int h, int m) {
      while (h < m && sampled.start[order[h]] <= reach) {
        reach = Math.max(reach, settled[order[h]]);
        h++;
      }
      return h;
    }

    /** Sorts {@code order[0..m)} by start (few disruptions per scenario: insertion sort). */
    private void sortByStart(long[] start, int m) {
      if (m > 32) {
        Integer[] boxed = new Integer[m];
        for (int i = 0; i < m; i++) {
          boxed[i] = order[i];
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(start[a], start[b]));
        for (int i = 0; i < m; i++) {
          order[i] = boxed[i];
        }
        return;
      }
      for (int i = 1; i < m; i++) {
        int o = order[i];
        int j = i - 1;
        while (j >= 0 && start[order[j]] > start[o]) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = o;
      }
    }
  }

  /** Sampled outages of one scenario, reused between scenarios. */
  private static final class Outages implements Units.Sink {
    int size;
    int[] unit = new int[16];
    long[] start = new long[16];
    long[] end = new long[16];

    @Override
    public void outage(int u, long s, long e) {
      if (size == unit.length) {
        unit = Arrays.copyOf(unit, size * 2);
        start = Arrays.copyOf(start, size * 2);
        end = Arrays.copyOf(end, size * 2);
      }
      unit[size] = u;
      start[size] = s;
      end[size] = e;
      size++;
    }
  }
}
