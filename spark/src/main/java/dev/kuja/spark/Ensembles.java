package dev.kuja.spark;

import dev.kuja.io.OutputFile;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.report.ResultsJson;
import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.model.Problem;
import dev.kuja.model.ValidationException;
import dev.kuja.scenario.EnsembleResult;
import dev.kuja.scenario.EnsembleSweep;
import dev.kuja.scenario.MonteCarlo;
import dev.kuja.scenario.Sweep;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The entry point for {@code spark-submit}: a Monte Carlo ensemble of a model document, or a
 * sweep of ensembles, on the cluster spark-submit names (docs/stochastic.md#the-spark-runner).
 *
 * <pre>
 * spark-submit --class dev.kuja.spark.Ensembles --master spark://host:7077 --driver-memory 2g \
 *     kuja.jar national.json --scenarios 1000000 --seed 2026 --json ensemble.json
 * </pre>
 *
 * Prints the result as text on stdout and, with {@code --json FILE}, writes it as JSON (the
 * shape of {@code kuja montecarlo --json}; a sweep as {@code {"parameter", "rows": [{"value",
 * "ensemble"}]}}). Exit status as the {@code kuja} command's: 0 done, 2 bad input (every problem
 * on stderr), 3 a failure of Kuja or of Spark (one line).
 */
@Command(name = "dev.kuja.spark.Ensembles", mixinStandardHelpOptions = true, sortOptions = false,
    description = "A Monte Carlo ensemble of a model, or a sweep of ensembles, on Apache Spark: "
        + "the same numbers as 'kuja montecarlo' with the same options.")
public final class Ensembles implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(Ensembles.class);

  @Parameters(index = "0", paramLabel = "MODEL", description = "The model document (YAML or JSON).")
  Path model;

  @Option(names = "--scenarios", defaultValue = "10000", paramLabel = "N",
      description = "Scenarios per ensemble (the maximum with --precision; default ${DEFAULT-VALUE}).")
  String scenarios;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default ${DEFAULT-VALUE}).")
  String seed;

  @Option(names = "--period", defaultValue = "P365D", paramLabel = "D",
      description = "Study period of each scenario, ISO-8601 (default ${DEFAULT-VALUE}).")
  String period;

  @Option(names = "--precision", paramLabel = "H",
      description = "Stop once every probability is known to plus or minus this (e.g. 0.01).")
  String precision;

  @Option(names = "--sweep", paramLabel = "SPEC",
      description = "An ensemble per value of a parameter: " + SweepOption.SYNTAX
          + " (durations ISO-8601), e.g. tolerance:gen-1,fuel=PT24H,P3D,P14D.")
  String sweep;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON to FILE.")
  Path json;

  @Option(names = "--force", description = "Run even an ensemble beyond the limits: more than "
      + "100,000,000 scenarios or 100,000,000 expected sampled outages.")
  boolean force;

  private final SparkConf conf;
  private final PrintWriter out;

  private Ensembles(SparkConf conf, PrintWriter out) {
    this.conf = conf;
    this.out = out;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int status = run(args, new SparkConf(), out, err);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /**
   * Runs with the given arguments and Spark settings ({@code spark-submit}'s, or {@code spark.*}
   * system properties) and returns the exit status.
   */
  static int run(String[] args, SparkConf conf, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Ensembles(conf, out));
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("kuja: " + safe(e.getMessage()));
      err.println("kuja: usage: " + safe(e.getCommandLine().getHelp().synopsis(0).strip()));
      return 2;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parsed) -> report(e, err));
    try {
      return cli.execute(args);
    } catch (Throwable t) {
      return report(t, err); // errors (out of memory) pass picocli by
    }
  }

  @Override
  public Integer call() {
    MonteCarlo ensemble = ensemble();
    Sweep<Duration> swept = sweep == null ? null : SweepOption.parse(sweep, ensemble.model());
    if (json != null) {
      OutputFile.refuseInputs(json, "--json", List.of(model));
    }
    try (JavaSparkContext spark = Contexts.start(Contexts.conf(conf, null, "kuja ensembles"))) {
      if (swept == null) {
        EnsembleResult r = SparkMonteCarlo.run(ensemble, spark);
        if (json != null) {
          OutputFile.write(json, w -> ResultsJson.write(w, g -> ResultsJson.writeEnsemble(g, r)));
        }
        out.println(r);
      } else {
        EnsembleSweep r = SparkSweep.run(swept, ensemble, spark);
        if (json != null) {
          OutputFile.write(json, w -> ResultsJson.write(w, g -> ResultsJson.writeEnsembleSweep(g, r)));
        }
        out.println(r);
      }
    }
    out.flush();
    return 0;
  }

  /** The ensemble the options describe; every problem with them at once. */
  private MonteCarlo ensemble() {
    Model m = ModelDocuments.read(model);
    List<Problem> problems = new ArrayList<>();
    MonteCarlo mc = MonteCarlo.of(m);
    try {
      mc = mc.scenarios(whole("--scenarios", scenarios, problems, 1));
    } catch (IllegalArgumentException e) {
      problems.add(Problem.setting("--scenarios", e.getMessage()));
    }
    mc = mc.seed(whole("--seed", seed, problems, Long.MIN_VALUE));
    try {
      Duration d = Durations.parse(period);
      mc = mc.period(d);
    } catch (IllegalArgumentException e) {
      problems.add(Problem.setting("--period", e.getMessage()));
    }
    if (precision != null) {
      try {
        mc = mc.precision(Double.parseDouble(precision.strip().equals(precision) ? precision : "x"));
      } catch (NumberFormatException e) {
        problems.add(Problem.setting("--precision", "'" + precision + "' is not a number (e.g. 0.01)"));
      } catch (IllegalArgumentException e) {
        problems.add(Problem.setting("--precision", e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return force ? mc.force() : mc;
  }

  private static long whole(String option, String text, List<Problem> problems, long least) {
    try {
      long n = Long.parseLong(text.replace("_", ""));
      if (n < least) {
        problems.add(Problem.setting(option, "must be at least " + least + ", not " + text));
      }
      return Math.max(n, least);
    } catch (NumberFormatException e) {
      problems.add(Problem.setting(option, "'" + text + "' is not a whole number"));
      return least;
    }
  }

  /**
   * What went wrong and the exit status: bad input one line per problem (2), anything else one
   * line (3), its stack trace logged.
   */
  static int report(Throwable t, PrintWriter err) {
    if (t instanceof CommandLine.ExecutionException x && x.getCause() != null) {
      t = x.getCause();
    }
    if (t instanceof ValidationException v) {
      for (Problem p : v.problems()) {
        String subject = p.element().kind() == Problem.Element.Kind.SETTING ? "kuja" : v.subject();
        err.println(safe(p.location().isPresent() ? p.toString() : subject + ": " + p));
      }
      return 2;
    }
    if (t instanceof IllegalArgumentException || t instanceof NoSuchElementException
        || t instanceof UncheckedIOException) {
      err.println("kuja: " + safe(t.getMessage()));
      return 2;
    }
    LOG.error("the ensemble failed", t);
    String line = t instanceof OutOfMemoryError
        ? "kuja: out of memory; give the driver more (spark-submit --driver-memory 4g …) or ask for less"
        : "kuja: the ensemble failed: " + t;
    err.println(safe(line));
    return 3;
  }

  /** Text with every control character (other than a tab) escaped, safe to print. */
  static String safe(String text) {
    StringBuilder sb = new StringBuilder();
    String s = String.valueOf(text);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7f || c >= 0x80 && c < 0xa0) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
