package dev.kuja.cli;

import dev.kuja.io.Format;
import dev.kuja.io.OutputFile;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.table.BiaCsv;
import dev.kuja.io.table.BiaWorkbook;
import dev.kuja.model.Model;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Turn a BIA into a model document: two CSV tables (nodes.csv: id, kind, name, "
        + "owner, criticality, mtpd, rto, recovery, tags; requirements.csv: node, alternatives, k, "
        + "tolerance), or one workbook (.xlsx or .ods) with the same tables as its sheets 'nodes' "
        + "and 'requirements'.")
final class ImportCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** Where the BIA comes from: two CSV tables, or one workbook. */
  static final class Source {
    @ArgGroup(exclusive = false)
    Tables tables;

    @Option(names = "--workbook", required = true, paramLabel = "FILE",
        description = "A workbook (.xlsx or .ods) with the sheets 'nodes' and 'requirements'.")
    Path workbook;
  }

  /** The two CSV tables. */
  static final class Tables {
    @Option(names = "--nodes", required = true, paramLabel = "CSV", description = "The nodes table.")
    Path nodes;

    @Option(names = "--requirements", required = true, paramLabel = "CSV", description = "The requirements table.")
    Path requirements;
  }

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the model here (.yaml or .json) instead of YAML on stdout.")
  Path output;

  @Override
  public Integer call() {
    List<Path> inputs = source.workbook != null ? List.of(source.workbook)
        : List.of(source.tables.nodes, source.tables.requirements);
    if (output != null) {
      OutputFile.refuseInputs(output, "--output", inputs);
    }
    Model m = source.workbook != null ? BiaWorkbook.read(source.workbook)
        : BiaCsv.read(source.tables.nodes, source.tables.requirements);
    if (output == null) {
      Kuja.rawOut(spec).print(ModelDocuments.write(m, Format.YAML));
      Kuja.rawOut(spec).flush();
    } else {
      ModelDocuments.write(m, output);
    }
    return 0;
  }
}
