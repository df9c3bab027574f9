package dev.kuja.spark;

import dev.kuja.scenario.EnsembleResult;
import dev.kuja.scenario.MonteCarlo;
import java.util.List;
import java.util.Objects;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs a Monte Carlo ensemble on Apache Spark: the same ensemble, the same blocks and the same
 * result as {@link MonteCarlo#run()}, to the last bit, on any number of executors
 * (docs/stochastic.md#the-spark-runner).
 *
 * <pre>{@code
 * MonteCarlo ensemble = MonteCarlo.of(model).seed(2026).scenarios(1_000_000);
 * try (JavaSparkContext spark = new JavaSparkContext(new SparkConf().setAppName("kuja"))) {
 *   EnsembleResult r = SparkMonteCarlo.run(ensemble, spark);   // equals ensemble.run()
 * }
 * }</pre>
 *
 * <p>The model travels to the executors once, as its JSON document in a broadcast, and is read
 * back there once per executor. Each block of {@value MonteCarlo#BLOCK} scenarios is a Spark task;
 * the driver merges the blocks in block order with the ensemble's {@link
 * MonteCarlo#merger() merger}, as the local run does, so every setting of the ensemble — period,
 * seed, threats added, target precision, confidence level, listener, cancellation, limits — means
 * what it means locally, except {@link MonteCarlo#threads(int) threads}: Spark decides how many
 * tasks run at once. A task that fails is retried by Spark; its block is merged once. The driver
 * logs its progress through SLF4J (logger {@code dev.kuja.spark.SparkMonteCarlo}, INFO): blocks
 * merged and the widest interval so far, every ten seconds.
 */
public final class SparkMonteCarlo {

  private SparkMonteCarlo() {}

  /**
   * Runs the ensemble on the cluster of {@code spark}.
   *
   * @return what {@link MonteCarlo#run()} returns for the same ensemble
   * @throws dev.kuja.model.ValidationException as {@link MonteCarlo#run()}, before anything runs
   * @throws java.util.concurrent.CancellationException when cancelled before any block was merged
   * @throws IllegalStateException when the Spark job fails (a task failed more often than Spark
   *     retries it), with Spark's reason
   */
  public static EnsembleResult run(MonteCarlo ensemble, JavaSparkContext spark) {
    return run(ensemble, spark, BlockHook.NONE);
  }

  static EnsembleResult run(MonteCarlo ensemble, JavaSparkContext spark, BlockHook hook) {
    Objects.requireNonNull(ensemble, "ensemble");
    Objects.requireNonNull(spark, "spark");
    return BlockJobs.run(List.of(ensemble), List.of("Monte Carlo ensemble"), spark, hook).get(0);
  }

  /**
   * Runs the ensemble on a Spark context of its own, started for this run on {@code master} and
   * stopped after it: what {@code kuja montecarlo --spark MASTER} does. With a {@code local}
   * master the driver binds to 127.0.0.1; Spark's web UI is off. Both can be changed by {@code
   * spark.*} system properties (for example {@code -Dspark.ui.enabled=true}).
   *
   * @param master a Spark master URL: {@code local[2]}, {@code local[*]}, {@code
   *     spark://host:7077}, {@code yarn}, {@code k8s://…}
   * @throws IllegalArgumentException when Spark does not take {@code master} for a master URL
   * @see #run(MonteCarlo, JavaSparkContext)
   */
  public static EnsembleResult run(MonteCarlo ensemble, String master) {
    Objects.requireNonNull(ensemble, "ensemble");
    try (JavaSparkContext spark = Contexts.start(Contexts.conf(new SparkConf(), master, "kuja montecarlo"))) {
      return run(ensemble, spark);
    }
  }
}
