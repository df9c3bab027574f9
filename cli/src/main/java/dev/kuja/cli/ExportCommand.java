package dev.kuja.cli;

import dev.kuja.analysis.Analysis;
import dev.kuja.io.Format;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.export.GraphExport;
import dev.kuja.io.export.OpenPsaMef;
import dev.kuja.io.report.HtmlReport;
import dev.kuja.model.Model;
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
        + "itself as YAML or JSON.")
final class ExportCommand implements Callable<Integer> {

  static final java.util.List<String> FORMATS = java.util.List.of("graphml", "dot", "mermaid", "mef", "html", "yaml", "json");

  /** The formats, for help and completion. */
  static final class Formats extends java.util.ArrayList<String> {
    Formats() {
      super(FORMATS);
    }
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "Model document.")
  Path model;

  @Option(names = "--to", required = true, paramLabel = "FORMAT", completionCandidates = Formats.class,
      converter = Options.ExportFormat.class,
      description = "One of: ${COMPLETION-CANDIDATES}.")
  String to;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of stdout.")
  Path output;

  @Override
  public Integer call() {
    String format = to;
    if (output != null) {
      OutputFile.refuseInputs(output, "--output", List.of(model));
    }
    Model m = ModelDocuments.read(model);
    String text = switch (format) {
      case "graphml" -> GraphExport.graphml(m);
      case "dot" -> GraphExport.dot(m, Analysis.of(m).spofs());
      case "mermaid" -> GraphExport.mermaid(m);
      case "mef" -> OpenPsaMef.write(m);
      case "html" -> HtmlReport.render(Report.of(m));
      case "yaml" -> ModelDocuments.write(m, Format.YAML);
      default -> ModelDocuments.write(m, Format.JSON);
    };
    if (output == null) {
      // the document itself, as it is: a model's texts hold no control characters
      Kuja.rawOut(spec).print(text);
      Kuja.rawOut(spec).flush();
    } else {
      OutputFile.writeString(output, text);
    }
    return 0;
  }
}
