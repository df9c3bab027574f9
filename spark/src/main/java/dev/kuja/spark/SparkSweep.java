package dev.kuja.spark;

import dev.kuja.scenario.EnsembleResult;
import dev.kuja.scenario.EnsembleSweep;
import dev.kuja.scenario.MonteCarlo;
import dev.kuja.scenario.Sweep;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs a {@link Sweep} of Monte Carlo ensembles on Apache Spark — an ensemble on every variant,
 * the blocks of all of them as the tasks of one Spark job — with the result of {@link
 * Sweep#run(MonteCarlo)} (docs/stochastic.md#the-spark-runner).
 *
 * <pre>{@code
 * Sweep<Duration> fuel = Sweep.of("fuel stock", List.of(Duration.ofHours(24), Duration.ofDays(3)),
 *     d -> Variants.tolerance(model, "generator", "fuel", d));
 * EnsembleSweep table = SparkSweep.run(fuel, MonteCarlo.of(model).seed(7).scenarios(100_000), spark);
 * }</pre>
 *
 * <p>The variants are built on the driver, each travels once as a broadcast; a run of more than
 * {@value BlockJobs#MAX_TASKS_PER_JOB} blocks, or one to a target precision, takes several jobs.
 */
public final class SparkSweep {

  private SparkSweep() {}

  /**
   * Runs {@code ensemble} over every variant of the sweep on the cluster of {@code spark}.
   *
   * @return what {@link Sweep#run(MonteCarlo)} returns
   * @throws dev.kuja.model.ValidationException as {@link MonteCarlo#run()}, for any variant,
   *     before anything runs
   * @throws IllegalStateException when the Spark job fails, with Spark's reason
   */
  public static EnsembleSweep run(Sweep<?> sweep, MonteCarlo ensemble, JavaSparkContext spark) {
    Objects.requireNonNull(sweep, "sweep");
    Objects.requireNonNull(ensemble, "ensemble");
    Objects.requireNonNull(spark, "spark");
    List<Sweep.Variant> variants = sweep.variants();
    List<MonteCarlo> ensembles = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Sweep.Variant v : variants) {
      ensembles.add(ensemble.over(v.model()));
      names.add(sweep.parameter() + " = " + v.value());
    }
    List<EnsembleResult> results = BlockJobs.run(ensembles, names, spark, BlockHook.NONE);
    List<EnsembleSweep.Row> rows = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      rows.add(new EnsembleSweep.Row(variants.get(i).value(), results.get(i)));
    }
    return new EnsembleSweep(sweep.parameter(), rows);
  }
}
