package dev.kuja.io.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kuja.analysis.InterfaceReport;
import dev.kuja.analysis.Ranking;
import dev.kuja.analysis.Spof;
import dev.kuja.analysis.SpofReport;
import dev.kuja.io.OutputFile;
import dev.kuja.io.Format;
import dev.kuja.io.syntax.Writers;
import dev.kuja.model.Criticality;
import dev.kuja.model.Durations;
import dev.kuja.model.External;
import dev.kuja.model.ImpactLevel;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.NodeKind;
import dev.kuja.model.Organisation;
import dev.kuja.model.Requirement;
import dev.kuja.region.Commitments;
import dev.kuja.report.Coordination;
import dev.kuja.report.Report;
import dev.kuja.scenario.Likelihood;
import dev.kuja.scenario.RiskMatrix;
import dev.kuja.simulation.CausalChain;
import dev.kuja.simulation.FunctionOutcome;
import dev.kuja.simulation.NodeObjectives;
import dev.kuja.simulation.RecoveryObjectives;
import dev.kuja.simulation.RequiredTime;
import dev.kuja.simulation.Outage;
import dev.kuja.simulation.SimulationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A continuity report as one self-contained HTML file that opens offline in any browser: the
 * dependency graph laid out in layers (functions on top, then resources, then suppliers by
 * tier; organisations as colours; SPOFs and common-cause SPOFs highlighted; interfaces between
 * organisations dashed; click a node for what it requires, what requires it, its SPOFs and its
 * document; search; zoom and pan), the coordination matrix of who must plan with whom beside it
 * (click a cell to see its critical interfaces in the graph) with the commitments of external
 * services, the SPOFs and double points of failure of every critical function, a timeline of
 * each simulated scenario against the MTPDs (bars coloured by the impact level reached, for
 * functions with impact thresholds), the risk matrix coloured by risk, the recovery objectives
 * with the declared RTOs that are too long, the criticality ranking and the interfaces between
 * organisations.
 *
 * <p>It renders a {@link Report}, computed once ({@link #render(Report)}, {@link #write(Report,
 * Path)}); {@link #render(Model, List)} builds that report first. The page, its style and its
 * script are resources next to this class ({@code report.html} with {@code {{placeholders}}},
 * {@code report.css}, {@code report.js}).
 *
 * <p>The graph is drawn by cytoscape.js, taken from its WebJar and inlined, so the file needs
 * no network. Everything that comes from the model is escaped: HTML entities in the markup,
 * {@code \u003c}-style escapes in the JSON data of the graph.
 */
public final class HtmlReport {

  /** The cytoscape.js build inlined into every report (from the org.webjars.npm WebJar). */
  static final String CYTOSCAPE = "/META-INF/resources/webjars/cytoscape/3.33.1/dist/cytoscape.min.js";

  /**
   * The page, with placeholders for what comes from the model and for the style and scripts
   * (resources next to this class: report.html, report.css, report.js).
   */
  private static final String PAGE = "report.html";
  private static final String STYLE = "report.css";
  private static final String APP = "report.js";

  private static final String[] PALETTE = {
    "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#edc948", "#76b7b2", "#ff9da7", "#9c755f",
    "#bab0ac", "#86bcb6", "#d37295", "#a0cbe8", "#ffbe7d", "#8cd17d", "#b6992d", "#499894"
  };

  /** Nodes per row of the layered layout. */
  private static final int PER_ROW = 12;

  /** Rows of the ranking table. */
  private static final int RANKING_ROWS = 25;

  private HtmlReport() {}

  /**
   * Writes the report to {@code file}, all of it or nothing ({@link OutputFile}).
   *
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public static void write(Report report, Path file) {
    String html = render(report);
    OutputFile.writeString(file, html);
  }

  /**
   * Writes the report of the model and the given simulation results to {@code file}; the
   * analyses are run here (see {@link Report}).
   */
  public static void write(Model model, List<SimulationResult> results, Path file) {
    write(report(model, results), file);
  }

  /**
   * The report of the model and the given simulation results, as one HTML document; the
   * analyses are run here (see {@link Report}).
   */
  public static String render(Model model, List<SimulationResult> results) {
    return render(report(model, results));
  }

  private static Report report(Model model, List<SimulationResult> results) {
    return Report.builder(Objects.requireNonNull(model, "model")).simulations(results).build();
  }

  /** The report as one HTML document. */
  public static String render(Report report) {
    Objects.requireNonNull(report, "report");
    Model model = report.model();
    Template page = Template.of(Template.resource(HtmlReport.class, PAGE));
    return page.fill()
        .text("title", model.name().orElse("Kuja model"))
        .number("organisations", model.organisations().size())
        .number("nodes", model.size())
        .number("functions", model.functions().size())
        .number("requirements", model.requirementCount())
        .markup("css", Template.resource(HtmlReport.class, STYLE))
        .markup("organisation-keys", organisationKeys(model))
        .markup("coordination-matrix", coordinationMatrix(report))
        .markup("coordination-list", coordinationList(report))
        .markup("commitments", commitments(report.commitments()))
        .markup("function-articles", functionArticles(report))
        .markup("scenario-articles", scenarioArticles(report.model(), report.simulations()))
        .markup("risk-matrix", riskMatrix(report))
        .markup("objectives", objectives(report))
        .markup("ranking-rows", rankingRows(report.ranking()))
        .number("interface-count", report.interfaces().interfaces().size())
        .markup("interface-rows", interfaceRows(report.interfaces()))
        .script("cytoscape", cytoscape())
        .json("data", data(model, report.spofs(), report.coordination()))
        .script("app", Template.resource(HtmlReport.class, APP))
        .render();
  }

  // ------------------------------------------------------------------------------ sections

  /** The colour key of every organisation. */
  private static String organisationKeys(Model model) {
    StringBuilder html = new StringBuilder();
    List<Organisation> orgs = model.organisations();
    for (int i = 0; i < orgs.size(); i++) {
      html.append("<span class=\"org\"><span class=\"swatch\" style=\"background:")
          .append(PALETTE[i % PALETTE.length]).append("\"></span>")
          .append(esc(orgs.get(i).name())).append("</span>");
    }
    return html.toString();
  }

  /**
   * The coordination matrix: a row per organisation that needs, a column per organisation that
   * provides, in model order; headers in the organisations' colours; each cell the number of
   * vital and critical functions at stake, shaded by it.
   */
  private static String coordinationMatrix(Report report) {
    Coordination c = report.coordination();
    if (c.organisations().isEmpty()) {
      return "<p>No interface between organisations is on the chain of a single point of failure of a "
          + "vital or critical function.</p>\n";
    }
    Model model = report.model();
    int most = c.pairs().stream().mapToInt(p -> p.functions().size()).max().orElse(1);
    StringBuilder html = new StringBuilder("<table class=\"coordination\"><thead><tr><th>needs \\ from</th>");
    for (String col : c.organisations()) {
      html.append("<th class=\"org\">").append(swatch(model, col)).append(esc(col)).append("</th>");
    }
    html.append("</tr></thead><tbody>\n");
    for (String row : c.organisations()) {
      html.append("<tr><th class=\"org\">").append(swatch(model, row)).append(esc(row)).append("</th>");
      for (String col : c.organisations()) {
        if (row.equals(col)) {
          html.append("<td class=\"cell self\">–</td>");
          continue;
        }
        Optional<Coordination.Pair> p = c.pair(row, col);
        if (p.isEmpty()) {
          html.append("<td class=\"cell none\">·</td>");
          continue;
        }
        int n = p.get().functions().size();
        double alpha = 0.15 + 0.75 * n / most;
        html.append("<td class=\"cell\" data-dependent=\"").append(esc(row)).append("\" data-provider=\"")
            .append(esc(col)).append("\" style=\"background:rgba(214,39,40,")
            .append(String.format(Locale.ROOT, "%.2f", alpha)).append(")\" title=\"")
            .append(esc(row + " needs " + col + ": " + String.join(", ", p.get().functions())))
            .append("\">").append(n).append("</td>");
      }
      html.append("</tr>\n");
    }
    return html.append("</tbody></table>\n").toString();
  }

  private static String swatch(Model model, String org) {
    List<Organisation> orgs = model.organisations();
    for (int i = 0; i < orgs.size(); i++) {
      if (orgs.get(i).id().equals(org)) {
        return "<span class=\"swatch\" style=\"background:" + PALETTE[i % PALETTE.length] + "\"></span>";
      }
    }
    return "";
  }

  /** Every critical interface, pair by pair, with the documents of its nodes. */
  private static String coordinationList(Report report) {
    Coordination c = report.coordination();
    if (c.pairs().isEmpty()) {
      return "";
    }
    Model m = report.model();
    StringBuilder html = new StringBuilder("<table><thead><tr><th>needs</th><th>from</th><th>interface</th>"
        + "<th>documents</th><th>functions at stake</th></tr></thead><tbody>\n");
    for (Coordination.Pair p : c.pairs()) {
      for (Coordination.CriticalInterface i : p.interfaces()) {
        html.append("<tr><td>").append(esc(p.dependentOrganisation())).append("</td><td>")
            .append(esc(p.providerOrganisation())).append("</td><td>")
            .append(esc(i.dependent() + " → " + i.provider())).append("</td><td>")
            .append(esc(m.source(i.dependent()).orElse("-") + " → " + m.source(i.provider()).orElse("-")))
            .append("</td><td>").append(esc(String.join(", ", i.functions()))).append("</td></tr>\n");
      }
    }
    return html.append("</tbody></table>\n").toString();
  }

  /** The commitments of external services, mismatches marked; nothing when there are none. */
  private static String commitments(Commitments c) {
    if (c.checks().isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<h3>Service commitments at the interfaces</h3>\n<p>")
        .append(c.checks().size()).append(" commitments, ").append(c.mismatches().size())
        .append(" not kept by the provider's model.</p>\n<table><thead><tr><th>service</th><th>provider</th>"
            + "<th>declared in</th><th>RTO</th><th>tolerance</th><th>status</th><th>findings</th></tr></thead><tbody>\n");
    for (Commitments.Check check : c.checks()) {
      External e = check.external();
      html.append("<tr").append(check.status() == Commitments.Status.MISMATCH ? " class=\"mismatch\"" : "")
          .append("><td>").append(esc(e.id())).append("</td><td>").append(esc(e.provider())).append("</td><td>")
          .append(esc(check.declaredIn().orElse("-"))).append("</td><td>")
          .append(esc(e.rto().map(Durations::format).orElse("-"))).append("</td><td>")
          .append(esc(e.tolerance().map(Durations::format).orElse("-"))).append("</td><td>")
          .append(check.status().name().toLowerCase(Locale.ROOT)).append("</td><td>")
          .append(esc(String.join("; ", check.findings()))).append("</td></tr>\n");
    }
    return html.append("</tbody></table>\n").toString();
  }

  /** Per function: its objectives, its SPOFs and its double points of failure. */
  private static String functionArticles(Report report) {
    StringBuilder html = new StringBuilder();
    Model model = report.model();
    List<Node> functions = model.functions();
    for (int i = 0; i < functions.size(); i++) {
      Node f = functions.get(i);
      SpofReport r = report.spofs().get(i);
      html.append("<article class=\"function\"><h3>").append(esc(f.name())).append(" <code>")
          .append(esc(f.id())).append("</code></h3>\n<p>")
          .append(esc(f.criticality().map(Criticality::label).orElse("-")))
          .append(" · MTPD ").append(esc(f.mtpd().map(Durations::format).orElse("-")))
          .append(" · RTO ").append(esc(f.rto().map(Durations::format).orElse("-")))
          .append(" · ").append(r.spofs().size()).append(" single points of failure, ")
          .append(r.commonCause().size()).append(" common-cause</p>\n");
      if (!r.spofs().isEmpty()) {
        html.append("<table><thead><tr><th>SPOF</th><th>kind</th><th>explanation</th></tr></thead><tbody>\n");
        for (Spof s : r.spofs()) {
          html.append("<tr").append(s.commonCause() ? " class=\"common\"" : "").append("><td>")
              .append(esc(s.node())).append("</td><td>").append(s.commonCause() ? "common-cause" : "direct")
              .append("</td><td>").append(esc(String.join(" → ", s.path()))).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
      }
      List<String> pairs = report.cutSets().get(i).ofOrder(2).stream()
          .map(set -> String.join(" + ", set)).toList();
      html.append("<p>Double points of failure: ")
          .append(pairs.isEmpty() ? "none" : esc(String.join("; ", pairs))).append("</p></article>\n");
    }
    return html.toString();
  }

  /** Per simulation: what it did, and its timeline. */
  private static String scenarioArticles(Model model, List<SimulationResult> results) {
    StringBuilder html = new StringBuilder();
    if (results.isEmpty()) {
      html.append("<p>No scenario was simulated.</p>\n");
    }
    for (SimulationResult r : results) {
      Duration horizon = r.scenario().horizon();
      html.append("<article class=\"scenario\"><h3>").append(esc(r.scenario().name())).append("</h3>\n<p>")
          .append(esc(Durations.format(horizon))).append(" simulated; ")
          .append(r.functions().stream().filter(FunctionOutcome::affected).count()).append(" of ")
          .append(r.functions().size()).append(" functions affected, ")
          .append(r.mtpdBreaches().size()).append(" MTPDs breached")
          .append(r.locked().isEmpty() ? "" : "; locked (need a black start): " + esc(String.join(", ", r.locked())))
          .append(". Functions with impact thresholds: the bar takes the colour of the impact level "
              + "reached so far (grey: none yet; then minor, moderate, serious, severe, catastrophic), "
              + "outlined once the MTPD is exceeded. Others: amber within the MTPD, red beyond it. "
              + "The dashed line marks the MTPD; hover a bar for its causal chain.</p>\n");
      html.append(gantt(model, r)).append("</article>\n");
    }
    return html.toString();
  }

  /**
   * A Gantt chart of every function's outages against its MTPD, as SVG. A function with impact
   * thresholds has each outage drawn in segments coloured by the level its outage has reached by
   * then (class {@code lvl-0} before any, {@code lvl-1} minor … {@code lvl-5} catastrophic), the
   * part beyond the MTPD also marked {@code beyond}; any other function in amber ({@code within})
   * up to its MTPD and red ({@code beyond}) after.
   */
  static String gantt(Model model, SimulationResult r) {
    List<FunctionOutcome> rows = r.functions();
    double horizon = Math.max(1, r.scenario().horizon().toMillis());
    int label = 230;
    int width = 980;
    int plot = width - label - 20;
    int row = 24;
    int top = 30;
    int height = top + rows.size() * row + 10;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"gantt\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
        .append(height).append("\" role=\"img\">\n");
    for (int t = 0; t <= 8; t++) {
      double x = label + plot * t / 8.0;
      long at = Math.round(horizon * t / 8);
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"tick\"/>"
              + "<text x=\"%.1f\" y=\"%d\" class=\"axis\">%s</text>\n",
          x, top - 6, x, height - 10, x, top - 10, esc(Durations.format(Duration.ofMillis(at)))));
    }
    for (int i = 0; i < rows.size(); i++) {
      FunctionOutcome f = rows.get(i);
      int y = top + i * row;
      svg.append("<text x=\"").append(label - 8).append("\" y=\"").append(y + 16)
          .append("\" class=\"label\">").append(esc(f.function())).append("</text>\n");
      for (int k = 0; k < f.outages().size(); k++) {
        Outage o = f.outages().get(k);
        double from = o.from().toMillis();
        double to = o.to().map(Duration::toMillis).map(Long::doubleValue).orElse(horizon);
        to = Math.min(to, horizon);
        double limit = f.mtpd().map(m -> from + m.toMillis()).orElse(Double.MAX_VALUE);
        String chain = f.chains().size() > k ? chainText(f.chains().get(k)) : "";
        String tip = "<title>" + esc(f.function() + " down " + Durations.format(o.from()) + " – "
            + o.to().map(Durations::format).orElse("horizon") + "\n" + chain) + "</title>";
        Node node = model.node(f.function()).orElse(null);
        if (node != null && !node.impacts().isEmpty()) {
          // cut where the level rises or the MTPD runs out; colour each piece by the level the
          // outage has reached at its start (reached once it has lasted a threshold's 'after')
          double end = to;
          java.util.TreeSet<Double> cuts = new java.util.TreeSet<>(List.of(from, end));
          node.impacts().forEach(t -> cuts.add(Math.min(end, from + t.after().toMillis())));
          cuts.add(Math.min(end, Math.max(from, limit)));
          Double[] at = cuts.toArray(Double[]::new);
          for (int c = 0; c + 1 < at.length; c++) {
            double a = at[c];
            double b = at[c + 1];
            int level = node.impactLevelAfter(Duration.ofMillis(Math.max(1, Math.round(a - from))))
                .map(dev.kuja.model.ImpactLevel::rank).orElse(0);
            svg.append(bar(label, plot, horizon, a, b, y, "lvl-" + level + (a >= limit ? " beyond" : ""), tip));
          }
        } else {
          double split = Math.min(to, limit);
          svg.append(bar(label, plot, horizon, from, split, y, "within", tip));
          if (to > limit) {
            svg.append(bar(label, plot, horizon, limit, to, y, "beyond", tip));
          }
        }
        if (f.mtpd().isPresent() && limit <= horizon) {
          double x = label + plot * limit / horizon;
          svg.append(String.format(Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"mtpd\"/>\n", x, y + 1, x, y + row - 1));
        }
      }
    }
    return svg.append("</svg>\n").toString();
  }

  private static String bar(int label, int plot, double horizon, double from, double to, int y,
      String kind, String tip) {
    double x = label + plot * from / horizon;
    double w = Math.max(1, plot * (to - from) / horizon);
    return String.format(Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\" class=\"bar %s\">%s</rect>\n",
        x, y + 4, w, kind, tip);
  }

  private static String chainText(CausalChain chain) {
    return chain.links().stream().map(Outage::toString).collect(Collectors.joining("\n← "));
  }

  /** Background classes of the matrix by risk score (likelihood rank × level rank, 1–25). */
  static String band(int score) {
    return score >= 15 ? "risk-critical" : score >= 10 ? "risk-high" : score >= 5 ? "risk-medium" : "risk-low";
  }

  /** The five-by-five matrix of the threats, coloured by risk, and the all-causes table. */
  private static String riskMatrix(Report report) {
    if (report.riskMatrix().isEmpty()) {
      return "<p>No function has impact thresholds (<code>impacts:</code>), so there is nothing to place "
          + "on the matrix.</p>\n";
    }
    RiskMatrix m = report.riskMatrix().get();
    StringBuilder html = new StringBuilder();
    html.append(String.format(Locale.ROOT, "<p>Per threat of the risk register, an ensemble of %,d years "
        + "(seed %d) in which only that threat happens: each function lands in the cell of its likelihood "
        + "class and the impact level with the highest product of their ranks. Likelihood per year: ",
        m.allCauses().scenarios(), m.seed()));
    html.append(esc(java.util.Arrays.stream(Likelihood.values())
        .map(l -> l.label() + " (" + l.finnish() + ") " + l.bounds()).collect(Collectors.joining("; "))))
        .append(".</p>\n");
    Map<Likelihood, Map<ImpactLevel, List<String>>> grid = m.grid();
    html.append("<table class=\"matrix\"><thead><tr><th>likelihood \\ impact</th>");
    for (ImpactLevel l : ImpactLevel.values()) {
      html.append("<th>").append(esc(l.label())).append("<br><small>").append(esc(l.finnish()))
          .append("</small></th>");
    }
    html.append("</tr></thead><tbody>\n");
    List<Likelihood> rows = new ArrayList<>(List.of(Likelihood.values()));
    java.util.Collections.reverse(rows);
    for (Likelihood l : rows) {
      html.append("<tr><th>").append(esc(l.label())).append("<br><small>").append(esc(l.finnish()))
          .append(" · ").append(esc(l.bounds())).append("</small></th>");
      for (ImpactLevel i : ImpactLevel.values()) {
        List<String> pairs = grid.get(l).get(i);
        html.append("<td class=\"").append(band(l.rank() * i.rank())).append("\">");
        for (String p : pairs) {
          html.append("<div>").append(esc(p)).append("</div>");
        }
        html.append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody></table>\n");
    html.append("<h3>All causes</h3>\n<p>Every threat and the nodes' reliability data together: "
        + "the probability per year of each impact level or worse.</p>\n");
    html.append("<table><thead><tr><th>function</th>");
    for (ImpactLevel l : ImpactLevel.values()) {
      html.append("<th>").append(esc(l.label())).append(" or worse</th>");
    }
    html.append("<th>cell</th></tr></thead><tbody>\n");
    for (RiskMatrix.Entry e : m.allCauses().functions()) {
      html.append("<tr><td>").append(esc(e.function())).append("</td>");
      for (ImpactLevel l : ImpactLevel.values()) {
        var p = e.atLeast().get(l);
        html.append(String.format(Locale.ROOT, "<td>%.3f <small>[%.3f, %.3f]</small></td>", p.value(),
            p.low(), p.high()));
      }
      html.append(e.cell().map(c -> "<td class=\"" + band(c.score()) + "\">" + esc(c.toString()) + "</td>")
          .orElse("<td>-</td>")).append("</tr>\n");
    }
    return html.append("</tbody></table>\n").toString();
  }

  /** Every node with a requirement or a declared RTO; those whose declared RTO is too long marked. */
  private static String objectives(Report report) {
    RecoveryObjectives o = report.objectives();
    StringBuilder html = new StringBuilder("<p>How soon each node must be back for every function to keep "
        + "its RTO (and its MTPD), through tolerances, k-of-n and recovery times on the way; declared RTOs "
        + "(restoration commitments) longer than required are marked. ");
    html.append(o.recoveryOverRto().isEmpty() ? "No function's own recovery time reaches its RTO."
        : "Functions whose own recovery time is at least their RTO: " + esc(String.join(", ", o.recoveryOverRto())) + ".")
        .append("</p>\n<table><thead><tr><th>node</th><th>declared RTO</th><th>required RTO</th><th>set by</th>"
            + "<th>required MTPD</th><th>set by</th><th>gap</th><th>chain</th></tr></thead><tbody>\n");
    for (NodeObjectives n : o.nodes()) {
      if (n.forRto().isEmpty() && n.forMtpd().isEmpty() && n.declaredRto().isEmpty()) {
        continue;
      }
      html.append("<tr").append(n.gap().isPresent() ? " class=\"gap\"" : "").append("><td>")
          .append(esc(n.node())).append("</td><td>")
          .append(esc(n.declaredRto().map(Durations::format).orElse("-"))).append("</td><td>")
          .append(esc(n.requiredRto().map(r -> Durations.format(r.duration())).orElse("-"))).append("</td><td>")
          .append(esc(n.requiredRto().map(RequiredTime::function).orElse("-"))).append("</td><td>")
          .append(esc(n.requiredMtpd().map(r -> Durations.format(r.duration())).orElse("-"))).append("</td><td>")
          .append(esc(n.requiredMtpd().map(RequiredTime::function).orElse("-"))).append("</td><td>")
          .append(esc(n.gap().map(g -> "+" + Durations.format(g)).orElse("-"))).append("</td><td>")
          .append(esc(n.requiredRto().or(n::requiredMtpd).map(r -> String.join(" → ", r.chain())).orElse("")))
          .append("</td></tr>\n");
    }
    return html.append("</tbody></table>\n").toString();
  }

  /** The first rows of the ranking. */
  private static String rankingRows(Ranking ranking) {
    StringBuilder html = new StringBuilder();
    List<Ranking.Entry> top = ranking.top(RANKING_ROWS);
    for (int i = 0; i < top.size(); i++) {
      Ranking.Entry e = top.get(i);
      html.append("<tr><td>").append(i + 1).append("</td><td>").append(esc(e.node())).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.1f", e.score())).append("</td><td>")
          .append(esc(String.join(", ", e.functions()))).append("</td></tr>\n");
    }
    return html.toString();
  }

  /** Every interface, those that are SPOFs marked. */
  private static String interfaceRows(InterfaceReport interfaces) {
    StringBuilder html = new StringBuilder();
    for (InterfaceReport.Group g : interfaces.groups()) {
      for (InterfaceReport.Interface i : g.interfaces()) {
        html.append("<tr").append(i.isSpof() ? " class=\"spof\"" : "").append("><td>")
            .append(esc(g.dependentOrganisation())).append("</td><td>")
            .append(esc(g.providerOrganisation())).append("</td><td>")
            .append(esc(i.dependent() + " → " + i.provider())).append("</td><td>")
            .append(i.redundant() ? "yes" : "no").append("</td><td>")
            .append(esc(String.join(", ", i.spofOf()))).append("</td></tr>\n");
      }
    }
    return html.toString();
  }

  // ----------------------------------------------------------------------------- graph data

  /** Nodes with their layered positions, details and SPOF marks; edges provider → dependent. */
  static String data(Model model, List<SpofReport> spofs, Coordination coordination) {
    Map<String, Integer> orgIndex = new HashMap<>();
    for (int i = 0; i < model.organisations().size(); i++) {
      orgIndex.put(model.organisations().get(i).id(), i);
    }
    Map<String, String> mark = new HashMap<>();
    Map<String, SpofReport> byFunction = new HashMap<>();
    for (SpofReport r : spofs) {
      byFunction.put(r.target(), r);
      for (Spof s : r.spofs()) {
        mark.merge(s.node(), s.commonCause() ? "common" : "direct",
            (x, y) -> x.equals("common") || y.equals("common") ? "common" : "direct");
      }
    }
    Map<String, List<String>> requiredBy = new HashMap<>();
    for (Node n : model.nodes()) {
      for (Requirement q : n.requirements()) {
        for (String alt : q.alternatives()) {
          List<String> list = requiredBy.computeIfAbsent(alt, k -> new ArrayList<>());
          if (!list.contains(n.id())) {
            list.add(n.id());
          }
        }
      }
    }
    Map<String, double[]> position = layout(model);
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Writers.generator(Format.JSON, out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("nodes");
      for (Node n : model.nodes()) {
        g.writeStartObject();
        g.writeStringField("id", n.id());
        g.writeStringField("name", n.name());
        g.writeStringField("kind", n.kind().name().toLowerCase(Locale.ROOT));
        g.writeStringField("owner", n.owner().orElse(""));
        g.writeStringField("ownerName", n.owner().flatMap(model::organisation).map(Organisation::name).orElse(""));
        g.writeStringField("color", n.owner().map(orgIndex::get).map(i -> PALETTE[i % PALETTE.length]).orElse("#cccccc"));
        g.writeStringField("spof", mark.getOrDefault(n.id(), ""));
        g.writeNumberField("x", position.get(n.id())[0]);
        g.writeNumberField("y", position.get(n.id())[1]);
        g.writeStringField("criticality", n.criticality().map(Criticality::label).orElse(""));
        g.writeStringField("mtpd", n.mtpd().map(Durations::format).orElse(""));
        g.writeStringField("rto", n.rto().map(Durations::format).orElse(""));
        g.writeStringField("source", model.source(n.id()).orElse(""));
        g.writeArrayFieldStart("requires");
        for (Requirement q : n.requirements()) {
          g.writeString(q.toString());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("requiredBy");
        for (String id : requiredBy.getOrDefault(n.id(), List.of())) {
          g.writeString(id);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("spofs");
        SpofReport r = byFunction.get(n.id());
        if (r != null) {
          for (Spof s : r.spofs()) {
            g.writeString((s.commonCause() ? "common-cause " : "") + String.join(" → ", s.path()));
          }
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("edges");
      for (Node n : model.nodes()) {
        List<Requirement> reqs = n.requirements();
        for (int qi = 0; qi < reqs.size(); qi++) {
          Requirement q = reqs.get(qi);
          for (String alt : q.alternatives()) {
            Node provider = model.requireNode(alt);
            boolean crossing = n.owner().isPresent() && provider.owner().isPresent()
                && !n.owner().equals(provider.owner());
            g.writeStartObject();
            g.writeStringField("id", "e:" + n.id() + ":" + qi + ":" + alt);
            g.writeStringField("source", alt);
            g.writeStringField("target", n.id());
            g.writeBooleanField("interface", crossing);
            g.writeBooleanField("redundant", q.n() > q.k());
            g.writeEndObject();
          }
        }
      }
      g.writeEndArray();
      g.writeArrayFieldStart("coordination");
      for (Coordination.Pair p : coordination.pairs()) {
        g.writeStartObject();
        g.writeStringField("dependent", p.dependentOrganisation());
        g.writeStringField("provider", p.providerOrganisation());
        g.writeArrayFieldStart("interfaces");
        for (Coordination.CriticalInterface i : p.interfaces()) {
          g.writeStartArray();
          g.writeString(i.dependent());
          g.writeString(i.provider());
          g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Layers: functions on top; resources below by their distance from the functions; suppliers
   * below the resources by theirs (supply-chain tiers); anything no function needs at the
   * bottom. Within a layer, nodes are grouped by owner.
   */
  static Map<String, double[]> layout(Model model) {
    Map<String, Integer> tier = new HashMap<>();
    ArrayDeque<Node> queue = new ArrayDeque<>();
    for (Node f : model.functions()) {
      tier.put(f.id(), 0);
      queue.add(f);
    }
    while (!queue.isEmpty()) {
      Node v = queue.poll();
      int t = tier.get(v.id());
      for (Requirement q : v.requirements()) {
        for (String alt : q.alternatives()) {
          if (!tier.containsKey(alt)) {
            tier.put(alt, t + 1);
            queue.add(model.requireNode(alt));
          }
        }
      }
    }
    int maxResource = model.nodes().stream().filter(n -> n.kind() == NodeKind.RESOURCE)
        .mapToInt(n -> tier.getOrDefault(n.id(), 0)).max().orElse(0);
    int maxAll = model.nodes().stream().mapToInt(n -> tier.getOrDefault(n.id(), 0)).max().orElse(0);
    Map<Integer, List<Node>> layers = new LinkedHashMap<>();
    for (Node n : model.nodes()) {
      Integer t = tier.get(n.id());
      int layer;
      if (n.isFunction()) {
        layer = 0;
      } else if (t == null) {
        layer = maxResource + maxAll + 2;
      } else if (n.kind() == NodeKind.SUPPLIER) {
        layer = maxResource + t;
      } else {
        layer = t;
      }
      layers.computeIfAbsent(layer, k -> new ArrayList<>()).add(n);
    }
    Map<String, double[]> position = new HashMap<>();
    List<Integer> order = layers.keySet().stream().sorted().toList();
    double y = 0;
    for (Integer layer : order) {
      List<Node> nodes = layers.get(layer);
      nodes.sort(Comparator.comparing((Node n) -> n.owner().orElse("~")).thenComparing(Node::id));
      // a wide layer wraps into rows of at most PER_ROW nodes, so the graph stays readable
      for (int start = 0; start < nodes.size(); start += PER_ROW) {
        List<Node> row = nodes.subList(start, Math.min(nodes.size(), start + PER_ROW));
        double width = (row.size() - 1) * 130.0;
        for (int i = 0; i < row.size(); i++) {
          position.put(row.get(i).id(), new double[] {i * 130.0 - width / 2, y + (i % 2) * 30.0});
        }
        y += 90;
      }
      y += 60;
    }
    return position;
  }

  // ------------------------------------------------------------------------------ escaping

  /** Escapes text for HTML element content and quoted attribute values. */
  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * JSON made safe inside a script element: '<', '>', '&' and the JavaScript line separators
   * only ever occur inside strings in JSON, where their escapes mean the same.
   */
  static String scriptSafe(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  /** A script made safe inside a script element. */
  static String script(String code) {
    return code.replace("</script", "<\\/script");
  }

  private static String cytoscape() {
    // through the class loader: the WebJar is another module, and META-INF is no package, so
    // this finds it on the class path and on the module path alike
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(CYTOSCAPE.substring(1))) {
      if (in == null) {
        throw new IllegalStateException("cytoscape.js is missing from the class path ("
            + CYTOSCAPE + "); the kuja-io artifact depends on org.webjars.npm:cytoscape");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
