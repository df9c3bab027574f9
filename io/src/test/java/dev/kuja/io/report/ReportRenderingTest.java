package dev.kuja.io.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.document.ScenarioDocuments;
import dev.kuja.model.Model;
import dev.kuja.report.Report;
import dev.kuja.simulation.Scenario;
import dev.kuja.simulation.Simulator;
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
    assertEquals(List.of("model", "valid", "nodes", "functions", "ranking", "interfaces", "coordination",
        "commitments", "scenarios", "risk", "objectives"), iterable(json.fieldNames()));
    assertEquals(mapper.readTree(ResultsJson.spofs(report.spofs())).get("functions"), json.get("functions"));
    assertEquals(mapper.readTree(ResultsJson.ranking(report.ranking())).get("ranking"), json.get("ranking"));
    assertEquals(mapper.readTree(ResultsJson.interfaces(report.interfaces())).get("groups"), json.get("interfaces"));
    assertEquals(1, json.get("scenarios").size());
    assertEquals(mapper.readTree(ResultsJson.simulation(report.simulations().get(0))), json.get("scenarios").get(0));
    assertEquals(mapper.readTree(RiskJson.riskMatrix(report.riskMatrix().orElseThrow())), json.get("risk"));
    assertEquals(mapper.readTree(RiskJson.objectives(report.objectives())), json.get("objectives"));
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
    assertTrue(three.lines().toList().containsAll(TextReport.ranking(report.ranking(), 3).indent(2).lines().toList()), three);
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
        "organisation-keys", "function-articles", "scenario-articles", "risk-matrix", "objectives", "ranking-rows",
        "interface-count", "interface-rows", "coordination-matrix", "coordination-list", "commitments",
        "cytoscape", "data", "app"), page.names());
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
