package dev.kuja.cli;

import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.CutSets;
import dev.kuja.io.report.ResultsJson;
import dev.kuja.model.Model;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "cutsets", mixinStandardHelpOptions = true,
    description = "Minimal failure sets of a function up to an order: order 1 are the SPOFs, "
        + "order 2 the double points of failure.")
final class CutSetsCommand implements Callable<Integer> {

  @Mixin Inputs in;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--function", required = true, paramLabel = "ID", converter = Options.Id.class,
      description = "The function.")
  String function;

  @Option(names = "--order", defaultValue = "2", paramLabel = "K", converter = Options.Order.class,
      description = "Largest set size (1 to 8, default ${DEFAULT-VALUE}).")
  int order;

  @Override
  public Integer call() {
    Model m = in.model();
    CutSets c = Analysis.of(m).cutSets(Options.node(m, "--function", function), order);
    if (in.json) {
      Kuja.json(spec.commandLine().getOut(), g -> ResultsJson.writeCutSets(g, c));
    } else {
      spec.commandLine().getOut().println(c);
    }
    return 0;
  }
}
