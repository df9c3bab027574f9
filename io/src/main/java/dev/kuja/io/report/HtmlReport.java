package dev.kuja.io.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.CutSets;
import dev.kuja.analysis.InterfaceReport;
import dev.kuja.analysis.Ranking;
import dev.kuja.analysis.Spof;
import dev.kuja.analysis.SpofReport;
import dev.kuja.io.Format;
import dev.kuja.io.syntax.Writers;
import dev.kuja.model.Criticality;
import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.NodeKind;
import dev.kuja.model.Organisation;
import dev.kuja.model.Requirement;
import dev.kuja.simulation.CausalChain;
import dev.kuja.simulation.FunctionOutcome;
import dev.kuja.simulation.Outage;
import dev.kuja.simulation.SimulationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.stream.Collectors;

/**
 * A continuity report as one self-contained HTML file that opens offline in any browser: the
 * dependency graph laid out in layers (functions on top, then resources, then suppliers by
 * tier; organisations as colours; SPOFs and common-cause SPOFs highlighted; interfaces between
 * organisations dashed; click a node for what it requires, what requires it and its SPOFs;
 * search; zoom and pan), the SPOFs and double points of failure of every critical function, a
 * timeline of each simulated scenario against the MTPDs, the criticality ranking and the
 * interfaces between organisations.
 *
 * <p>The graph is drawn by cytoscape.js, taken from its WebJar and inlined, so the file needs
 * no network. Everything that comes from the model is escaped.
 */
public final class HtmlReport {

  /** The cytoscape.js build inlined into every report (from the org.webjars.npm WebJar). */
  static final String CYTOSCAPE = "/META-INF/resources/webjars/cytoscape/3.33.1/dist/cytoscape.min.js";

  private static final String[] PALETTE = {
    "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#edc948", "#76b7b2", "#ff9da7", "#9c755f",
    "#bab0ac", "#86bcb6", "#d37295", "#a0cbe8", "#ffbe7d", "#8cd17d", "#b6992d", "#499894"
  };

  /** Nodes per row of the layered layout. */
  private static final int PER_ROW = 12;

  private HtmlReport() {}

  /** Writes the report of the model and the given simulation results to {@code file}. */
  public static void write(Model model, List<SimulationResult> results, Path file) {
    try {
      Files.writeString(file, render(model, results), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + file + ": " + e.getMessage(), e);
    }
  }

  /** The report of the model and the given simulation results, as one HTML document. */
  public static String render(Model model, List<SimulationResult> results) {
    Objects.requireNonNull(model, "model");
    Analysis a = Analysis.of(model);
    List<SpofReport> spofs = new ArrayList<>();
    List<CutSets> doubles = new ArrayList<>();
    for (Node f : model.functions()) {
      spofs.add(a.spofs(f.id()));
      doubles.add(a.cutSets(f.id(), 2));
    }
    Ranking ranking = a.ranking();
    InterfaceReport interfaces = a.interfaces();
    String title = model.name().orElse("Kuja model");
    StringBuilder html = new StringBuilder(1 << 20);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Kuja report — ").append(esc(title)).append("</title>\n<style>\n")
        .append(CSS).append("</style>\n</head>\n<body>\n");
    html.append("<header><h1>Kuja continuity report</h1><p>").append(esc(title)).append(": ")
        .append(model.organisations().size()).append(" organisations, ").append(model.size())
        .append(" nodes, ").append(model.functions().size()).append(" functions, ")
        .append(model.requirementCount()).append(" requirements.</p></header>\n");
    graphSection(html, model);
    functionsSection(html, model, spofs, doubles);
    scenariosSection(html, results);
    rankingSection(html, ranking);
    interfacesSection(html, interfaces);
    html.append("<script>").append(script(cytoscape())).append("</script>\n");
    html.append("<script type=\"application/json\" id=\"kuja-data\">")
        .append(scriptSafe(data(model, spofs))).append("</script>\n");
    html.append("<script>").append(APP).append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  // ------------------------------------------------------------------------------ sections

  private static void graphSection(StringBuilder html, Model model) {
    html.append("<section id=\"graph-section\"><h2>Dependency graph</h2>\n")
        .append("<div class=\"toolbar\"><input id=\"search\" type=\"search\" placeholder=\"Search by id or name\">")
        .append(" <span id=\"search-result\"></span><span class=\"legend\">")
        .append("<span class=\"key spof\">SPOF</span><span class=\"key common\">common-cause SPOF</span>")
        .append("<span class=\"key iface\">interface between organisations</span>")
        .append("<span class=\"key\">▭ function ◯ resource ◇ supplier</span></span></div>\n")
        .append("<div class=\"orgs\">");
    List<Organisation> orgs = model.organisations();
    for (int i = 0; i < orgs.size(); i++) {
      html.append("<span class=\"org\"><span class=\"swatch\" style=\"background:")
          .append(PALETTE[i % PALETTE.length]).append("\"></span>")
          .append(esc(orgs.get(i).name())).append("</span>");
    }
    html.append("</div>\n<div class=\"graph-wrap\"><div id=\"graph\"></div>")
        .append("<aside id=\"details\"><p class=\"hint\">Click a node to see what it requires, ")
        .append("what requires it and its single points of failure.</p></aside></div>\n</section>\n");
  }

  private static void functionsSection(StringBuilder html, Model model, List<SpofReport> spofs,
      List<CutSets> doubles) {
    html.append("<section id=\"functions\"><h2>Critical functions</h2>\n");
    List<Node> functions = model.functions();
    for (int i = 0; i < functions.size(); i++) {
      Node f = functions.get(i);
      SpofReport r = spofs.get(i);
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
      List<String> pairs = doubles.get(i).ofOrder(2).stream()
          .map(set -> String.join(" + ", set)).toList();
      html.append("<p>Double points of failure: ")
          .append(pairs.isEmpty() ? "none" : esc(String.join("; ", pairs))).append("</p></article>\n");
    }
    html.append("</section>\n");
  }

  private static void scenariosSection(StringBuilder html, List<SimulationResult> results) {
    html.append("<section id=\"scenarios\"><h2>Scenarios</h2>\n");
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
          .append(". Amber: down within the MTPD; red: beyond it; hover a bar for its causal chain.</p>\n");
      html.append(gantt(r)).append("</article>\n");
    }
    html.append("</section>\n");
  }

