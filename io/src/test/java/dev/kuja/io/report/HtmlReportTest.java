package dev.kuja.io.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.document.ScenarioDocuments;
import dev.kuja.model.Model;
import dev.kuja.simulation.Scenario;
import dev.kuja.simulation.SimulationResult;
import dev.kuja.simulation.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTML report: escaping, and the example county's report in a real headless Chromium. */
class HtmlReportTest {

  static final Path EXAMPLES = Path.of("..", "examples", "models");

  /** Names that try to break out of every context the report writes them in. */
  static Model hostile() {
    return Model.builder().name("<script>window.pwned = 'title'</script>")
        .organisation("evil", "</script><script>window.pwned = 'org'</script>", "company")
        .resource("grid", r -> r.owner("evil").name("<img src=x onerror=\"window.pwned='img'\">"))
        .function("care", f -> f.name("Care & \"cure\" </style><script>window.pwned='fn'</script>")
            .criticality("vital").mtpd("PT4H").requires("grid"))
        .build();
  }

  @Test
  void everythingFromTheModelIsEscaped() {
    Model m = hostile();
    SimulationResult r = Simulator.of(m).run(Scenario.builder("<b>storm</b>").horizon("PT12H")
        .disrupt("grid", "PT0S", "PT6H").build());
    String html = HtmlReport.render(m, List.of(r));
    assertFalse(html.contains("<script>window.pwned"), "a raw script from the model");
    assertFalse(html.contains("<img src=x"), "a raw img from the model");
    assertFalse(html.contains("<b>storm"), "raw markup from a scenario name");
    assertTrue(html.contains("&lt;script&gt;window.pwned = &#39;title&#39;&lt;/script&gt;"), "escaped title");
    assertTrue(html.contains("&lt;b&gt;storm&lt;/b&gt;"), "escaped scenario name");
    // in the graph data, markup characters are JSON escapes
    int data = html.indexOf("id=\"kuja-data\">");
    String json = html.substring(data, html.indexOf("</script>", data));
    assertTrue(json.contains("\\u003cimg src=x"), json);
    assertFalse(json.substring(1).contains("<"), json);
  }

  @Test
  void theReportHasEverySection() throws Exception {
    Model m = ModelDocuments.read(EXAMPLES.resolve("county.yaml"));
    Scenario storm = ScenarioDocuments.read(EXAMPLES.resolve("storm.yaml"), m);
    String html = HtmlReport.render(m, List.of(Simulator.of(m).run(storm)));
    for (String id : List.of("graph-section", "functions", "scenarios", "risk", "objectives", "ranking", "interfaces")) {
      assertTrue(html.contains("<section id=\"" + id + "\">"), id);
    }
    assertTrue(html.contains("cytoscape"), "the graph library is inlined");
    assertFalse(html.contains("src=\"http"), "nothing is fetched from the network");
    assertFalse(html.contains("href=\"http"), "nothing is fetched from the network");
    assertTrue(html.contains("<svg class=\"gantt\""), "a timeline");
    assertTrue(html.contains("class=\"bar beyond\""), "an outage beyond its MTPD (food service, no thresholds)");
    assertTrue(html.contains("class=\"bar lvl-5 beyond\""), "catastrophic beyond the MTPD (emergency care)");
    assertTrue(html.contains("<table class=\"matrix\">"), "the risk matrix");
    assertTrue(html.contains("<td class=\"risk-critical\"><div>winter-storm/emergency-medical-services</div></td>"),
        "the storm's effect on emergency medical services, likely × catastrophic, in a red cell");
    assertTrue(html.contains("<tr class=\"gap\"><td>telecom-core</td><td>PT4H</td><td>PT0S</td>"),
        "the telecom operator's restoration commitment is too long");
    assertTrue(html.contains("; dc-1 + dc-2;"), "double points of failure");
  }

  /** cytoscape.js is MIT: the copy inlined into every report keeps its licence (NOTICE). */
  @Test
  void theInlinedGraphLibraryKeepsItsLicenceHeader() throws Exception {
    Model m = ModelDocuments.read(EXAMPLES.resolve("county.yaml"));
    String html = HtmlReport.render(m, List.of());
    int script = html.indexOf("Copyright (c) 2016-2025, The Cytoscape Consortium.");
    assertTrue(script > 0, "cytoscape's copyright line");
    assertTrue(html.indexOf("Permission is hereby granted, free of charge", script) > script,
        "and its permission notice with it");
  }

