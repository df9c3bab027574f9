package dev.kuja.cli;

import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.Impact;
import dev.kuja.io.report.ResultsJson;
import dev.kuja.model.Model;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "impact", mixinStandardHelpOptions = true,
    description = "What fails when these nodes fail and stay down (within a horizon, if given).")
final class ImpactCommand implements Callable<Integer> {

  @Mixin Inputs in;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--fail", required = true, split = ",", paramLabel = "ID", converter = Options.Id.class,
      description = "Nodes that fail, separated by commas.")
  List<String> fail;

  @Option(names = "--horizon", converter = Options.Time.class, paramLabel = "DURATION",
      description = "Only failures within this time, e.g. PT48H (tolerances count).")
  Duration horizon;

  @Override
  public Integer call() {
    Model m = in.model();
    fail.forEach(id -> Options.node(m, "--fail", id));
    Impact impact = horizon == null ? Analysis.of(m).impact(fail) : Analysis.of(m).impact(fail, horizon);
    if (in.json) {
      Kuja.json(spec.commandLine().getOut(), g -> ResultsJson.writeImpact(g, impact));
    } else {
      spec.commandLine().getOut().println(impact);
    }
    return 0;
  }
}
