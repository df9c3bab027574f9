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
    for (String id : List.of("graph-section", "functions", "scenarios", "ranking", "interfaces")) {
      assertTrue(html.contains("<section id=\"" + id + "\">"), id);
    }
    assertTrue(html.contains("cytoscape"), "the graph library is inlined");
    assertFalse(html.contains("src=\"http"), "nothing is fetched from the network");
    assertFalse(html.contains("href=\"http"), "nothing is fetched from the network");
    assertTrue(html.contains("<svg class=\"gantt\""), "a timeline");
    assertTrue(html.contains("class=\"bar beyond\""), "an outage beyond its MTPD");
    assertTrue(html.contains("; dc-1 + dc-2;"), "double points of failure");
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
