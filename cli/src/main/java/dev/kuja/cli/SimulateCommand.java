package dev.kuja.cli;

import dev.kuja.io.report.ResultsJson;
import dev.kuja.model.Model;
import dev.kuja.model.Problem;
import dev.kuja.model.Suggestions;
import dev.kuja.model.Threat;
import dev.kuja.model.ValidationException;
import dev.kuja.simulation.Scenario;
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
    description = "Simulate a scenario over time: who fails, when, for how long, why, which "
        + "MTPDs are breached and which impact levels are reached. Give the model documents and a "
        + "scenario document, in any order, or --threat for the worst case of a threat of the model.")
final class SimulateCommand implements Callable<Integer> {

  @Mixin Inputs in;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--threat", paramLabel = "ID", converter = Options.Id.class,
      description = "Instead of a scenario document: the worst case of this threat of the model (its "
          + "targets disrupted from the start for the 95th percentile of its duration).")
  String threat;

  @Option(names = "--fail-on-breach", description = "Exit with status 1 when any MTPD is exceeded.")
  boolean failOnBreach;

  @Override
  public Integer call() {
    List<Path> scenarios = in.scenarios();
    if (scenarios.size() > 1 || scenarios.isEmpty() == (threat == null)) {
      throw new IllegalArgumentException(scenarios.size() > 1
          ? "kuja simulate takes one scenario document (one that starts with 'kuja-scenario: 1'), not "
              + scenarios.size() + " (" + Inputs.names(scenarios) + "); kuja report simulates several"
          : scenarios.isEmpty() ? "give a SCENARIO document or --threat ID"
          : "give a SCENARIO document or --threat ID, not both");
    }
    Model m = in.simulated();
    Scenario s = threat == null ? Inputs.scenario(scenarios.get(0), m) : Scenario.of(m.threat(threat)
        .orElseThrow(() -> new ValidationException(List.of(Problem.setting("--threat",
            "no threat '" + threat + "' in the model"
                + Suggestions.hint(threat, m.threats().stream().map(Threat::id).toList()))))));
    SimulationResult r = Simulator.of(m).run(s);
    if (in.json) {
      Kuja.json(spec.commandLine().getOut(), g -> ResultsJson.writeSimulation(g, r));
    } else {
      spec.commandLine().getOut().println(r);
    }
    return failOnBreach && !r.mtpdBreaches().isEmpty() ? Kuja.FOUND : 0;
  }
}
