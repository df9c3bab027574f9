package dev.kuja.io.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.document.ScenarioDocuments;
import dev.kuja.model.Model;
import dev.kuja.report.Report;
import dev.kuja.simulation.Scenario;
import dev.kuja.simulation.Simulator;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The renderers of a report only format it: the same value gives the same parts everywhere. */
class ReportRenderingTest {

  static Model county;
  static Scenario storm;
  static Report report;

  @BeforeAll
  static void county() {
    county = ModelDocuments.read(HtmlReportTest.EXAMPLES.resolve("county.yaml"));
    storm = ScenarioDocuments.read(HtmlReportTest.EXAMPLES.resolve("storm.yaml"), county);
    report = Report.builder(county).scenario(storm).build();
  }

  @Test
  void theReportJsonIsMadeOfTheResultWriters() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode json = mapper.readTree(ReportJson.render(report));
    assertEquals(List.of("model", "valid", "nodes", "top", "totals", "functions", "ranking", "interfaces",
        "coordination", "commitments", "scenarios", "risk", "objectives"), iterable(json.fieldNames()));
    assertTrue(json.get("top").isNull(), "nothing is cut");
    // every item has the shape its own command gives it, with the counts added
    JsonNode spofs = mapper.readTree(ResultsJson.spofs(report.byExposure())).get("functions");
    assertEquals(report.spofs().size(), json.get("functions").size());
    for (int i = 0; i < spofs.size(); i++) {
      JsonNode f = json.get("functions").get(i);
      assertEquals(spofs.get(i).get("id"), f.get("id"));
      assertEquals(spofs.get(i).get("spofs"), f.get("spofs"));
      assertEquals(f.get("spofs").size(), f.get("spofCount").asInt());
      assertEquals(report.byExposure().get(i).commonCauseCount(), f.get("commonCauseCount").asInt());
    }
    JsonNode emergency = json.get("functions").get(0);
    assertEquals("emergency-care", emergency.get("id").asText(), "the most exposed first");
    assertEquals(mapper.valueToTree(report.cutSets("emergency-care").orElseThrow().ofOrder(2)),
        emergency.get("doublePoints"));
    JsonNode ranking = mapper.readTree(ResultsJson.ranking(report.ranking())).get("ranking");
    assertEquals(ranking.size(), json.get("ranking").size());
    for (int i = 0; i < ranking.size(); i++) {
      ObjectNode entry = ((ObjectNode) json.get("ranking").get(i)).deepCopy();
      assertEquals(entry.get("functions").size(), entry.remove("functionCount").asInt());
      assertEquals(ranking.get(i), entry);
    }
    JsonNode groups = mapper.readTree(ResultsJson.interfaces(report.interfaces())).get("groups");
    assertEquals(groups.size(), json.get("interfaces").size());
    for (int i = 0; i < groups.size(); i++) {
      JsonNode group = json.get("interfaces").get(i);
      assertEquals(groups.get(i).get("interfaces").size(), group.get("interfaceCount").asInt());
      for (int k = 0; k < group.get("interfaces").size(); k++) {
        ObjectNode face = ((ObjectNode) group.get("interfaces").get(k)).deepCopy();
        assertEquals(face.get("spofOf").size(), face.remove("spofOfCount").asInt());
        assertEquals(groups.get(i).get("interfaces").get(k), face);
      }
    }
    assertEquals(1, json.get("scenarios").size());
    assertEquals(mapper.readTree(ResultsJson.simulation(report.simulations().get(0))), json.get("scenarios").get(0));
    assertEquals(mapper.readTree(RiskJson.riskMatrix(report.riskMatrix().orElseThrow())), json.get("risk"));
    assertEquals(mapper.readTree(RiskJson.objectives(report.objectives())), json.get("objectives"));
    Report.Totals t = report.totals();
    assertEquals(t.spofs(), json.get("totals").get("spofs").asLong());
    assertEquals(t.interfaces(), json.get("totals").get("interfaces").asInt());
  }

  /** With a top of N, every list has at most N items and its full size beside it. */
  @Test
  void aBoundedReportCutsEveryListAndCountsIt() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode all = mapper.readTree(ReportJson.render(report));
    StringWriter streamed = new StringWriter();
    ReportJson.write(report, 3, streamed);
    JsonNode three = mapper.readTree(streamed.toString());
    assertEquals(mapper.readTree(ReportJson.render(report, 3)), three, "streamed as rendered");
    assertEquals(3, three.get("top").asInt());
    assertEquals(all.get("totals"), three.get("totals"), "the totals count everything");
    assertEquals(3, three.get("functions").size());
    for (int i = 0; i < 3; i++) {
      JsonNode f = three.get("functions").get(i);
      JsonNode full = all.get("functions").get(i);
      assertEquals(full.get("spofCount"), f.get("spofCount"));
      assertEquals(Math.min(3, full.get("spofs").size()), f.get("spofs").size());
      assertEquals(full.get("spofs").get(0), f.get("spofs").get(0), "a prefix, in the same order");
      assertEquals(full.get("doublePointCount"), f.get("doublePointCount"));
      assertTrue(f.get("doublePoints").size() <= 3);
    }
    assertEquals(3, three.get("ranking").size());
    for (JsonNode e : three.get("ranking")) {
      assertTrue(e.get("functions").size() <= 3 && e.get("functionCount").asInt() >= e.get("functions").size());
    }
    assertEquals(3, three.get("interfaces").size());
    JsonNode scenario = three.get("scenarios").get(0);
    assertEquals(county.functions().size(), scenario.get("functionCount").asInt());
    assertTrue(scenario.get("functions").size() <= 3);
    assertEquals(all.get("scenarios").get(0).get("nodes").size(), scenario.get("nodeCount").asInt());
    assertEquals(3, scenario.get("nodes").size());
    JsonNode hardest = scenario.get("functions").get(0);
    assertTrue(hardest.get("mtpdExceeded").asBoolean(), "the functions beyond their MTPD first: " + hardest);
    assertThrows(IllegalArgumentException.class, () -> ReportJson.render(report, -1));
  }

  @Test
  void theBoundedTextSaysHowMuchItLeftOut() {
    String three = TextReport.render(report, "county.yaml", 3);
    List<String> lines = three.lines().toList();
    assertTrue(three.contains("11 functions, 11 of them with single points of failure: "
        + report.totals().spofs() + " in all, " + report.totals().commonCause() + " common-cause."), three);
    assertTrue(three.contains("The 3 most exposed"), three);
    assertTrue(three.contains("… and 8 more functions"), three);
    assertEquals(1, lines.stream().filter(l -> l.startsWith("  emergency-care ")).count(), three);
    assertTrue(three.contains("      double        "), "double points of failure: " + three);
    String all = TextReport.render(report, "county.yaml", ReportJson.ALL);
    assertTrue(all.lines().count() > lines.size());
    assertTrue(!all.contains("… and"), all);
  }

  @Test
  void theTextShowsTheRiskMatrixAndTheRecoveryObjectiveGaps() {
    String text = TextReport.render(report);
    assertTrue(text.contains("RISK MATRIX (likelihood per year × impact level; 10,000 years per threat, seed 1)"), text);
    assertTrue(text.contains(report.riskMatrix().orElseThrow().matrixTable().indent(2).stripTrailing()), text);
    assertTrue(text.contains("  all causes (threats and reliability data together):"), text);
    assertTrue(text.contains("RECOVERY OBJECTIVES: DECLARED RTO LONGER THAN REQUIRED\n"
        + "  substation: declared PT12H, required PT7H30M by emergency-medical-services (+PT4H30M)\n"
        + "      substation -> grid -> virve -> emergency-centre -> emergency-medical-services"), text);
    assertTrue(text.indexOf("RECOVERY OBJECTIVES") < text.indexOf("SCENARIO: STORM"), text);
  }

  @Test
  void theTextNamesTheModelAndShowsTheTopOfTheRanking() {
    List<String> text = TextReport.render(report).lines().toList();
    assertEquals("KUJA CONTINUITY REPORT — Example wellbeing services county", text.get(0));
    assertTrue(text.get(1).startsWith("Example wellbeing services county: valid. Model 'Example"), text.get(1));
    String three = TextReport.render(report, "county.yaml", 3);
    assertTrue(three.lines().toList().get(1).startsWith("county.yaml: valid. "), three);
    // the rows of the ranking, each row's functions cut at 3 too
    for (String row : TextReport.ranking(report.ranking(), 3).indent(2).lines().toList()) {
      String cut = row.length() > 44 ? row.substring(0, 44) : row;
      assertTrue(three.lines().anyMatch(l -> l.startsWith(cut)), row + " in " + three);
    }
    assertEquals(4, TextReport.ranking(report.ranking(), 3).lines().count());
    assertTrue(three.contains("SCENARIO: STORM, TWO DAYS WITHOUT POWER"), three);
  }

  @Test
  void theHtmlOfAReportEqualsTheHtmlOfItsModelAndResults() {
    assertEquals(HtmlReport.render(county, List.of(Simulator.of(county).run(storm))), HtmlReport.render(report));
  }

  @Test
  void thePageHasAPlaceForEverything() {
    Template page = Template.of(Template.resource(HtmlReport.class, "report.html"));
    assertEquals(Set.of("title", "organisations", "nodes", "functions", "requirements", "css",
        "graph", "function-articles", "scenario-articles", "risk-matrix", "objectives", "ranking-rows",
        "interface-count", "interface-note", "interface-rows", "coordination-matrix", "coordination-list",
        "commitments", "cytoscape", "data", "app"), page.names());
  }

  @Test
  void aTemplateFillsInOnePassAndEscapesByKind() {
    Template t = Template.of("<p>{{a}}</p><script>{{b}}</script><script>{{c}}</script>{{d}}{{a}}");
    String out = t.fill().text("a", "{{d}} <b>&").script("b", "x = '</script>'")
        .json("c", "{\"k\": \"</script>\"}").markup("d", "<i>{{a}}</i>").render();
    assertEquals("<p>{{d}} &lt;b&gt;&amp;</p><script>x = '<\\/script>'</script>"
        + "<script>{\"k\": \"\\u003c/script\\u003e\"}</script><i>{{a}}</i>{{d}} &lt;b&gt;&amp;", out);
    assertThrows(IllegalStateException.class, () -> t.fill().text("a", "x").render(), "values missing");
    assertThrows(IllegalArgumentException.class, () -> t.fill().text("e", "x"), "no such placeholder");
    assertThrows(IllegalArgumentException.class, () -> t.fill().text("a", "x").text("a", "y"), "twice");
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> out = new java.util.ArrayList<>();
    names.forEachRemaining(out::add);
    return out;
  }
}
