package dev.kuja.cli;

import dev.kuja.io.report.RiskJson;
import dev.kuja.model.Model;
import dev.kuja.simulation.RecoveryObjectives;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(name = "objectives", mixinStandardHelpOptions = true,
    description = "Recovery objectives rolled up through the chains: for every node, how soon it "
        + "must be back for every function to keep its RTO (and its MTPD), which function and chain "
        + "set that, and where a declared RTO (a supplier's restoration commitment) is longer than "
        + "required.")
final class ObjectivesCommand implements Callable<Integer> {

  @Mixin Inputs in;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Model m = in.model();
    RecoveryObjectives o = RecoveryObjectives.of(m);
    spec.commandLine().getOut().println(in.json ? RiskJson.objectives(o) : o);
    return 0;
  }
}
