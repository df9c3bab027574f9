package dev.kuja.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kuja.model.Threat;
import dev.kuja.scenario.EnsembleResult;
import dev.kuja.scenario.MonteCarlo;
import dev.kuja.testing.Case;
import dev.kuja.testing.KujaArbitraries;
import dev.kuja.testing.RiskModels;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Spark runner gives the local run's result, field by field (docs/stochastic.md#the-spark-runner):
 * for random models — reliability data by rate and by probability, MTPDs, impact thresholds,
 * threats of the model and threats added to the ensemble — random seeds and sizes, with and
 * without a target precision. One Spark context ({@code local[2]}) for the whole class; few
 * tries, since every try is a Spark job.
 */
class SparkEqualityProperties {

  static JavaSparkContext spark;

  @BeforeContainer
  static void start() {
    spark = new JavaSparkContext(Contexts.conf(new SparkConf(), "local[2]", "kuja-spark tests"));
  }

  @AfterContainer
  static void stop() {
    spark.stop();
  }

  /**
   * Models of 1..12 nodes, half of them with reliability data (a rate with repairs, or a
   * probability), with risk data and threats of their own, and 0..2 threats added.
   */
  @Provide
  Arbitrary<Case<List<Threat>>> ensembles() {
    return RiskModels.withRiskAndThreats(KujaArbitraries.models().nodes(1, 12).withReliability(
        Arbitraries.oneOf(KujaArbitraries.failureRates(), KujaArbitraries.failureProbabilities()), 0.5), 0, 2);
  }

  @Property(tries = 20)
  void sparkGivesTheLocalResult(@ForAll("ensembles") Case<List<Threat>> c, @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 2_000) int scenarios) {
    MonteCarlo mc = MonteCarlo.of(c.model()).period("P30D").seed(seed).scenarios(scenarios)
        .threat(c.input().toArray(Threat[]::new));
    EnsembleResult local = mc.run();
    assertEquals(local, SparkMonteCarlo.run(mc, spark));
  }

  @Property(tries = 10)
  void aTargetPrecisionStopsSparkWhereItStopsTheLocalRun(@ForAll("ensembles") Case<List<Threat>> c,
      @ForAll long seed) {
    MonteCarlo mc = MonteCarlo.of(c.model()).period("P7D").seed(seed).scenarios(6 * 1024)
        .threat(c.input().toArray(Threat[]::new)).precision(0.03);
    assertEquals(mc.run(), SparkMonteCarlo.run(mc, spark));
  }
}
