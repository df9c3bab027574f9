package dev.kuja.cli;

import dev.kuja.io.table.BiaCsv;
import dev.kuja.io.Format;
import dev.kuja.io.OutputFile;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.model.Model;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Turn a BIA kept as two CSV tables (nodes.csv: id, kind, name, owner, criticality, "
        + "mtpd, rto, recovery, tags; requirements.csv: node, alternatives, k, tolerance) into a "
        + "model document.")
final class ImportCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--nodes", required = true, paramLabel = "CSV", description = "The nodes table.")
  Path nodes;

  @Option(names = "--requirements", required = true, paramLabel = "CSV", description = "The requirements table.")
  Path requirements;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the model here (.yaml or .json) instead of YAML on stdout.")
  Path output;

  @Override
  public Integer call() {
    if (output != null) {
      OutputFile.refuseInputs(output, "--output", List.of(nodes, requirements));
    }
    Model m = BiaCsv.read(nodes, requirements);
    if (output == null) {
      Kuja.rawOut(spec).print(ModelDocuments.write(m, Format.YAML));
      Kuja.rawOut(spec).flush();
    } else {
      ModelDocuments.write(m, output);
    }
    return 0;
  }
}
