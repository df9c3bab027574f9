package dev.kuja.bench;

import dev.kuja.model.Model;
import dev.kuja.model.RepairTime;
import dev.kuja.model.Threat;
import dev.kuja.scenario.EnsembleResult;
import dev.kuja.scenario.MonteCarlo;
import dev.kuja.spark.SparkMonteCarlo;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Plain benchmark of the Spark runner's overhead (bench/README.md, "Spark overhead"): one Monte
 * Carlo ensemble of the generated national model, the ensemble of the Monte Carlo JMH benchmark,
 * run in process on two threads ({@link MonteCarlo#run()}) and on Spark {@code local[2]} ({@link
 * SparkMonteCarlo}), alternately, after a warm-up of each; prints scenario-years per second of
 * both and the ratio of their times, and checks that both give the same result. Not a JMH
 * benchmark: a run takes minutes, and Spark starts its own threads.
 *
 * <pre>
 * java SPARK_JAVA_OPTIONS -cp 'bench/target/benchmarks.jar:SPARK_JARS/*' dev.kuja.bench.SparkOverhead [SIZE [SCENARIOS [REPEATS]]]
 * </pre>
 *
 * Defaults: 10,000 nodes, 100,000 scenario-years, 2 repeats. The Spark context is started once,
 * before the timings (as under spark-submit); its start is printed separately.
 */
public final class SparkOverhead {

  private SparkOverhead() {}

  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    long scenarios = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Model model = NationalModels.withReliability(NationalModels.generate(size, 42), 42);
    MonteCarlo mc = MonteCarlo.of(model).period("P365D").seed(42).scenarios(scenarios).threads(2)
        .threat(Threat.builder("storm").nodes("a0/grid", "a1/grid", "a2/grid").ratePerYear(0.5)
            .duration(new RepairTime.LogNormal(java.time.Duration.ofHours(12), 0.7)).build());
    long started = System.nanoTime();
    SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("kuja SparkOverhead")
        .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1");
    try (JavaSparkContext spark = new JavaSparkContext(conf)) {
      System.out.printf(Locale.ROOT, "Spark context started in %.1f s%n", (System.nanoTime() - started) / 1e9);
      MonteCarlo warmUp = mc.scenarios(Math.min(scenarios, 8_192));
      if (!warmUp.run().equals(SparkMonteCarlo.run(warmUp, spark))) {
        throw new AssertionError("Spark and the local run differ (warm-up)");
      }
      System.out.printf(Locale.ROOT, "%,d nodes, %,d scenario-years per ensemble%n", model.size(), scenarios);
      for (int i = 0; i < repeats; i++) {
        long t0 = System.nanoTime();
        EnsembleResult local = mc.run();
        long t1 = System.nanoTime();
        EnsembleResult onSpark = SparkMonteCarlo.run(mc, spark);
        long t2 = System.nanoTime();
        if (!local.equals(onSpark)) {
          throw new AssertionError("Spark and the local run differ");
        }
        double l = (t1 - t0) / 1e9;
        double s = (t2 - t1) / 1e9;
        System.out.printf(Locale.ROOT,
            "repeat %d: in process (2 threads) %.1f s, %,.0f scenario-years/s; Spark local[2] %.1f s,"
                + " %,.0f scenario-years/s; Spark time / in-process time %.3f (overhead %+.1f %%)%n",
            i + 1, l, scenarios / l, s, scenarios / s, s / l, (s / l - 1) * 100);
      }
    }
  }
}
