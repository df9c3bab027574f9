package dev.kuja.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.model.Model;
import dev.kuja.model.Reliability;
import dev.kuja.model.RepairTime;
import dev.kuja.model.Threat;
import dev.kuja.model.ImpactLevel;
import dev.kuja.model.ImpactThreshold;
import dev.kuja.scenario.EnsembleResult;
import dev.kuja.scenario.MonteCarlo;
import java.time.Duration;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A task that fails is retried by Spark, and its block is merged once: with the first attempt of
 * every block's task failing, the result is still exactly the local run's
 * (docs/stochastic.md#the-spark-runner). {@code local[2,3]}: two cores, up to three attempts per
 * task (a plain {@code local[2]} never retries).
 */
class RetriedTaskTest {

  static JavaSparkContext spark;

  @BeforeAll
  static void start() {
    spark = new JavaSparkContext(Contexts.conf(new SparkConf(), "local[2,3]", "kuja-spark retries"));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static Model county() {
    return Model.builder()
        .resource("grid", r -> r.reliability(Reliability.rate(4, new RepairTime.LogNormal(Duration.ofHours(3), 1))))
        .resource("generator", r -> r.reliability(Reliability.probability(0.2)))
        .resource("telecom", r -> r.requiresAny("grid", "generator").tolerance("PT2H")
            .reliability(Reliability.rate(1, new RepairTime.Exponential(Duration.ofHours(5)))))
        .function("care", f -> f.criticality("vital").mtpd("PT6H").requires("telecom")
            .impacts(List.of(ImpactThreshold.of(Duration.ofHours(1), "health", ImpactLevel.SERIOUS),
                ImpactThreshold.of(Duration.ofHours(12), "health", ImpactLevel.CATASTROPHIC))))
        .function("records", f -> f.criticality("important").requiresAny("grid", "telecom"))
        .build();
  }

  @Test
  void everyFirstAttemptFailsAndTheResultIsTheLocalOne() {
    MonteCarlo mc = MonteCarlo.of(county()).seed(17).scenarios(10 * MonteCarlo.BLOCK + 7)
        .threat(Threat.builder("storm").nodes("grid", "telecom").ratePerYear(0.5).duration("PT12H").build());
    LongAccumulator retried = spark.sc().longAccumulator("blocks done on a second attempt");
    BlockHook failFirst = (ensemble, block) -> {
      if (TaskContext.get().attemptNumber() == 0) {
        throw new IllegalStateException("the first attempt of block " + block + " fails on purpose");
      }
      retried.add(1); // a failed attempt's updates are dropped: this counts the attempts that succeeded
    };
    EnsembleResult r = SparkMonteCarlo.run(mc, spark, failFirst);
    assertEquals(mc.blockCount(), retried.value(), "every block was done on its second attempt");
    assertEquals(mc.run(), r);
  }

  @Test
  void aTargetPrecisionWithRetriesStopsWhereTheLocalRunStops() {
    MonteCarlo mc = MonteCarlo.of(county()).seed(3).scenarios(50 * MonteCarlo.BLOCK).precision(0.02);
    BlockHook failFirst = (ensemble, block) -> {
      if (TaskContext.get().attemptNumber() == 0 && block % 3 == 0) {
        throw new IllegalStateException("block " + block + " fails once on purpose");
      }
    };
    EnsembleResult local = mc.run();
    assertTrue(local.scenarios() < 50 * MonteCarlo.BLOCK, "stopped by the precision: " + local.scenarios());
    assertEquals(local, SparkMonteCarlo.run(mc, spark, failFirst));
  }

  @Test
  void aBlockThatAlwaysFailsFailsTheRunWithSparksReason() {
    MonteCarlo mc = MonteCarlo.of(county()).seed(5).scenarios(3 * MonteCarlo.BLOCK);
    BlockHook broken = (ensemble, block) -> {
      if (block == 1) {
        throw new IllegalStateException("block 1 is broken");
      }
    };
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> SparkMonteCarlo.run(mc, spark, broken));
    assertTrue(e.getMessage().startsWith("the Spark job failed: "), e.getMessage());
    assertTrue(e.getMessage().contains("block 1 is broken"), e.getMessage());
    assertTrue(e.getMessage().contains("failed 3 times"), e.getMessage());
    // the context is still usable
    assertEquals(mc.run(), SparkMonteCarlo.run(mc, spark));
  }
}
