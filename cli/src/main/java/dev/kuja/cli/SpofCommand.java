package dev.kuja.cli;

import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.SpofReport;
import dev.kuja.io.report.ResultsJson;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "spof", mixinStandardHelpOptions = true,
    description = "Single points of failure of every function (or of one), with the chain that "
        + "explains each; common-cause SPOFs defeat redundancy.")
final class SpofCommand implements Callable<Integer> {

  @Mixin Inputs in;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--function", paramLabel = "ID", description = "Only this function (or node).")
  String function;

  @Option(names = "--horizon", converter = Inputs.DurationConverter.class, paramLabel = "DURATION",
      description = "Count a failure only if it brings the function down within this time.")
  Duration horizon;

  @Option(names = "--fail-on-spof", description = "Exit with status 1 when any SPOF is found.")
  boolean failOnSpof;

  @Override
  public Integer call() throws IOException {
    Model m = in.model();
    Analysis a = Analysis.of(m);
    List<SpofReport> reports;
    if (function == null && horizon == null) {
      reports = a.spofs(); // every function at once
    } else {
      List<String> targets = new ArrayList<>();
      if (function != null) {
        targets.add(m.requireNode(function).id());
      } else {
        m.functions().stream().map(Node::id).forEach(targets::add);
      }
      reports = new ArrayList<>();
      for (String f : targets) {
        reports.add(horizon == null ? a.spofs(f) : a.spofs(f, horizon));
      }
    }
    var out = spec.commandLine().getOut();
    if (in.json) {
      ResultsJson.spofs(reports, out);
    } else {
      reports.forEach(r -> out.println(r + "\n"));
    }
    boolean any = reports.stream().anyMatch(r -> !r.spofs().isEmpty());
    return failOnSpof && any ? Kuja.FOUND : 0;
  }
}