  @Test
  void layersPutFunctionsOnTopAndSuppliersBelowResources() throws Exception {
    Model m = ModelDocuments.read(EXAMPLES.resolve("county.yaml"));
    Map<String, double[]> at = HtmlReport.layout(m);
    double careY = at.get("emergency-care")[1];
    double gridY = at.get("grid")[1];
    double depotY = at.get("fuel-depot")[1];
    assertTrue(careY < gridY, "functions above resources");
    assertTrue(gridY < depotY, "resources above suppliers");
    assertEquals(m.size(), at.size());
  }

  static boolean browserRequired() {
    boolean ci = System.getenv("CI") != null;
    boolean present = Files.isExecutable(Chromium.BINARY);
    // CI installs Debian's chromium (.ci/run) and must run the browser tests; elsewhere they
    // run when Chromium is there
    assumeTrue(ci || present, "Chromium is not installed");
    return true;
  }

  /**
   * f needs the grid; minor after 1 h, severe after 3 h; MTPD 2 h. The grid is out [0, 4 h) of
   * a horizon of 8 h (plot 730 px wide from x = 230, so 1 h is 91.25 px): f's bar is grey on
   * [0, 1 h), minor on [1 h, 2 h), minor and beyond the MTPD on [2 h, 3 h), severe and beyond on
   * [3 h, 4 h). g has no thresholds: amber to its MTPD of 3 h, red after.
   */
  @Test
  void timelineBarsTakeTheColourOfTheImpactLevelReached() {
    Model m = Model.builder()
        .resource("grid")
        .function("f", f -> f.criticality("vital").mtpd("PT2H").requires("grid")
            .impact("PT1H", "health", "minor").impact("PT3H", "health", "severe"))
        .function("g", f -> f.criticality("vital").mtpd("PT3H").requires("grid"))
        .build();
    SimulationResult r = Simulator.of(m).run(Scenario.builder("out").horizon("PT8H")
        .disrupt("grid", "PT0S", "PT4H").build());
    String svg = HtmlReport.gantt(m, r);
    List<String> bars = java.util.regex.Pattern.compile("<rect x=\"([0-9.]+)\" y=\"\\d+\" width=\"([0-9.]+)\""
        + " height=\"16\" class=\"bar ([^\"]+)\"").matcher(svg).results()
        .map(x -> x.group(3) + " " + x.group(1) + "+" + x.group(2)).toList();
    assertEquals(List.of("lvl-0 230.0+91.3", "lvl-1 321.3+91.3", "lvl-1 beyond 412.5+91.3",
        "lvl-4 beyond 503.8+91.3", "within 230.0+273.8", "beyond 503.8+91.3"), bars);
  }

