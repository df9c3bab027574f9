package dev.kuja.cli;

import dev.kuja.io.report.ResultsJson;
import dev.kuja.model.Model;
import dev.kuja.scenario.EnsembleResult;
import dev.kuja.scenario.MonteCarlo;
import java.io.PrintWriter;
import java.time.Duration;
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

  @Option(names = "--scenarios", defaultValue = "10000",
      description = "Scenarios to simulate (the maximum with --precision; default ${DEFAULT-VALUE}).")
  long scenarios;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--period", defaultValue = "P365D", converter = Inputs.DurationConverter.class,
      description = "Study period of each scenario, ISO-8601 (default ${DEFAULT-VALUE}).")
  Duration period;

  @Option(names = "--threads", description = "Threads (default: every core).")
  Integer threads;

  @Option(names = "--precision",
      description = "Stop once every probability is known to plus or minus this (e.g. 0.01).")
  Double precision;

  @Option(names = "--importance", paramLabel = "FUNCTION",
      description = "Print the importance measures of every basic event for this function instead.")
  String importance;

  @Override
  public Integer call() {
    Model m = in.model();
    MonteCarlo mc = MonteCarlo.of(m).period(period).seed(seed).scenarios(scenarios);
    if (threads != null) {
      mc = mc.threads(threads);
    }
    if (precision != null) {
      mc = mc.precision(precision);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (importance != null) {
      var r = mc.importance(importance);
      out.println(in.json ? ResultsJson.importance(r) : r);
      return 0;
    }
    if (System.console() != null) {
      PrintWriter err = spec.commandLine().getErr();
      mc = mc.listener((done, planned) -> {
        synchronized (err) {
          err.printf(Locale.ROOT, "\r%,d of %,d scenarios", done, planned);
          err.flush();
        }
      });
    }
    EnsembleResult r = mc.run();
    if (System.console() != null) {
      spec.commandLine().getErr().print("\r");
    }
    out.println(in.json ? ResultsJson.ensemble(r) : r);
    return 0;
  }
}
