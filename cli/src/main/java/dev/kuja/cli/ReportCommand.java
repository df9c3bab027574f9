package dev.kuja.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.InterfaceReport;
import dev.kuja.analysis.Ranking;
import dev.kuja.analysis.Spof;
import dev.kuja.analysis.SpofReport;
import dev.kuja.io.report.HtmlReport;
import dev.kuja.io.report.ResultsJson;
import dev.kuja.model.Criticality;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.simulation.SimulationResult;
import dev.kuja.simulation.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = "The whole picture: validation, SPOFs of the critical functions (common-cause "
        + "ones marked), the top of the criticality ranking, risky interfaces between "
        + "organisations, and the timeline of each scenario.")
final class ReportCommand implements Callable<Integer> {

  @Mixin Inputs in;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "1..*", paramLabel = "SCENARIO", description = "Scenario documents to simulate.")
  List<Path> scenarios = new ArrayList<>();

  @Option(names = "--top", defaultValue = "15", paramLabel = "N", description = "Rows of the ranking (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--fail-on-breach", description = "Exit with status 1 when a scenario exceeds an MTPD.")
  boolean failOnBreach;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Also write the report as one self-contained HTML file (graph, timelines, tables) "
          + "that opens offline in any browser.")
  Path html;

  @Override
  public Integer call() {
    Progress progress = new Progress(spec.commandLine().getErr(), !in.json && System.console() != null);
    progress.say("reading " + in.model);
    Model m = in.model();
    List<dev.kuja.simulation.Scenario> read = new ArrayList<>();
    for (Path s : scenarios) {
      read.add(Inputs.scenario(s, m)); // every input is checked before any work is done
    }
    Analysis a = Analysis.of(m);
    List<SpofReport> spofs = new ArrayList<>();
    List<Node> functions = m.functions();
    for (int i = 0; i < functions.size(); i++) {
      progress.say("single points of failure " + (i + 1) + "/" + functions.size());
      spofs.add(a.spofs(functions.get(i).id()));
    }
    progress.say("ranking");
    Ranking ranking = a.ranking();
    progress.say("interfaces");
    InterfaceReport interfaces = a.interfaces();
    List<SimulationResult> results = new ArrayList<>();
    for (dev.kuja.simulation.Scenario s : read) {
      progress.say("simulating " + s.name());
      results.add(Simulator.of(m).run(s));
    }
    if (html != null) {
      progress.say("writing " + html);
      HtmlReport.write(m, results, html);
    }
    progress.done();
    PrintWriter out = spec.commandLine().getOut();
    if (in.json) {
      out.println(json(m, spofs, ranking, interfaces, results));
    } else {
      text(out, m, spofs, ranking, interfaces, results);
    }
    boolean breach = results.stream().anyMatch(r -> !r.mtpdBreaches().isEmpty());
    return failOnBreach && breach ? Kuja.FOUND : 0;
  }

  private void text(PrintWriter out, Model m, List<SpofReport> spofs, Ranking ranking,
      InterfaceReport interfaces, List<SimulationResult> results) {
    out.println("KUJA CONTINUITY REPORT — " + m.name().orElse(in.model.toString()));
    out.println(in.model + ": valid. " + m);
    out.println();
    out.println("SINGLE POINTS OF FAILURE OF CRITICAL FUNCTIONS");
    for (SpofReport r : spofs) {
      Node f = m.requireNode(r.target());
      String crit = f.criticality().map(Criticality::label).orElse("");
      List<Spof> common = r.commonCause();
      out.printf("  %-28s %-9s %3d SPOFs, %d common-cause%n", r.target(), crit, r.spofs().size(), common.size());
      for (Spof s : common) {
        out.println("      common-cause  " + s.node() + ": " + String.join(" -> ", s.path()));
      }
      List<String> direct = r.direct().stream().map(Spof::node).limit(8).toList();
      if (!direct.isEmpty()) {
        out.println("      direct        " + String.join(", ", direct)
            + (r.direct().size() > 8 ? ", … " + (r.direct().size() - 8) + " more" : ""));
      }
    }
    out.println();
    out.println("WHERE TO INVEST: CRITICALITY RANKING");
    out.println(Tables.ranking(ranking, top).indent(2).stripTrailing());
    out.println();
    out.println("INTERFACES BETWEEN ORGANISATIONS (yhdyspinnat)");
    List<InterfaceReport.Group> risky = interfaces.groups().stream()
        .filter(g -> !g.spofInterfaces().isEmpty()).toList();
    out.printf("  %d requirements cross organisations; %d pairs of organisations have interfaces "
        + "that are single points of failure%n", interfaces.interfaces().size(), risky.size());
    for (InterfaceReport.Group g : risky) {
      out.println("  " + g.dependentOrganisation() + " depends on " + g.providerOrganisation() + ":");
      for (InterfaceReport.Interface i : g.spofInterfaces()) {
        out.println("      " + i.dependent() + " -> " + i.provider() + "  (SPOF of "
            + i.spofOf().stream().collect(Collectors.joining(", ")) + ")");
      }
    }
    for (SimulationResult r : results) {
      out.println();
      out.println("SCENARIO: " + r.scenario().name().toUpperCase(java.util.Locale.ROOT));
      out.println(r.toString().indent(2).stripTrailing());
    }
  }

  private static String json(Model m, List<SpofReport> spofs, Ranking ranking, InterfaceReport interfaces,
      List<SimulationResult> results) {
    ObjectMapper mapper = new ObjectMapper();
    try {
      ObjectNode root = mapper.createObjectNode();
      root.put("model", m.name().orElse(""));
      root.put("valid", true);
      root.put("nodes", m.size());
      root.setAll((ObjectNode) mapper.readTree(ResultsJson.spofs(spofs)));
      root.setAll((ObjectNode) mapper.readTree(ResultsJson.ranking(ranking)));
      root.set("interfaces", mapper.readTree(ResultsJson.interfaces(interfaces)).get("groups"));
      ArrayNode sims = root.putArray("scenarios");
      for (SimulationResult r : results) {
        sims.add(mapper.readTree(ResultsJson.simulation(r)));
      }
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
        err.print("\r\033[K" + what + " …");
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
