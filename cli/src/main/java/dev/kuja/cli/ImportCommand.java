package dev.kuja.cli;

import dev.kuja.io.Format;
import dev.kuja.io.OutputFile;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.table.BiaCsv;
import dev.kuja.io.table.BiaWorkbook;
import dev.kuja.model.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Turn a BIA into a model document: CSV tables (nodes.csv: id, kind, name, owner, "
        + "criticality, mtpd, rto, recovery, tags; requirements.csv: node, alternatives, k, tolerance; "
        + "optionally impacts.csv: function, after, category, level, note; threats.csv: id, name, "
        + "probability, rate, duration, distribution, mean, min, max, median, sigma, nodes, "
        + "organisations, tags), or one workbook (.xlsx or .ods) with the same tables as its sheets "
        + "'nodes', 'requirements', 'impacts' and 'threats' (the last two optional).")
final class ImportCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** Where the BIA comes from: CSV tables, or one workbook. */
  static final class Source {
    @ArgGroup(exclusive = false)
    Tables tables;

    @Option(names = "--workbook", required = true, paramLabel = "FILE",
        description = "A workbook (.xlsx or .ods) with the sheets 'nodes' and 'requirements', "
            + "and optionally 'impacts' and 'threats'.")
    Path workbook;
  }

  /** The CSV tables. */
  static final class Tables {
    @Option(names = "--nodes", required = true, paramLabel = "CSV", description = "The nodes table.")
    Path nodes;

    @Option(names = "--requirements", required = true, paramLabel = "CSV", description = "The requirements table.")
    Path requirements;

    @Option(names = "--impacts", paramLabel = "CSV", description = "The impact thresholds table (optional).")
    Path impacts;

    @Option(names = "--threats", paramLabel = "CSV", description = "The threats table (optional).")
    Path threats;
  }

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the model here (.yaml or .json) instead of YAML on stdout.")
  Path output;

  @Override
  public Integer call() {
    Tables t = source.tables;
    List<Path> inputs = new ArrayList<>();
    if (source.workbook != null) {
      inputs.add(source.workbook);
    } else {
      inputs.addAll(List.of(t.nodes, t.requirements));
      Optional.ofNullable(t.impacts).ifPresent(inputs::add);
      Optional.ofNullable(t.threats).ifPresent(inputs::add);
    }
    if (output != null) {
      OutputFile.refuseInputs(output, "--output", inputs);
    }
    Model m = source.workbook != null ? BiaWorkbook.read(source.workbook)
        : BiaCsv.read(BiaCsv.Table.of(t.nodes), BiaCsv.Table.of(t.requirements),
            Optional.ofNullable(t.impacts).map(BiaCsv.Table::of), Optional.ofNullable(t.threats).map(BiaCsv.Table::of));
    if (output == null) {
      Kuja.rawOut(spec).print(ModelDocuments.write(m, Format.YAML));
      Kuja.rawOut(spec).flush();
    } else {
      ModelDocuments.write(m, output);
    }
    return 0;
  }
}
