package dev.kuja.cli;

import dev.kuja.io.report.RiskJson;
import dev.kuja.model.Model;
import dev.kuja.scenario.MonteCarlo;
import dev.kuja.scenario.RiskMatrix;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "risk", mixinStandardHelpOptions = true,
    description = "The computed risk matrix: for each threat of the model (and for all causes "
        + "together, threats and node reliability), the probability per year that each function "
        + "reaches each impact level or worse, its likelihood class and its cell of the "
        + "five-by-five matrix. The same seed gives the same numbers on any number of threads.")
final class RiskCommand implements Callable<Integer> {

  @Mixin Inputs in;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--scenarios", defaultValue = "10000", paramLabel = "N", converter = Options.Count.class,
      description = "Scenario-years per threat and for all causes (default ${DEFAULT-VALUE}).")
  long scenarios;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "T", converter = Options.AtLeastOne.class, description = "Threads (default: every core).")
  Integer threads;

  @Override
  public Integer call() {
    Model m = in.model();
    MonteCarlo mc = MonteCarlo.of(m).seed(seed).scenarios(scenarios);
    if (threads != null) {
      mc = mc.threads(threads);
    }
    boolean progress = !in.json && System.console() != null;
    if (progress) {
      PrintWriter err = spec.commandLine().getErr();
      mc = mc.listener((done, planned) -> {
        synchronized (err) {
          err.printf(Locale.ROOT, "\r%,d of %,d scenarios", done, planned);
          err.flush();
        }
      });
    }
    RiskMatrix r = RiskMatrix.of(mc);
    if (progress) {
      spec.commandLine().getErr().print("\r\033[K");
    }
    spec.commandLine().getOut().println(in.json ? RiskJson.riskMatrix(r) : r);
    return 0;
  }
}
