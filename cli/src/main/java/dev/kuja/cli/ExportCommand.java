package dev.kuja.cli;

import dev.kuja.analysis.Analysis;
import dev.kuja.io.Format;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.export.GraphExport;
import dev.kuja.io.export.OpenPsaMef;
import dev.kuja.io.report.HtmlReport;
import dev.kuja.model.Model;
import dev.kuja.region.PublicView;
import dev.kuja.report.Report;
import dev.kuja.io.OutputFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export the model for other tools: GraphML (yEd, Gephi), DOT (Graphviz, SPOFs "
        + "highlighted), Mermaid (Markdown), Open-PSA MEF (fault-tree tools), a self-contained HTML "
        + "report (browsers; add scenarios with 'kuja report --html'), or the model document "
        + "itself as YAML or JSON. With --public --organisation O: the document O can share with "
        + "the others of its region (docs/regional.md#public-views).")
final class ExportCommand implements Callable<Integer> {

  static final java.util.List<String> FORMATS = java.util.List.of("graphml", "dot", "mermaid", "mef", "html", "yaml", "json");

  /** The formats, for help and completion. */
  static final class Formats extends java.util.ArrayList<String> {
    Formats() {
      super(FORMATS);
    }
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "MODEL", arity = "1..*",
      description = "Model documents (.yaml, .yml or .json), composed into one model.")
  java.util.List<Path> models;

  @Option(names = "--to", paramLabel = "FORMAT", completionCandidates = Formats.class,
      converter = Options.ExportFormat.class,
      description = "One of: ${COMPLETION-CANDIDATES}. Required, except with --public (yaml or json; "
          + "default: from the name of -o, else yaml).")
  String to;

  @Option(names = "--public", description = "Write the public view of the organisation given by "
      + "--organisation: its services that others use, their commitments, and only the internals "
      + "the others need (shared dependencies as anonymised stand-ins).")
  boolean publicView;

  @Option(names = "--organisation", paramLabel = "ID", description = "With --public: whose view.")
  String organisation;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of stdout.")
  Path output;

  @Override
  public Integer call() {
    if (publicView || organisation != null) {
      return publicView();
    }
    if (to == null) {
      throw new IllegalArgumentException("--to is required: one of " + String.join(", ", FORMATS)
          + " (or --public --organisation ID for an organisation's public view)");
    }
    String format = to;
    if (output != null) {
      OutputFile.refuseInputs(output, "--output", models);
    }
    Model m = read();
    String text = switch (format) {
      case "graphml" -> GraphExport.graphml(m);
      case "dot" -> GraphExport.dot(m, Analysis.of(m).spofs());
      case "mermaid" -> GraphExport.mermaid(m);
      case "mef" -> OpenPsaMef.write(m);
      case "html" -> HtmlReport.render(Report.of(m));
      case "yaml" -> ModelDocuments.write(m, Format.YAML);
      default -> ModelDocuments.write(m, Format.JSON);
    };
    emit(text);
    return 0;
  }

  /** The public view of --organisation, as a YAML or JSON model document. */
  private int publicView() {
    if (!publicView) {
      throw new IllegalArgumentException("--organisation goes with --public");
    }
    if (organisation == null) {
      throw new IllegalArgumentException("--public needs --organisation: whose public view to write");
    }
    Format format;
    if (to != null) {
      if (!to.equals("yaml") && !to.equals("json")) {
        throw new IllegalArgumentException("a public view is a model document: --to yaml or --to json, not '" + to + "'");
      }
      format = to.equals("yaml") ? Format.YAML : Format.JSON;
    } else {
      format = output == null ? Format.YAML : Format.of(output).orElse(Format.YAML);
    }
    if (output != null) {
      OutputFile.refuseInputs(output, "--output", models);
    }
    Model m = read();
    PublicView view = PublicView.of(m, organisation);
    if (!view.exactTimes()) {
      spec.commandLine().getErr().println(Terminal.safe("kuja: note: the public view of " + organisation
          + " gives conservative failure times for " + String.join(", ", view.approximated())
          + ": their internal routes delay different inputs differently (docs/regional.md#what-a-public-view-reveals)"));
    }
    emit(ModelDocuments.write(view.model(), format));
    return 0;
  }

  /** The model; -o may not name a document it includes either. */
  private Model read() {
    Model m = ModelDocuments.read(models);
    if (output != null) {
      OutputFile.refuseInputs(output, "--output", m.sources().stream().map(Path::of).toList());
    }
    return m;
  }

  private void emit(String text) {
    if (output == null) {
      // the document itself, as it is: a model's texts hold no control characters
      Kuja.rawOut(spec).print(text);
      Kuja.rawOut(spec).flush();
    } else {
      OutputFile.writeString(output, text);
    }
  }
}
