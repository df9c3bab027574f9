package dev.kuja.bench;

import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.Spof;
import dev.kuja.analysis.SpofReport;
import dev.kuja.io.Format;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.report.HtmlReport;
import dev.kuja.io.report.TextReport;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.RepairTime;
import dev.kuja.model.Threat;
import dev.kuja.report.Report;
import dev.kuja.scenario.MonteCarlo;
import dev.kuja.simulation.Scenario;
import dev.kuja.simulation.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The speed targets of Kuja on generated national models ({@link NationalModels}, seed 42).
 * Run with {@code java -jar bench/target/benchmarks.jar} (see bench/README.md).
 */
public class Benchmarks {

  /** A generated model and its analyses, built once per trial. */
  @State(Scope.Benchmark)
  public static class Loaded {
    @Param({"1000000"})
    public int size;

    Model model;
    Analysis analysis;
    /** A nationwide blackout: both transmission lines. */
    final List<String> blackout = List.of("transmission-1", "transmission-2");
    final String function = "a0/c0/emergency-care";
    Scenario storm;

    @Setup(Level.Trial)
    public void setUp() {
      model = NationalModels.generate(size, 42);
      analysis = Analysis.of(model);
      analysis.impact(blackout); // builds the compact form outside the measurement
      Scenario.Builder s = Scenario.builder("storm").horizon("P7D")
          .disrupt("transmission-1", "PT0S", "PT4H").disrupt("transmission-2", "PT0S", "PT4H");
      int areas = (int) model.nodes().stream().filter(n -> n.id().endsWith("/substation")).count();
      for (int a = 0; a < areas; a += 10) {
        s.disrupt("a" + a + "/grid", "PT2H", "PT48H").disrupt("a" + a + "/roads", "PT2H", "PT24H");
      }
      storm = s.build();
    }
  }

  /** Impact of one failure set, no horizon. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public Object impact(Loaded s) {
    return s.analysis.impact(s.blackout);
  }

  /** Failure times with tolerances. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public Object failureTimes(Loaded s) {
    return s.analysis.failureTimes(s.blackout);
  }

  /** SPOFs of one function, with explanations. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public Object spofs(Loaded s) {
    return s.analysis.spofs(s.function);
  }

  /** A generated model, its compact form built, for the analyses of every function at once. */
  @State(Scope.Benchmark)
  public static class Everything {
    @Param({"100000", "1000000"})
    public int size;

    Model model;

    @Setup(Level.Trial)
    public void setUp() {
      model = NationalModels.generate(size, 42);
      Analysis.of(model).impact("transmission-1");
    }
  }

  /**
   * The SPOFs of every function, with their paths available: a fresh analysis finds them all
   * and every report is asked for its counts (the lists are explained when read).
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  public long spofsOfEveryFunction(Everything s) {
    long count = 0;
    for (SpofReport r : Analysis.of(s.model).spofs()) {
      count += r.spofs().size() + r.commonCauseCount();
    }
    return count;
  }

  /** As {@link #spofsOfEveryFunction}, then every path of every function is read. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  public long spofsOfEveryFunctionExplained(Everything s) {
    long count = 0;
    for (SpofReport r : Analysis.of(s.model).spofs()) {
      for (Spof spof : r.spofs()) {
        count += spof.path().size();
      }
    }
    return count;
  }

  /** A 10^5-node model for the baseline of every function's SPOFs. */
  @State(Scope.Benchmark)
  public static class PerFunction {
    @Param({"100000"})
    public int size;

    Model model;

    @Setup(Level.Trial)
    public void setUp() {
      model = NationalModels.generate(size, 42);
      Analysis.of(model).impact("transmission-1");
    }
  }

  /**
   * The baseline: the one-function engine run for every function in turn, as {@code
   * Analysis.spofs()} did before (that version ran out of a 6 GB heap at this size; the engine
   * now runs on each function's closure alone, so this loop finishes).
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public long spofsFunctionByFunction(PerFunction s) {
    Analysis a = Analysis.of(s.model);
    long count = 0;
    for (Node f : s.model.functions()) {
      for (Spof spof : a.spofs(f.id()).spofs()) {
        count += spof.path().size();
      }
    }
    return count;
  }

  /** One scenario over 7 days. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
  @Warmup(iterations = 2, time = 5)
  @Measurement(iterations = 3, time = 5)
  public Object simulate(Loaded s) {
    return Simulator.of(s.model).run(s.storm);
  }

  /** Criticality ranking of every node. */
  @State(Scope.Benchmark)
  public static class Ranked {
    @Param({"10000", "100000", "1000000"})
    public int size;

