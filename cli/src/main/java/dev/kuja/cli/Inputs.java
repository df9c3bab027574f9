package dev.kuja.cli;

import dev.kuja.io.document.DocumentKind;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.document.ScenarioDocuments;
import dev.kuja.model.Model;
import dev.kuja.simulation.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options every analysis command shares: the documents and --json. Several model documents
 * are composed into one model (docs/regional.md#composing-documents); commands that also take
 * scenarios tell the two kinds apart by their version key (docs/cli.md#documents-on-the-command-line).
 */
final class Inputs {

  @Parameters(paramLabel = "MODEL", arity = "1..*",
      description = "Model documents (.yaml, .yml or .json), composed into one model; for commands "
          + "that simulate, also scenario documents (those starting with kuja-scenario).")
  List<Path> documents = new ArrayList<>();

  @Option(names = "--json", description = "Print one JSON object instead of a readable table.")
  boolean json;

  private List<Path> models;
  private List<Path> scenarios;

  /** The model documents, in the order given. */
  List<Path> models() {
    sort();
    return models;
  }

  /** The scenario documents, in the order given. */
  List<Path> scenarios() {
    sort();
    return scenarios;
  }

  private void sort() {
    if (models == null) {
      models = new ArrayList<>();
      scenarios = new ArrayList<>();
      for (Path p : documents) {
        (DocumentKind.of(p) == DocumentKind.SCENARIO ? scenarios : models).add(p);
      }
    }
  }

  /** Documents as a command names them in its output: "a.yaml, b.yaml". */
  static String names(List<Path> files) {
    return files.stream().map(Path::toString).collect(Collectors.joining(", "));
  }

  /**
   * The model of the documents given. A scenario document among them is refused by the model
   * reader, with its message at the file: commands that take scenarios use {@link
   * #simulated()}.
   */
  Model model() {
    return ModelDocuments.read(documents);
  }

  /** The model of the model documents, for commands that also take scenario documents. */
  Model simulated() {
    if (models().isEmpty()) {
      throw new IllegalArgumentException("no model document among " + names(documents)
          + ": a model document starts with 'kuja: 1', a scenario document with 'kuja-scenario: 1'");
    }
    return ModelDocuments.read(models());
  }

  static Scenario scenario(Path file, Model model) {
    return ScenarioDocuments.read(file, model);
  }

  static Optional<Duration> optional(Duration d) {
    return Optional.ofNullable(d);
  }
}
