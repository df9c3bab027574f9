package dev.kuja.cli;

import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.CutSets;
import dev.kuja.io.report.ResultsJson;
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

  @Option(names = "--function", required = true, paramLabel = "ID", description = "The function.")
  String function;

  @Option(names = "--order", defaultValue = "2", paramLabel = "K",
      description = "Largest set size (1 to 8, default ${DEFAULT-VALUE}).")
  int order;

  @Override
  public Integer call() {
    CutSets c = Analysis.of(in.model()).cutSets(function, order);
    spec.commandLine().getOut().println(in.json ? ResultsJson.cutSets(c) : c);
    return 0;
  }
}
