package dev.kuja.cli;

import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.document.ScenarioDocuments;
import dev.kuja.model.Model;
import dev.kuja.simulation.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every analysis command shares: the model document and --json. */
final class Inputs {

  @Parameters(index = "0", paramLabel = "MODEL", description = "Model document (.yaml, .yml or .json).")
  Path model;

  @Option(names = "--json", description = "Print one JSON object instead of a readable table.")
  boolean json;

  Model model() {
    return ModelDocuments.read(model);
  }

  static Scenario scenario(Path file, Model model) {
    return ScenarioDocuments.read(file, model);
  }

  static Optional<Duration> optional(Duration d) {
    return Optional.ofNullable(d);
  }
}
