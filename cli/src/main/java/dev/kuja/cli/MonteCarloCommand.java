package dev.kuja.cli;

import dev.kuja.io.report.ResultsJson;
import dev.kuja.model.Model;
import dev.kuja.model.Problem;
import dev.kuja.model.ValidationException;
import dev.kuja.scenario.EnsembleResult;
import dev.kuja.scenario.MonteCarlo;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "montecarlo", mixinStandardHelpOptions = true,
    description = "Sample years (or another period) of failures from the nodes' reliability data, "
        + "simulate each, and report per function P(down), P(outage > MTPD) and the distribution "
        + "of downtime, with confidence intervals. The same seed gives the same numbers on any "
        + "number of threads.")
final class MonteCarloCommand implements Callable<Integer> {

  @Mixin Inputs in;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--scenarios", defaultValue = "10000", converter = Options.Count.class,
      description = "Scenarios to simulate (the maximum with --precision; default ${DEFAULT-VALUE}).")
  long scenarios;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--period", defaultValue = "P365D", converter = Options.Period.class,
      description = "Study period of each scenario, ISO-8601 (default ${DEFAULT-VALUE}).")
  Duration period;

  @Option(names = "--threads", converter = Options.AtLeastOne.class, description = "Threads (default: every core).")
  Integer threads;

  @Option(names = "--precision", converter = Options.HalfWidth.class,
      description = "Stop once every probability is known to plus or minus this (e.g. 0.01).")
  Double precision;

  @Option(names = "--importance", paramLabel = "FUNCTION", converter = Options.Id.class,
      description = "Print the importance measures of every basic event for this function instead.")
  String importance;

  @Option(names = "--force", description = "Run even an ensemble beyond the limits: more than "
      + "100,000,000 scenarios or more than 100,000,000 expected sampled outages.")
  boolean force;

  @Option(names = "--spark", paramLabel = "MASTER", description = "Run the ensemble on Apache Spark at "
      + "this master (local[2], spark://host:7077, yarn, k8s://...): the same numbers. Needs kuja-spark "
      + "and Spark's jars on the class path (README, 'Running on a cluster').")
  String spark;

  /** The class of kuja-spark that runs an ensemble on a master of its own. */
  static final String SPARK_RUNNER = "dev.kuja.spark.SparkMonteCarlo";

  @Override
  public Integer call() {
    Model m = in.model();
    if (importance != null) {
      importance = Options.node(m, "--importance", importance);
    }
    MonteCarlo mc = MonteCarlo.of(m).period(period).seed(seed).scenarios(scenarios);
    if (!force && importance == null) {
      // the limits of MonteCarlo.run(), said in the options' terms
      List<Problem> problems = new ArrayList<>();
      if (scenarios > MonteCarlo.MAX_SCENARIOS) {
        problems.add(Problem.setting("--scenarios", String.format(Locale.ROOT,
            "%,d scenarios are more than the limit of %,d; ask for fewer, or add --force",
            scenarios, MonteCarlo.MAX_SCENARIOS)));
      }
      double expected = mc.expectedOutages();
      if (expected > MonteCarlo.MAX_EXPECTED_OUTAGES) {
        problems.add(Problem.setting("--scenarios", String.format(Locale.ROOT,
            "the ensemble would sample about %.2g outages (%,d scenarios × %.3g each), more than the"
                + " limit of %,d; lower --scenarios or --period, check the failure rates, or add"
                + " --force to run it anyway", expected, scenarios, expected / scenarios,
            MonteCarlo.MAX_EXPECTED_OUTAGES)));
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
    }
    if (spark != null) {
      List<Problem> problems = new ArrayList<>();
      if (importance != null) {
        problems.add(Problem.setting("--spark", "runs ensembles; --importance runs on this machine only"));
      }
      if (threads != null) {
        problems.add(Problem.setting("--threads", "Spark decides how many blocks run at once; leave out"
            + " --threads with --spark"));
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
    }
    mc = mc.force();
    if (threads != null) {
      mc = mc.threads(threads);
    }
    if (precision != null) {
      mc = mc.precision(precision);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (importance != null) {
      var r = mc.importance(importance);
      if (in.json) {
        Kuja.json(out, g -> ResultsJson.writeImportance(g, r));
      } else {
        out.println(r);
      }
      return 0;
    }
    if (System.console() != null) {
      PrintWriter err = Kuja.rawErr(spec);
      mc = mc.listener((done, planned) -> {
        synchronized (err) {
          err.printf(Locale.ROOT, "\r%,d of %,d scenarios", done, planned);
          err.flush();
        }
      });
    }
    EnsembleResult r = spark == null ? mc.run() : onSpark(mc, spark);
    if (System.console() != null) {
      Kuja.rawErr(spec).print("\r");
      Kuja.rawErr(spec).flush();
    }
    if (in.json) {
      Kuja.json(out, g -> ResultsJson.writeEnsemble(g, r));
    } else {
      out.println(r);
    }
    return 0;
  }

  /**
   * Runs the ensemble with kuja-spark ({@code SparkMonteCarlo.run(ensemble, master)}), found on the
   * class path: the cli does not depend on Spark.
   *
   * @throws ValidationException naming --spark when kuja-spark or Spark is not on the class path
   */
  static EnsembleResult onSpark(MonteCarlo mc, String master) {
    java.lang.reflect.Method run;
    try {
      Class.forName("org.apache.spark.SparkContext", false, MonteCarloCommand.class.getClassLoader());
      run = Class.forName(SPARK_RUNNER).getMethod("run", MonteCarlo.class, String.class);
    } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
      throw new ValidationException(List.of(Problem.setting("--spark", "kuja-spark and Spark's jars are not"
          + " on the class path (" + e.getMessage() + " is missing): run java -cp"
          + " 'kuja.jar:kuja-spark.jar:SPARK_JARS/*' dev.kuja.cli.Kuja montecarlo ... --spark " + master
          + " (README, 'Running on a cluster')")));
    }
    try {
      return (EnsembleResult) run.invoke(null, mc, master);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + SPARK_RUNNER + ".run", e);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re; // bad master (IllegalArgumentException), bad threats, a failed Spark job
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("Spark failed: " + e.getCause(), e.getCause());
    }
  }
}
