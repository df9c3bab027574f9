package dev.kuja.cli;

import dev.kuja.io.OutputFile;
import dev.kuja.io.report.HtmlReport;
import dev.kuja.io.report.ReportJson;
import dev.kuja.io.report.TextReport;
import dev.kuja.model.Model;
import dev.kuja.report.Report;
import dev.kuja.scenario.MonteCarlo;
import dev.kuja.simulation.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = "The whole picture: validation, SPOFs of the critical functions (common-cause "
        + "ones marked), the top of the criticality ranking, risky interfaces between "
        + "organisations, the risk matrix, the recovery objectives that declared RTOs miss, and the "
        + "timeline of each scenario.")
final class ReportCommand implements Callable<Integer> {

  @Mixin Inputs in;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--top", defaultValue = "" + TextReport.DEFAULT_TOP, paramLabel = "N",
      converter = Options.AtLeastOne.class, description = "Rows of the ranking (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--fail-on-breach", description = "Exit with status 1 when a scenario exceeds an MTPD.")
  boolean failOnBreach;

  @Option(names = "--scenarios", defaultValue = "10000", paramLabel = "N", converter = Options.Count.class,
      description = "Years simulated per threat for the risk matrix (default ${DEFAULT-VALUE}).")
  long riskScenarios;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the risk matrix (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Also write the report as one self-contained HTML file (graph, timelines, tables) "
          + "that opens offline in any browser.")
  Path html;

  @Override
  public Integer call() {
    if (html != null) {
      OutputFile.refuseInputs(html, "--html", in.documents);
    }
    Progress progress = new Progress(Kuja.rawErr(spec), !in.json && System.console() != null);
    progress.say("reading " + Inputs.names(in.documents));
    Model m = in.simulated();
    if (html != null) {
      // nor a document the models include
      OutputFile.refuseInputs(html, "--html", m.sources().stream().map(Path::of).toList());
    }
    List<Scenario> read = new ArrayList<>();
    for (Path s : in.scenarios()) {
      read.add(Inputs.scenario(s, m)); // every input is checked before any work is done
    }
    MonteCarlo risk = MonteCarlo.of(m).seed(seed).scenarios(riskScenarios); // checked before any work
    Report report = Report.builder(m).scenarios(read).risk(risk).listener(progress::say).build();
    if (html != null) {
      progress.say("writing " + html);
      HtmlReport.write(report, html);
    }
    progress.done();
    PrintWriter out = spec.commandLine().getOut();
    if (in.json) {
      Kuja.json(out, g -> ReportJson.write(g, report));
    } else {
      TextReport.print(report, Terminal.safe(Inputs.names(in.models())), top, out);
    }
    return failOnBreach && report.mtpdBreached() ? Kuja.FOUND : 0;
  }

  /** Progress on stderr, only when a person is watching a terminal. */
  static final class Progress {
    private final PrintWriter err;
    private final boolean on;

    Progress(PrintWriter err, boolean on) {
      this.err = err;
      this.on = on;
    }

    void say(String what) {
      if (on) {
        err.print("\r\033[K" + Terminal.safe(what) + " …");
        err.flush();
      }
    }

    void done() {
      if (on) {
        err.print("\r\033[K");
        err.flush();
      }
    }
  }
}
