package dev.kuja.cli;

import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.SpofReport;
import dev.kuja.io.report.ResultsJson;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import java.time.Duration;
import java.util.AbstractList;
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

  @Option(names = "--function", paramLabel = "ID", converter = Options.Id.class, description = "Only this function (or node).")
  String function;

  @Option(names = "--horizon", converter = Options.Time.class, paramLabel = "DURATION",
      description = "Count a failure only if it brings the function down within this time.")
  Duration horizon;

  @Option(names = "--fail-on-spof", description = "Exit with status 1 when any SPOF is found.")
  boolean failOnSpof;

  @Override
  public Integer call() {
    Model m = in.model();
    Analysis analysis = Analysis.of(m);
    boolean[] any = {false};
    List<SpofReport> reports;
    if (function == null && horizon == null) {
      // every function at once; each report's explanations are made when it is printed
      List<SpofReport> all = analysis.spofs();
      all.forEach(r -> any[0] |= !r.spofs().isEmpty());
      reports = all;
    } else {
      List<String> targets = new ArrayList<>();
      if (function != null) {
        targets.add(Options.node(m, "--function", function));
      } else {
        m.functions().stream().map(Node::id).forEach(targets::add);
      }
      // one report at a time, printed as it comes: together they can be quadratic in the model
      // (every node of a chain is a SPOF of every function above it)
      reports = new AbstractList<>() {
        @Override
        public SpofReport get(int i) {
          SpofReport r = horizon == null ? analysis.spofs(targets.get(i)) : analysis.spofs(targets.get(i), horizon);
          any[0] |= !r.spofs().isEmpty();
          return r;
        }

        @Override
        public int size() {
          return targets.size();
        }
      };
    }
    var out = spec.commandLine().getOut();
    if (in.json) {
      Kuja.json(out, g -> ResultsJson.writeSpofs(g, reports));
    } else {
      for (SpofReport r : reports) {
        out.println(r + "\n");
      }
    }
    return failOnSpof && any[0] ? Kuja.FOUND : 0;
  }
}
