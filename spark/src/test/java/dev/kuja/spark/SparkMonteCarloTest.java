package dev.kuja.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.model.Model;
import dev.kuja.model.Reliability;
import dev.kuja.model.RepairTime;
import dev.kuja.model.Threat;
import dev.kuja.model.ValidationException;
import dev.kuja.scenario.EnsembleResult;
import dev.kuja.scenario.MonteCarlo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/**
 * The entry point {@code kuja montecarlo --spark MASTER} calls ({@link
 * SparkMonteCarlo#run(MonteCarlo, String)}: a context of its own per run), and the settings of an
 * ensemble that are not numbers — the listener, cancellation, the limits — on Spark as locally.
 */
class SparkMonteCarloTest {

  static Model grid() {
    return Model.builder()
        .resource("grid", r -> r.reliability(Reliability.rate(6, new RepairTime.Exponential(Duration.ofHours(4)))))
        .resource("ups", r -> r.requires("grid").tolerance("PT30M"))
        .function("care", f -> f.criticality("vital").mtpd("PT2H").requires("ups"))
        .function("admin", f -> f.criticality("supporting").requires("grid"))
        .build();
  }

  @Test
  void theCommandLinesEntryPointGivesTheLocalResultOnAnyNumberOfCores() {
    MonteCarlo mc = MonteCarlo.of(grid()).seed(21).scenarios(2_000)
        .threat(Threat.builder("storm").nodes("grid").probability(0.3).duration("P2D").build());
    EnsembleResult local = mc.run();
    assertEquals(local, SparkMonteCarlo.run(mc, "local[2]"));
    assertEquals(local, SparkMonteCarlo.run(mc, "local[1]"));
    assertEquals(local, SparkMonteCarlo.run(mc, "local[3]"));
    MonteCarlo precise = mc.scenarios(40_000).precision(0.01);
    assertEquals(precise.run(), SparkMonteCarlo.run(precise, "local[3]"));
  }