    Analysis analysis;

    @Setup(Level.Trial)
    public void setUp() {
      analysis = Analysis.of(NationalModels.generate(size, 42));
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  public Object ranking(Ranked s) {
    return s.analysis.ranking();
  }

  /** The naive baseline for the ranking. */
  @State(Scope.Benchmark)
  public static class Naive {
    @Param({"1000", "10000"})
    public int size;

    Model model;

    @Setup(Level.Trial)
    public void setUp() {
      model = NationalModels.generate(size, 42);
    }
  }

  // the baseline and Kuja at its sizes are both measured warm (average time after warm-up):
  // a single cold shot of either mostly measures the JIT compiler
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public Object naiveRanking(Naive s) {
    return NaiveRanking.scores(s.model);
  }

  /** Kuja's ranking at the naive baseline's sizes, in the same run, for the ratio. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public Object kujaRankingAtNaiveSizes(Naive s) {
    return Analysis.of(s.model).ranking();
  }

  /** Minimal cut sets up to order 2 of one function. */
  @State(Scope.Benchmark)
  public static class CutSetState {
    @Param({"100000"})
    public int size;

    Analysis analysis;

    @Setup(Level.Trial)
    public void setUp() {
      analysis = Analysis.of(NationalModels.generate(size, 42));
      analysis.impact("transmission-1");
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public Object cutSetsOrder2(CutSetState s) {
    return s.analysis.cutSets("a0/c0/emergency-care", 2);
  }

  /** The function whose cut sets are measured beside SCRAM's (bench/README.md). */
  static final String CUT_SET_FUNCTION = "a0/c0/emergency-care";

  /** Minimal cut sets of one function at growing sizes and orders, the trees SCRAM is timed on. */
  @State(Scope.Benchmark)
  public static class CutSetScale {
    @Param({"1000", "10000", "100000"})
    public int size;

    @Param({"2", "3"})
    public int order;

    Analysis analysis;

    @Setup(Level.Trial)
    public void setUp() {
      analysis = Analysis.of(NationalModels.generate(size, 42));
      analysis.impact("transmission-1"); // freezes the compact form
    }
  }

  /**
   * SPOFs and minimal cut sets up to the order, from scratch on the frozen model, of the
   * function whose fault tree SCRAM analyses in bench/README.md.
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  public Object cutSetsBesideScram(CutSetScale s) {
    return s.analysis.cutSets(CUT_SET_FUNCTION, s.order);
  }

  /** Every function's cut sets, the whole model SCRAM is timed on (one fault tree per function). */
  @State(Scope.Benchmark)
  public static class CutSetEveryFunction {
    @Param({"1000", "10000"})
    public int size;

    @Param({"2", "3"})
    public int order;

    Analysis analysis;
    List<String> functions;

    @Setup(Level.Trial)
    public void setUp() {
      Model model = NationalModels.generate(size, 42);
      analysis = Analysis.of(model);
      analysis.impact("transmission-1"); // freezes the compact form
      functions = model.functions().stream().map(dev.kuja.model.Node::id).toList();
    }
  }

  /** SPOFs and minimal cut sets up to the order of every function of the model. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
  @Warmup(iterations = 2, time = 2)
  @Measurement(iterations = 5, time = 2)
  public int cutSetsEveryFunctionBesideScram(CutSetEveryFunction s) {
    int sets = 0;
    for (String f : s.functions) {
      sets += s.analysis.cutSets(f, s.order).size();
    }
    return sets;
  }

  /**
   * The generator's model of {@code size} nodes written to a new temporary document, JSON or
   * YAML by the suffix; the model itself is left to the collector.
   */
  static Path written(int size, String suffix) throws IOException {
    Path file = Files.createTempFile("kuja-national-", suffix);
    ModelDocuments.write(NationalModels.generate(size, 42), file);
    System.gc();
    return file;
  }

  /**
   * A 10^6-node model document in JSON on disk: read, validated and frozen within a 2 GiB heap
   * ({@link #load}), and the input of the text report end to end ({@link #reportText}).
   */
  @State(Scope.Benchmark)
  public static class Document {
    @Param({"1000000"})
    public int size;

    Path file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      file = written(size, ".json");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      Files.deleteIfExists(file);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public Object load(Document s) {
    Model m = ModelDocuments.read(s.file);
    return Analysis.of(m); // freezes the compact form
  }

  /** A 10^5-node model document in YAML. */
  @State(Scope.Benchmark)
  public static class YamlDocument {
    @Param({"100000"})
    public int size;

    Path file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      file = written(size, ".yaml");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      Files.deleteIfExists(file);
    }
  }

  /** A YAML document read, validated and frozen. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  public Object loadYaml(YamlDocument s) {
    return Analysis.of(ModelDocuments.read(s.file));
  }

  /**
   * {@code kuja report MODEL} end to end, in process, as ReportCommand does it: read the
   * document, build the report with the double points of the 15 most exposed functions, print
   * the text (to a writer that drops it) — within a 4 GiB heap.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public long reportText(Document s) {
    Model m = ModelDocuments.read(s.file);
    Report report = Report.builder(m).doublePoints(TextReport.DEFAULT_TOP).build();
    Counting out = new Counting();
    PrintWriter w = new PrintWriter(out);
    TextReport.print(report, s.file.toString(), TextReport.DEFAULT_TOP, w);
    w.flush();
    return out.chars;
  }

  /** A writer that counts what it is given and keeps nothing. */
  static final class Counting extends Writer {
    long chars;

    @Override
    public void write(char[] buf, int off, int len) {
      chars += len;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** A 10^5-node model, for the HTML report end to end. */
  @State(Scope.Benchmark)
  public static class HtmlInput {
    @Param({"100000"})
    public int size;

    Path model;
    Path page;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      model = written(size, ".json");
      page = Files.createTempFile("kuja-national-", ".html");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      Files.deleteIfExists(model);
      Files.deleteIfExists(page);
    }
  }

  /** {@code kuja report MODEL --html FILE}: read, build the report, write the page. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public Object reportHtml(HtmlInput s) throws IOException {
    Report report = Report.builder(ModelDocuments.read(s.model)).doublePoints(TextReport.DEFAULT_TOP).build();
    HtmlReport.write(report, s.page);
    return Files.size(s.page);
  }

  /** A model with reliability data and a Monte Carlo ensemble over it, on two threads. */
  @State(Scope.Benchmark)
  public static class Ensemble {
    @Param({"10000"})
    public int size;

    MonteCarlo monteCarlo;

    @Setup(Level.Trial)
    public void setUp() {
      monteCarlo = ensemble(NationalModels.withReliability(NationalModels.generate(size, 42), 42));
    }
  }

  /** The benchmarks' ensemble: a year per scenario, two threads, and a storm over three areas. */
  static MonteCarlo ensemble(Model model) {
    return MonteCarlo.of(model).period("P365D").seed(42).scenarios(ENSEMBLE).threads(2)
        .threat(Threat.builder("storm").nodes("a0/grid", "a1/grid", "a2/grid").ratePerYear(0.5)
            .duration(new RepairTime.LogNormal(java.time.Duration.ofHours(12), 0.7)).build());
  }

  /** Scenarios per ensemble run. */
  static final int ENSEMBLE = 4096;

  /** Monte Carlo throughput: the score is scenarios per second (one year each, two threads). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(ENSEMBLE)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
  @Warmup(iterations = 3, time = 5)
  @Measurement(iterations = 5, time = 5)
  public Object monteCarlo(Ensemble s) {
    return s.monteCarlo.run();
  }

  /**
   * The same ensemble on a model no ensemble has run on: its episodes are not known yet (they
   * are kept per model), as in the first run a user makes. Each invocation gets a new copy of the
   * model, made outside the measured time.
   */
  @State(Scope.Benchmark)
  public static class FirstEnsemble {
    @Param({"10000"})
    public int size;

    Model model;
    MonteCarlo monteCarlo;

    @Setup(Level.Trial)
    public void setUp() {
      model = NationalModels.withReliability(NationalModels.generate(size, 42), 42);
    }

    @Setup(Level.Invocation)
    public void newModel() {
      monteCarlo = ensemble(model.toBuilder().build());
    }
  }

  /**
   * Monte Carlo throughput of a first run (scenarios per second): {@link #monteCarlo} with the
   * cost of finding the model's episodes.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  public Object monteCarloFirstRun(FirstEnsemble s) {
    return s.monteCarlo.run();
  }

  /** Keeps the format import used (JSON documents). */
  static final Format FORMAT = Format.JSON;
}