  /** A Gantt chart of every function's outages against its MTPD, as SVG. */
  static String gantt(SimulationResult r) {
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
        double split = Math.min(to, limit);
        svg.append(bar(label, plot, horizon, from, split, y, "within", tip));
        if (to > limit) {
          svg.append(bar(label, plot, horizon, limit, to, y, "beyond", tip));
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

  private static void rankingSection(StringBuilder html, Ranking ranking) {
    html.append("<section id=\"ranking\"><h2>Criticality ranking</h2>\n")
        .append("<p>Every node by the functions it brings down alone, weighted by criticality.</p>\n")
        .append("<table><thead><tr><th>#</th><th>node</th><th>score</th><th>functions lost</th></tr></thead><tbody>\n");
    List<Ranking.Entry> top = ranking.top(25);
    for (int i = 0; i < top.size(); i++) {
      Ranking.Entry e = top.get(i);
      html.append("<tr><td>").append(i + 1).append("</td><td>").append(esc(e.node())).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.1f", e.score())).append("</td><td>")
          .append(esc(String.join(", ", e.functions()))).append("</td></tr>\n");
    }
    html.append("</tbody></table>\n</section>\n");
  }

  private static void interfacesSection(StringBuilder html, InterfaceReport interfaces) {
    html.append("<section id=\"interfaces\"><h2>Interfaces between organisations</h2>\n")
        .append("<p>").append(interfaces.interfaces().size())
        .append(" requirements cross organisations. Those that are single points of failure of a function are marked.</p>\n")
        .append("<table><thead><tr><th>depends</th><th>on</th><th>requirement</th><th>redundant</th><th>SPOF of</th></tr></thead><tbody>\n");
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
    html.append("</tbody></table>\n</section>\n");
  }

  // ----------------------------------------------------------------------------- graph data

  /** Nodes with their layered positions, details and SPOF marks; edges provider → dependent. */
  static String data(Model model, List<SpofReport> spofs) {
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

  /** A library's code made safe inside a script element. */
  private static String script(String code) {
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

  // ------------------------------------------------------------------------ style and script

  private static final String CSS = """
      body { font-family: system-ui, sans-serif; margin: 0 2rem 3rem; color: #222; }
      header h1 { margin-bottom: 0.2rem; }
      h2 { border-bottom: 2px solid #ddd; padding-bottom: 0.2rem; margin-top: 2.5rem; }
      code { background: #f3f3f3; padding: 0 0.3rem; border-radius: 3px; }
      .toolbar { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; margin-bottom: 0.5rem; }
      #search { padding: 0.3rem 0.5rem; width: 16rem; }
      .legend .key { margin-right: 1rem; padding: 0 0.4rem; border: 3px solid #ccc; border-radius: 4px; }
      .legend .key.spof { border-color: #d62728; }
      .legend .key.common { border-color: #9467bd; }
      .legend .key.iface { border-style: dashed; border-color: #555; }
      .orgs { display: flex; flex-wrap: wrap; gap: 0.8rem; font-size: 0.85rem; margin-bottom: 0.5rem; }
      .swatch { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; border-radius: 2px; }
      .graph-wrap { display: flex; gap: 1rem; }
      #graph { flex: 1; height: 70vh; min-height: 480px; border: 1px solid #ccc; border-radius: 6px; }
      #details { width: 22rem; max-height: 70vh; overflow: auto; border: 1px solid #ccc; border-radius: 6px; padding: 0.5rem 1rem; font-size: 0.9rem; }
      #details h3 { margin: 0.3rem 0; }
      #details ul { padding-left: 1.2rem; }
      .hint { color: #777; }
      table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9rem; }
      th, td { border: 1px solid #ddd; padding: 0.2rem 0.6rem; text-align: left; vertical-align: top; }
      tr.common td, tr.spof td { background: #fbeaea; }
      article { margin-bottom: 1.5rem; }
      svg.gantt { font-size: 12px; }
      svg.gantt .label { text-anchor: end; }
      svg.gantt .axis { text-anchor: middle; fill: #666; }
      svg.gantt .tick { stroke: #eee; }
      svg.gantt .bar.within { fill: #f2a93b; }
      svg.gantt .bar.beyond { fill: #d62728; }
      svg.gantt .mtpd { stroke: #222; stroke-dasharray: 2 2; }
      """;

  private static final String APP = """
      (function () {
        'use strict';
        var data = JSON.parse(document.getElementById('kuja-data').textContent);
        var byId = {};
        data.nodes.forEach(function (n) { byId[n.id] = n; });
        var shapes = { 'function': 'round-rectangle', 'resource': 'ellipse', 'supplier': 'diamond' };
        var elements = [];
        data.nodes.forEach(function (n) {
          elements.push({ group: 'nodes', data: { id: n.id, label: n.id, color: n.color,
            shape: shapes[n.kind] || 'ellipse' }, position: { x: n.x, y: n.y },
            classes: (n.spof ? 'spof-' + n.spof : '') + ' kind-' + n.kind });
        });
        data.edges.forEach(function (e) {
          elements.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target },
            classes: (e['interface'] ? 'iface' : '') + (e.redundant ? ' redundant' : '') });
        });
        var cy = cytoscape({
          container: document.getElementById('graph'),
          elements: elements,
          layout: { name: 'preset', fit: true, padding: 30 },
          wheelSensitivity: 0.3,
          style: [
            { selector: 'node', style: { 'background-color': 'data(color)', 'shape': 'data(shape)',
              'label': 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3,
              'width': 34, 'height': 34, 'border-width': 1, 'border-color': '#555' } },
            { selector: 'node.kind-function', style: { 'width': 60, 'height': 30 } },
            { selector: 'node.spof-direct', style: { 'border-width': 5, 'border-color': '#d62728' } },
            { selector: 'node.spof-common', style: { 'border-width': 5, 'border-color': '#9467bd' } },
            { selector: 'edge', style: { 'width': 1.2, 'line-color': '#aaa', 'target-arrow-color': '#aaa',
              'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.8 } },
            { selector: 'edge.iface', style: { 'line-style': 'dashed', 'line-color': '#555',
              'target-arrow-color': '#555' } },
            { selector: '.faded', style: { 'opacity': 0.15 } },
            { selector: 'node.match', style: { 'border-width': 6, 'border-color': '#17becf' } },
            { selector: 'node:selected', style: { 'border-width': 6, 'border-color': '#111' } }
          ]
        });
        var details = document.getElementById('details');
        function el(tag, text) {
          var e = document.createElement(tag);
          if (text !== undefined) { e.textContent = text; }
          return e;
        }
        function list(title, items) {
          details.appendChild(el('h4', title + ' (' + items.length + ')'));
          if (items.length === 0) { details.appendChild(el('p', 'none')); return; }
          var ul = el('ul');
          items.forEach(function (t) { ul.appendChild(el('li', t)); });
          details.appendChild(ul);
        }
        function show(id) {
          var n = byId[id];
          details.textContent = '';
          details.appendChild(el('h3', n.name));
          var meta = n.kind + ' · ' + n.id + (n.ownerName ? ' · ' + n.ownerName : '');
          if (n.kind === 'function') {
            meta += ' · ' + n.criticality + ' · MTPD ' + (n.mtpd || '-') + ' · RTO ' + (n.rto || '-');
          }
          details.appendChild(el('p', meta));
          if (n.spof) {
            details.appendChild(el('p', n.spof === 'common' ? 'A common-cause single point of failure'
              : 'A single point of failure'));
          }
          list('Requires', n.requires);
          list('Required by', n.requiredBy);
          if (n.kind === 'function') { list('Single points of failure', n.spofs); }
          cy.elements().removeClass('faded');
          var hood = cy.getElementById(id).closedNeighborhood();
          cy.elements().not(hood).addClass('faded');
        }
        cy.on('tap', 'node', function (evt) { show(evt.target.id()); });
        cy.on('tap', function (evt) {
          if (evt.target === cy) { cy.elements().removeClass('faded'); }
        });
        var search = document.getElementById('search');
        var result = document.getElementById('search-result');
        search.addEventListener('input', function () {
          var q = search.value.trim().toLowerCase();
          cy.nodes().removeClass('match');
          if (!q) { result.textContent = ''; return; }
          var hits = cy.nodes().filter(function (node) {
            var n = byId[node.id()];
            return n.id.toLowerCase().indexOf(q) >= 0 || n.name.toLowerCase().indexOf(q) >= 0;
          });
          hits.addClass('match');
          result.textContent = hits.length + ' found';
          if (hits.length > 0) { cy.animate({ fit: { eles: hits, padding: 80 } }, { duration: 300 }); }
          if (hits.length === 1) { show(hits[0].id()); }
        });
        window.kuja = { cy: cy, show: show, ready: true };
      })();
      """;
}