  @Test
  void aMasterSparkDoesNotKnowIsBadInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SparkMonteCarlo.run(MonteCarlo.of(grid()).scenarios(10), "nowhere:7077"));
    assertTrue(e.getMessage().startsWith("'nowhere:7077' is not a Spark master URL (local[2]"), e.getMessage());
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> Contexts.start(new SparkConf(false).setAppName("x")));
    assertTrue(none.getMessage().startsWith("no Spark master: run through spark-submit --master"), none.getMessage());
  }

  @Test
  void theListenerCancellationAndLimitsAreTheLocalOnes() {
    try (JavaSparkContext spark = new JavaSparkContext(Contexts.conf(new SparkConf(), "local[2]", "kuja-spark settings"))) {
      // the listener hears every block in order, on the driver
      List<Long> heard = new ArrayList<>();
      MonteCarlo mc = MonteCarlo.of(grid()).seed(4).scenarios(5 * MonteCarlo.BLOCK + 1)
          .listener((done, planned) -> heard.add(done));
      SparkMonteCarlo.run(mc, spark);
      assertEquals(List.of(256L, 512L, 768L, 1024L, 1280L, 1281L), heard);

      // cancelled before the fourth block is merged: the first three, marked cancelled
      AtomicInteger asked = new AtomicInteger();
      EnsembleResult cut = SparkMonteCarlo.run(mc.cancelWhen(() -> asked.incrementAndGet() > 3), spark);
      assertTrue(cut.cancelled());
      assertEquals(3 * MonteCarlo.BLOCK, cut.scenarios());
      EnsembleResult three = mc.scenarios(3 * MonteCarlo.BLOCK).run();
      assertEquals(three.functions(), cut.functions());
      assertThrows(CancellationException.class, () -> SparkMonteCarlo.run(mc.cancelWhen(() -> true), spark));

      // beyond the limits: refused on the driver, as locally, unless forced
      MonteCarlo big = MonteCarlo.of(grid()).scenarios(MonteCarlo.MAX_SCENARIOS + 1);
      ValidationException e = assertThrows(ValidationException.class, () -> SparkMonteCarlo.run(big, spark));
      assertTrue(e.getMessage().contains("more than the limit of 100,000,000"), e.getMessage());
      // threats naming what is not there: every problem, before anything runs
      MonteCarlo bad = mc.threat(Threat.builder("flood").nodes("gird").probability(0.1).build());
      ValidationException t = assertThrows(ValidationException.class, () -> SparkMonteCarlo.run(bad, spark));
      assertEquals(assertThrows(ValidationException.class, bad::run).problems(), t.problems());
    }
  }

  @Test
  void theModelTravelsAsItsDocumentWithTheEnsemblesThreats() {
    Threat storm = Threat.builder("storm").nodes("grid").probability(0.3).build();
    MonteCarlo mc = MonteCarlo.of(grid()).seed(2).scenarios(300).threat(storm);
    ShippedEnsemble shipped = EnsemblesTest.travelled(ShippedEnsemble.of(mc));
    MonteCarlo there = shipped.ensemble();
    assertEquals(List.of(storm), there.model().threats());
    assertEquals(grid().nodes(), there.model().nodes());
    assertEquals(mc.blockCount(), there.blockCount());
    assertTrue(shipped.ensemble() == there, "read once per JVM");
    assertEquals(mc.merge(List.of(there.simulateBlock(0), there.simulateBlock(1))), mc.run());
    Model m = grid();
    assertTrue(ShippedEnsemble.sampled(MonteCarlo.of(m)) == m, "without added threats, the model itself");
  }

  /**
   * A block holds a downtime per scenario and function, so a large model's blocks are megabytes;
   * Spark refuses a job whose results pass spark.driver.maxResultSize (1g by default): the runner
   * splits the blocks into jobs that stay under it.
   */
  @Test
  void jobsStayUnderSparksLimitOnTheSizeOfResults() {
    Model.Builder b = Model.builder()
        .resource("grid", r -> r.reliability(Reliability.rate(50, new RepairTime.Exponential(Duration.ofHours(2)))));
    for (int i = 0; i < 60; i++) {
      b.function("f" + i, f -> f.criticality("important").requires("grid"));
    }
    MonteCarlo mc = MonteCarlo.of(b.build()).seed(12).scenarios(40 * MonteCarlo.BLOCK);
    int perJob = BlockJobs.tasksPerJob(1 << 20, List.of(mc));
    assertEquals((1 << 19) / (60 * BlockJobs.BLOCK_BYTES_PER_FUNCTION + 4096), perJob);
    assertEquals(BlockJobs.MAX_TASKS_PER_JOB, BlockJobs.tasksPerJob(0, List.of(mc)), "0: no limit");
    assertEquals(BlockJobs.MAX_TASKS_PER_JOB, BlockJobs.tasksPerJob(1L << 40, List.of(mc)));
    SparkConf small = Contexts.conf(new SparkConf(), "local[2]", "kuja-spark result size")
        .set("spark.driver.maxResultSize", "1m");
    try (JavaSparkContext spark = new JavaSparkContext(small)) {
      // 40 blocks of about 120 kB: 4.8 MB in one job would be refused
      assertEquals(mc.run(), SparkMonteCarlo.run(mc, spark));
    }
  }

  @Test
  void aModelWithExternalsTravelsWithThemAndGivesTheLocalResult() {
    // a county's side of a region: the grid is another organisation's service, declared as an
    // external with the provider's commitment (docs/regional.md#externals)
    Model county = Model.builder()
        .organisation("county", "County").organisation("power-co", "Power company")
        .external(dev.kuja.model.External.of("grid", dev.kuja.model.NodeKind.RESOURCE, "power-co")
            .withRto(Duration.ofHours(4)))
        .resource("ups", r -> r.owner("county").requires("grid").tolerance("PT30M")
            .reliability(Reliability.rate(2, new RepairTime.Exponential(Duration.ofHours(3)))))
        .function("care", f -> f.owner("county").criticality("vital").mtpd("PT2H").requires("ups"))
        .threat(Threat.builder("storm").nodes("grid").ratePerYear(3).duration("PT12H").build())
        .build();
    assertTrue(county.isExternal("grid"));
    Threat heat = Threat.builder("heat").nodes("ups").probability(0.2).duration("P1D").build();
    MonteCarlo mc = MonteCarlo.of(county).seed(6).scenarios(700).threat(heat);
    MonteCarlo there = EnsemblesTest.travelled(ShippedEnsemble.of(mc)).ensemble();
    assertTrue(there.model().isExternal("grid"), "the external is still an external");
    assertEquals(county.externals(), there.model().externals());
    assertEquals(mc.threats(), there.model().threats());
    assertEquals(mc.run(), SparkMonteCarlo.run(mc, "local[2]"));
  }

  @Test
  void progressLinesComeEveryTenSecondsAndSayHowFarTheMergeHasGot() {
    Progress p = new Progress("ensemble", 0);
    assertFalse(p.due(Progress.INTERVAL - 1));
    assertTrue(p.due(Progress.INTERVAL));
    assertFalse(p.due(Progress.INTERVAL + 1));
    assertTrue(p.due(2 * Progress.INTERVAL + 5));
    assertEquals("ensemble: 120 of 391 blocks, 30,720 scenarios in 31.0 s (991 scenarios/s); widest interval half-width 0.0042",
        p.line(120, 391, 30_720, 0.00421, 31_000_000_000L));
  }
}
