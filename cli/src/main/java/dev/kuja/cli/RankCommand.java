package dev.kuja.cli;

import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.Ranking;
import dev.kuja.io.report.ResultsJson;
import dev.kuja.io.report.TextReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rank", mixinStandardHelpOptions = true,
    description = "Rank every node by the functions it brings down alone, weighted by criticality "
        + "(vital 8, critical 4, important 2, supporting 1).")
final class RankCommand implements Callable<Integer> {

  @Mixin Inputs in;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--top", defaultValue = "20", paramLabel = "N", converter = Options.AtLeastOne.class,
      description = "Rows in the table (default ${DEFAULT-VALUE}; JSON lists every node).")
  int top;

  @Override
  public Integer call() {
    Ranking r = Analysis.of(in.model()).ranking();
    var out = spec.commandLine().getOut();
    if (in.json) {
      Kuja.json(out, g -> ResultsJson.writeRanking(g, r));
    } else {
      out.println(TextReport.ranking(r, top));
    }
    return 0;
  }
}
