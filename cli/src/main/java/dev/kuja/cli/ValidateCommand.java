package dev.kuja.cli;

import dev.kuja.io.DocumentException;
import dev.kuja.io.report.ResultsJson;
import dev.kuja.model.Model;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check model documents, composed into one model, and list every problem in them.")
final class ValidateCommand implements Callable<Integer> {

  @Mixin Inputs in;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    try {
      Model m = in.model();
      if (in.json) {
        Kuja.json(out, g -> ResultsJson.writeValidation(g, List.of()));
      } else {
        out.println(Terminal.safe(Inputs.names(in.documents)) + ": valid. " + m);
      }
      return 0;
    } catch (DocumentException e) {
      if (in.json) {
        Kuja.json(out, g -> ResultsJson.writeValidation(g, e.problems()));
      }
      return Kuja.report(e, err);
    }
  }
}
