package dev.kuja.cli;

import dev.kuja.io.Format;
import dev.kuja.io.OutputFile;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.table.BiaCsv;
import dev.kuja.model.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Turn a BIA kept as CSV tables (nodes.csv: id, kind, name, owner, criticality, "
        + "mtpd, rto, recovery, tags; requirements.csv: node, alternatives, k, tolerance; optionally "
        + "impacts.csv: function, after, category, level, note; threats.csv: id, name, probability, "
        + "rate, duration, distribution, mean, min, max, median, sigma, nodes, organisations, tags) "
        + "into a model document.")
final class ImportCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--nodes", required = true, paramLabel = "CSV", description = "The nodes table.")
  Path nodes;

  @Option(names = "--requirements", required = true, paramLabel = "CSV", description = "The requirements table.")
  Path requirements;

  @Option(names = "--impacts", paramLabel = "CSV", description = "The impact thresholds table (optional).")
  Path impacts;

  @Option(names = "--threats", paramLabel = "CSV", description = "The threats table (optional).")
  Path threats;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the model here (.yaml or .json) instead of YAML on stdout.")
  Path output;

  @Override
  public Integer call() {
    if (output != null) {
      List<Path> inputs = new ArrayList<>(List.of(nodes, requirements));
      Optional.ofNullable(impacts).ifPresent(inputs::add);
      Optional.ofNullable(threats).ifPresent(inputs::add);
      OutputFile.refuseInputs(output, "--output", inputs);
    }
    Model m = BiaCsv.read(BiaCsv.Table.of(nodes), BiaCsv.Table.of(requirements),
        Optional.ofNullable(impacts).map(BiaCsv.Table::of), Optional.ofNullable(threats).map(BiaCsv.Table::of));
    if (output == null) {
      Kuja.rawOut(spec).print(ModelDocuments.write(m, Format.YAML));
      Kuja.rawOut(spec).flush();
    } else {
      ModelDocuments.write(m, output);
    }
    return 0;
  }
}
