package dev.kuja.spark;

import dev.kuja.scenario.EnsembleBlock;
import dev.kuja.scenario.EnsembleMerger;
import dev.kuja.scenario.EnsembleResult;
import dev.kuja.scenario.MonteCarlo;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * Runs the blocks of one or more ensembles as Spark tasks, one block per task, and merges them on
 * the driver, per ensemble, in block order (docs/stochastic.md#the-spark-runner).
 *
 * <p>Each ensemble's model travels once, as a broadcast. The blocks go out in jobs ("waves"):
 * every block still to do, or — with a target precision — a few rounds of blocks per ensemble at
 * a time, enough to keep every core busy. As a task's block comes back it waits, if need be, for
 * the blocks before it and is then merged; a block that comes back twice, or after its ensemble
 * is complete, is dropped, so nothing is counted twice and a retried task changes nothing. When
 * every ensemble of a wave is complete (its precision reached, or cancelled), the rest of the
 * wave is cancelled.
 */
final class BlockJobs {

  private static final Logger LOG = LoggerFactory.getLogger(SparkMonteCarlo.class);

  /** The most tasks in one Spark job; larger runs take several. */
  static final int MAX_TASKS_PER_JOB = 16_384;

  /**
   * The most bytes one block of an ensemble sends back per function of the model: a downtime
   * (8 bytes) per scenario that found the function down, plus its counts; the bound that sizes
   * jobs under {@code spark.driver.maxResultSize}.
   */
  static final long BLOCK_BYTES_PER_FUNCTION = MonteCarlo.BLOCK * 8L + 256;

  /** How long the driver waits for a block before looking at the job again. */
  private static final long POLL_MILLIS = 100;

  private BlockJobs() {}

  /** One block of one ensemble: a task. */
  record Task(int ensemble, long block) implements Serializable {}

  /** A block simulated by a task, for the driver. */
  record Done(int ensemble, EnsembleBlock block) implements Serializable {}

  /** The task: simulates the blocks of its partition (one) from the broadcast ensembles. */
  static final class SimulateBlocks extends AbstractFunction1<Iterator<Task>, ArrayList<Done>>
      implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ArrayList<Broadcast<ShippedEnsemble>> ensembles;
    private final BlockHook hook;

    SimulateBlocks(List<Broadcast<ShippedEnsemble>> ensembles, BlockHook hook) {
      this.ensembles = new ArrayList<>(ensembles);
      this.hook = hook;
    }

    @Override
    public ArrayList<Done> apply(Iterator<Task> tasks) {
      ArrayList<Done> out = new ArrayList<>(1);
      while (tasks.hasNext()) {
        Task t = tasks.next();
        hook.before(t.ensemble(), t.block());
        MonteCarlo ensemble = ensembles.get(t.ensemble()).value().ensemble();
        out.add(new Done(t.ensemble(), ensemble.simulateBlock(t.block())));
      }
      return out;
    }
  }

  /** The driver's side of one ensemble. */
  private static final class State {
    final String name;
    final MonteCarlo ensemble;
    final EnsembleMerger merger;
    final TreeMap<Long, EnsembleBlock> waiting = new TreeMap<>();
    final Progress progress;
    long submitted;
    boolean cancelled;

    State(String name, MonteCarlo ensemble, long now) {
      this.name = name;
      this.ensemble = ensemble;
      this.merger = ensemble.merger();
      this.progress = new Progress(name, now);
    }

    boolean done() {
      return cancelled || merger.complete();
    }

    String line(long now) {
      return progress.line(merger.nextIndex(), merger.blockCount(), merger.scenarios(),
          merger.widestHalfWidth(), now);
    }
  }

  /**
   * Runs the ensembles on Spark and gives their results, in order.
   *
   * @param names what each ensemble is, for the progress lines and Spark's job descriptions
   * @throws dev.kuja.model.ValidationException as {@link MonteCarlo#run()}, before anything runs
   * @throws CancellationException when an ensemble was cancelled before any block was merged
   * @throws IllegalStateException when the Spark job fails (a task failed more often than Spark
   *     retries it), with Spark's reason
   */
  static List<EnsembleResult> run(List<MonteCarlo> ensembles, List<String> names, JavaSparkContext spark,
      BlockHook hook) {
    long now = System.nanoTime();
    // every ensemble checked (threats, limits) on the driver before anything travels
    List<State> states = new ArrayList<>();
    for (int k = 0; k < ensembles.size(); k++) {
      states.add(new State(names.get(k), ensembles.get(k), now));
    }
    List<Broadcast<ShippedEnsemble>> shipped = new ArrayList<>();
    try {
      for (MonteCarlo e : ensembles) {
        shipped.add(spark.broadcast(ShippedEnsemble.of(e)));
      }
      SimulateBlocks simulate = new SimulateBlocks(shipped, hook);
      int parallelism = Math.max(1, spark.defaultParallelism());
      int perJob = tasksPerJob(spark.sc().conf().getSizeAsBytes("spark.driver.maxResultSize", "1g"), ensembles);
      while (states.stream().anyMatch(s -> !s.done())) {
        wave(spark, simulate, states, parallelism, perJob);
      }
    } finally {
      shipped.forEach(Broadcast::destroy);
    }
    List<EnsembleResult> results = new ArrayList<>();
    for (State s : states) {
      if (s.merger.scenarios() == 0) {
        throw new CancellationException("the Monte Carlo run (" + s.name
            + ") was cancelled before any scenario finished");
      }
      results.add(s.merger.result());
    }
    return results;
  }

  /**
   * The most tasks of one job: {@value #MAX_TASKS_PER_JOB}, and few enough that the blocks they
   * send back stay within half of Spark's {@code spark.driver.maxResultSize} (0: no limit), which
   * Spark counts per job — a block holds a downtime per scenario and function, so a large model's
   * blocks are megabytes.
   */
  static int tasksPerJob(long maxResultSize, List<MonteCarlo> ensembles) {
    if (maxResultSize <= 0) {
      return MAX_TASKS_PER_JOB;
    }
    long functions = ensembles.stream().mapToLong(e -> e.model().functions().size()).max().orElse(0);
    long block = Math.max(1, functions) * BLOCK_BYTES_PER_FUNCTION + 4096;
    return (int) Math.max(1, Math.min(MAX_TASKS_PER_JOB, maxResultSize / 2 / block));
  }

  /** The blocks of the next job: per ensemble not yet done, the next chunk of its blocks. */
  private static List<Task> tasks(List<State> states, int parallelism, int perJob) {
    int active = (int) states.stream().filter(s -> !s.done()).count();
    List<Task> tasks = new ArrayList<>();
    for (int k = 0; k < states.size(); k++) {
      State s = states.get(k);
      if (s.done()) {
        continue;
      }
      long remaining = s.merger.blockCount() - s.submitted;
      long chunk = remaining;
      if (s.ensemble.precision().isPresent()) {
        // whole rounds, about two blocks per core, so that little is simulated past the round
        // where the precision is reached
        long wanted = Math.max(MonteCarlo.ROUND, (2L * parallelism + active - 1) / active);
        chunk = (wanted + MonteCarlo.ROUND - 1) / MonteCarlo.ROUND * MonteCarlo.ROUND;
      }
      chunk = Math.min(Math.min(chunk, remaining), Math.max(1, perJob / active));
      for (long b = s.submitted; b < s.submitted + chunk; b++) {
        tasks.add(new Task(k, b));
      }
      s.submitted += chunk;
    }
    return tasks;
  }

  /** Runs one job of blocks and merges what comes back, until the job ends or is not needed. */
  private static void wave(JavaSparkContext spark, SimulateBlocks simulate, List<State> states, int parallelism,
      int perJob) {
    List<Task> tasks = tasks(states, parallelism, perJob);
    if (tasks.isEmpty()) {
      throw new IllegalStateException("no block left to run, but an ensemble is not complete");
    }
    LinkedBlockingQueue<Done> arrived = new LinkedBlockingQueue<>();
    String description = spark.getLocalProperty("spark.job.description");
    spark.setJobDescription("kuja: " + tasks.size() + " blocks of " + states.stream()
        .filter(s -> !s.done()).map(s -> s.name).distinct().count() + " ensemble(s)");
    SimpleFutureAction<BoxedUnit> job;
    try {
      job = spark.sc().submitJob(spark.parallelize(tasks, tasks.size()).rdd(), simulate,
          scala.collection.immutable.Range$.MODULE$.apply(0, tasks.size()),
          (partition, done) -> {
            // on Spark's scheduler thread: hand over, merge on the driver's
            arrived.addAll(done);
            return BoxedUnit.UNIT;
          },
          () -> BoxedUnit.UNIT);
    } finally {
      spark.setJobDescription(description);
    }
    boolean stopped = false;
    try {
      while (true) {
        Done d = arrived.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (d == null) {
          if (job.isCompleted()) {
            List<Done> rest = new ArrayList<>();
            arrived.drainTo(rest);
            rest.forEach(r -> merge(states, r));
            break;
          }
          continue;
        }
        merge(states, d);
        if (!stopped && states.stream().allMatch(State::done)) {
          job.cancel(); // the rest of the wave is not needed
          stopped = true;
        }
      }
    } catch (InterruptedException e) {
      job.cancel();
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for Spark");
    }
    if (!stopped) {
      scala.util.Try<BoxedUnit> outcome = job.value().get();
      if (outcome.isFailure()) {
        Throwable reason = outcome.failed().get();
        // Spark's reason names the task, its attempts and the last exception; its first line
        // is readable, the task's stack trace follows in the cause
        String first = String.valueOf(reason.getMessage()).lines().findFirst().orElse("");
        throw new IllegalStateException("the Spark job failed: " + first, reason);
      }
    }
  }

  /** Takes a block back: merges it and every block waiting after it, in order. */
  private static void merge(List<State> states, Done d) {
    State s = states.get(d.ensemble());
    long index = d.block().index();
    if (s.done() || index < s.merger.nextIndex() || s.waiting.containsKey(index)) {
      LOG.debug("{}: block {} came back again or is not needed; dropped", s.name, index);
      return;
    }
    s.waiting.put(index, d.block());
    while (!s.done() && !s.waiting.isEmpty() && s.waiting.firstKey() == s.merger.nextIndex()) {
      if (s.merger.cancelRequested()) {
        s.cancelled = true;
        break;
      }
      s.merger.add(s.waiting.pollFirstEntry().getValue());
    }
    long now = System.nanoTime();
    if (s.done()) {
      s.waiting.clear();
      LOG.info("{}{}", s.line(now), s.cancelled ? "; cancelled" : "; complete");
    } else if (s.progress.due(now)) {
      LOG.info("{}", s.line(now));
    }
  }
}
