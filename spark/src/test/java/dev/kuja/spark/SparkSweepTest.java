package dev.kuja.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kuja.model.Model;
import dev.kuja.model.Reliability;
import dev.kuja.model.RepairTime;
import dev.kuja.model.Threat;
import dev.kuja.scenario.EnsembleSweep;
import dev.kuja.scenario.MonteCarlo;
import dev.kuja.scenario.Sweep;
import dev.kuja.scenario.Variants;
import java.time.Duration;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A sweep of ensembles on Spark is the local sweep: every row, field by field. */
class SparkSweepTest {

  static JavaSparkContext spark;

  @BeforeAll
  static void start() {
    spark = new JavaSparkContext(Contexts.conf(new SparkConf(), "local[2]", "kuja-spark sweeps"));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static Model hospital() {
    return Model.builder()
        .supplier("fuel", s -> s.reliability(Reliability.rate(3, new RepairTime.LogNormal(Duration.ofHours(20), 0.8))))
        .resource("grid", r -> r.reliability(Reliability.rate(2, new RepairTime.Exponential(Duration.ofHours(6)))))
        .resource("generator", r -> r.requires("fuel").tolerance("PT24H"))
        .function("care", f -> f.criticality("vital").mtpd("PT4H").requiresAny("grid", "generator"))
        .function("kitchen", f -> f.criticality("important").mtpd("PT12H").requires("grid"))
        .build();
  }

  Sweep<Duration> fuelStock() {
    Model m = hospital();
    return Sweep.of("fuel stock", List.of(Duration.ofHours(6), Duration.ofHours(24), Duration.ofDays(3), Duration.ofDays(14)),
        d -> Variants.tolerance(m, "generator", "fuel", d));
  }

  @Test
  void theSweepIsTheLocalSweep() {
    MonteCarlo mc = MonteCarlo.of(hospital()).seed(8).scenarios(1_500)
        .threat(Threat.builder("storm").nodes("grid", "fuel").ratePerYear(0.4).duration("P2D").build());
    EnsembleSweep local = fuelStock().run(mc);
    assertEquals(local, SparkSweep.run(fuelStock(), mc, spark));
  }

  @Test
  void aSweepToATargetPrecisionStopsEveryVariantWhereItStopsLocally() {
    MonteCarlo mc = MonteCarlo.of(hospital()).seed(9).scenarios(30_000).precision(0.015);
    EnsembleSweep local = fuelStock().run(mc);
    assertEquals(local, SparkSweep.run(fuelStock(), mc, spark));
  }
}