  @Test
  void theExampleReportWorksInARealBrowser() throws Exception {
    browserRequired();
    Model m = ModelDocuments.read(EXAMPLES.resolve("county.yaml"));
    Scenario storm = ScenarioDocuments.read(EXAMPLES.resolve("storm.yaml"), m);
    Path file = Path.of("target", "report-county.html").toAbsolutePath();
    Files.createDirectories(file.getParent());
    HtmlReport.write(m, List.of(Simulator.of(m).run(storm)), file);
    try (Chromium c = Chromium.start()) {
      c.open(file.toUri().toString());
      c.waitFor("window.kuja && window.kuja.ready", Duration.ofSeconds(30));
      assertEquals(m.size(), c.eval("kuja.cy.nodes().length").asInt(), "every node is drawn");
      assertEquals(m.requirementCount() > 0, c.eval("kuja.cy.edges().length > 0").asBoolean());
      assertTrue(c.eval("kuja.cy.nodes('.spof-common').length > 0").asBoolean(), "common-cause SPOFs marked");
      assertTrue(c.eval("kuja.cy.edges('.iface').length > 0").asBoolean(), "interfaces marked");
      assertTrue(c.eval("document.querySelectorAll('svg.gantt rect.bar').length").asInt() > 0, "a timeline");
      assertEquals(25, c.eval("document.querySelectorAll('table.matrix td').length").asInt(), "a 5×5 matrix");
      assertTrue(c.eval("getComputedStyle(document.querySelector('table.matrix td.risk-critical')).backgroundColor")
          .asText().startsWith("rgb(244, 163, 163)"), "critical cells are red");
      // a real click on the node shows its details
      JsonNode at = c.eval("(function () { var p = kuja.cy.getElementById('emergency-care').renderedPosition();"
          + " var r = document.getElementById('graph').getBoundingClientRect();"
          + " return [r.left + p.x, r.top + p.y]; })()");
      c.click(at.get(0).asDouble(), at.get(1).asDouble());
      c.waitFor("document.querySelector('#details h3')", Duration.ofSeconds(10));
      assertEquals("Emergency care (päivystys)", c.eval("document.querySelector('#details h3').textContent").asText());
      String details = c.eval("document.getElementById('details').textContent").asText();
      assertTrue(details.contains("Requires"), details);
      assertTrue(details.contains("Single points of failure"), details);
      assertTrue(details.contains("ict-staff"), details);
      c.screenshot(Path.of("target", "report-county.png"));
      // search by name
      c.eval("(function () { var s = document.getElementById('search'); s.value = 'patient record';"
          + " s.dispatchEvent(new Event('input')); return true; })()");
      assertEquals("1 found", c.eval("document.getElementById('search-result').textContent").asText());
      assertEquals("Patient record system", c.eval("document.querySelector('#details h3').textContent").asText());
      assertEquals(List.of(), c.errors, "console errors");
    }
  }

  @Test
  void hostileNamesStayTextInARealBrowser() throws Exception {
    browserRequired();
    Model m = hostile();
    Path file = Path.of("target", "report-hostile.html").toAbsolutePath();
    Files.createDirectories(file.getParent());
    HtmlReport.write(m, List.of(), file);
    try (Chromium c = Chromium.start()) {
      c.open(file.toUri().toString());
      c.waitFor("window.kuja && window.kuja.ready", Duration.ofSeconds(30));
      c.eval("kuja.show('care'); true");
      assertEquals("undefined", c.eval("typeof window.pwned").asText());
      assertEquals("Care & \"cure\" </style><script>window.pwned='fn'</script>",
          c.eval("document.querySelector('#details h3').textContent").asText());
      assertEquals(2, c.eval("kuja.cy.nodes().length").asInt());
      assertEquals(List.of(), c.errors, "console errors");
    }
  }

  @Test
  void theRegionsReportHasItsMatrixAndDocumentsInARealBrowser() throws Exception {
    Model m = ModelDocuments.read(Path.of("..", "examples", "region", "region.yaml"));
    String html = HtmlReport.render(dev.kuja.report.Report.of(m));
    assertTrue(html.contains("<section id=\"coordination\">"), "the coordination section");
    assertTrue(html.contains("data-dependent=\"power-co\" data-provider=\"tso\""), "a cell of the matrix");
    assertTrue(html.contains("<h3>Service commitments at the interfaces</h3>"), "the commitments");
    assertTrue(html.contains("<tr class=\"mismatch\"><td>grid-town</td>"), "a mismatch marked");
    browserRequired();
    Path file = Path.of("target", "report-region.html").toAbsolutePath();
    Files.createDirectories(file.getParent());
    Files.writeString(file, html);
    try (Chromium c = Chromium.start()) {
      c.open(file.toUri().toString());
      c.waitFor("window.kuja && window.kuja.ready", Duration.ofSeconds(30));
      // a click on a cell marks its critical interfaces in the graph
      c.eval("document.querySelector('td[data-dependent=\"power-co\"][data-provider=\"tso\"]').click(); true");
      assertEquals(1, c.eval("kuja.cy.edges('.critical').length").asInt());
      assertEquals("transmission", c.eval("kuja.cy.edges('.critical')[0].data('source')").asText());
      c.eval("kuja.show('substation'); true");
      String details = c.eval("document.getElementById('details').textContent").asText();
      assertTrue(details.contains("from ../examples/region/power-co.yaml"), details);
      assertEquals(List.of(), c.errors, "console errors");
    }
  }
}
