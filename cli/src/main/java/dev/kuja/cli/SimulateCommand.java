package dev.kuja.cli;

import dev.kuja.io.report.ResultsJson;
import dev.kuja.model.Model;
import dev.kuja.simulation.SimulationResult;
import dev.kuja.simulation.Simulator;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Simulate a scenario over time: who fails, when, for how long, why, and which "
        + "MTPDs are breached. Give the model documents and one scenario document, in any order.")
final class SimulateCommand implements Callable<Integer> {

  @Mixin Inputs in;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--fail-on-breach", description = "Exit with status 1 when any MTPD is exceeded.")
  boolean failOnBreach;

  @Override
  public Integer call() {
    List<Path> scenarios = in.scenarios();
    if (scenarios.size() != 1) {
      throw new IllegalArgumentException("kuja simulate takes one scenario document (one that starts "
          + "with 'kuja-scenario: 1'), not " + scenarios.size()
          + (scenarios.isEmpty() ? "" : " (" + Inputs.names(scenarios) + "); kuja report simulates several"));
    }
    Model m = in.simulated();
    SimulationResult r = Simulator.of(m).run(Inputs.scenario(scenarios.get(0), m));
    if (in.json) {
      Kuja.json(spec.commandLine().getOut(), g -> ResultsJson.writeSimulation(g, r));
    } else {
      spec.commandLine().getOut().println(r);
    }
    return failOnBreach && !r.mtpdBreaches().isEmpty() ? Kuja.FOUND : 0;
  }
}
