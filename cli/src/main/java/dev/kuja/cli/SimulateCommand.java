package dev.kuja.cli;

import dev.kuja.io.report.ResultsJson;
import dev.kuja.model.Model;
import dev.kuja.simulation.SimulationResult;
import dev.kuja.simulation.Simulator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Simulate a scenario over time: who fails, when, for how long, why, and which "
        + "MTPDs are breached.")
final class SimulateCommand implements Callable<Integer> {

  @Mixin Inputs in;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "1", paramLabel = "SCENARIO", description = "Scenario document.")
  Path scenario;

  @Option(names = "--fail-on-breach", description = "Exit with status 1 when any MTPD is exceeded.")
  boolean failOnBreach;

  @Override
  public Integer call() {
    Model m = in.model();
    SimulationResult r = Simulator.of(m).run(Inputs.scenario(scenario, m));
    if (in.json) {
      Kuja.json(spec.commandLine().getOut(), g -> ResultsJson.writeSimulation(g, r));
    } else {
      spec.commandLine().getOut().println(r);
    }
    return failOnBreach && !r.mtpdBreaches().isEmpty() ? Kuja.FOUND : 0;
  }
}
