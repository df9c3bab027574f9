package dev.kuja.io.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import dev.kuja.analysis.Analysis;
import dev.kuja.io.DocumentException;
import dev.kuja.model.Criticality;
import dev.kuja.model.ImpactLevel;
import dev.kuja.model.ImpactThreshold;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Problem;
import dev.kuja.model.RepairTime;
import dev.kuja.model.Requirement;
import dev.kuja.model.Threat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BiaCsvTest {

  @Test
  void theBundledTablesImport() {
    Model m = BiaCsv.read(Path.of("..", "examples", "bia", "nodes.csv"),
        Path.of("..", "examples", "bia", "requirements.csv"));
    assertEquals(5, m.size());
    Node care = m.requireNode("emergency-care");
    assertEquals(Optional.of(Criticality.VITAL), care.criticality());
    assertEquals(Optional.of(Duration.ofHours(4)), care.mtpd());
    assertEquals(Set.of("health", "vital-function:population-services"), care.tags());
    assertEquals(List.of(Requirement.anyOf("grid", "generator"),
        Requirement.on("records").withTolerance("PT4H")), care.requirements());
    assertEquals(Duration.ofHours(2), m.requireNode("records").recovery());
    assertEquals(List.of("power-co", "county", "fuel-co"),
        m.organisations().stream().map(o -> o.id()).toList());
    // the generators' shared fuel is a common-cause SPOF once the grid is gone … but the grid is
    // an alternative, so the import gives a model without SPOFs beyond records' chain
    assertEquals(List.of("records"), Analysis.of(m).spofs("emergency-care").nodes());
  }

  @Test
  void everyProblemIsReportedWithRowAndColumn() {
    String nodes = """
        id,kind,name,ownr,criticality,mtpd
        grid,resource,,,
        care,function,Care,,deadly,4h
        ,resource
        grid,resource
        """;
    String requirements = """
        node,alternatives,k,tolerance
        care,grid|gird,1,
        care,grid,two,PT1H
        nobody,grid,,
        """;
    DocumentException e = assertThrows(DocumentException.class,
        () -> BiaCsv.read(nodes, "nodes.csv", requirements, "requirements.csv"));
    assertEquals(List.of(
        "nodes.csv:1:4: unknown column 'ownr'; did you mean 'owner'?",
        "nodes.csv:3:5: column 'criticality': must be vital, critical, important or supporting, not 'deadly'",
        "nodes.csv:3:6: column 'mtpd': '4h' is not an ISO-8601 duration (examples: PT15M, PT4H, P2D)",
        "nodes.csv:4:1: column 'id': must not be empty",
        "nodes.csv:5:1: column 'id': node id 'grid' appears in an earlier row too",
        "requirements.csv:2:2: node 'care', requirement 1 (alternatives): names 'gird', which is not a node; did you mean 'grid'?",
        "requirements.csv:3:3: column 'k': must be a whole number, not 'two'",
        "requirements.csv:4:1: column 'node': names 'nobody', which is not a row of nodes.csv"),
        e.problems().stream().map(Problem::toString).toList());
  }

  private static final Path BIA = Path.of("..", "examples", "bia");

  @Test
  void theBundledImpactsAndThreatsImport() {
    Model m = BiaCsv.read(BiaCsv.Table.of(BIA.resolve("nodes.csv")), BiaCsv.Table.of(BIA.resolve("requirements.csv")),
        Optional.of(BiaCsv.Table.of(BIA.resolve("impacts.csv"))), Optional.of(BiaCsv.Table.of(BIA.resolve("threats.csv"))));
    assertEquals(Optional.of(Duration.ofDays(2)), m.requireNode("fuel").rto());
    assertEquals(List.of(
        ImpactThreshold.of(Duration.ofMinutes(30), "health", ImpactLevel.MODERATE),
        ImpactThreshold.of(Duration.ofHours(1), "health", ImpactLevel.SERIOUS)
            .withNote("patients diverted to the next hospital"),
        ImpactThreshold.of(Duration.ofHours(4), "health", ImpactLevel.CATASTROPHIC),
        ImpactThreshold.of(Duration.ofDays(1), "finance", ImpactLevel.MODERATE).withNote("overtime and outsourcing")),
        m.requireNode("emergency-care").impacts());
    assertEquals(List.of(
        Threat.builder("storm").name("Winter storm over the city").ratePerYear(0.3)
            .duration(new RepairTime.LogNormal(Duration.ofHours(20), 0.7)).nodes("grid").build(),
        Threat.builder("fuel-strike").name("Fuel distributor strike").probability(0.02)
            .duration(new RepairTime.Uniform(Duration.ofDays(2), Duration.ofDays(14))).organisation("fuel-co").build(),
        Threat.builder("ransomware").name("Ransomware in the ICT systems").ratePerYear(0.1).duration("P5D")
            .tag("ict").build()),
        m.threats());
  }

  @Test
  void problemsOfImpactAndThreatTablesNameRowAndColumn() {
    String nodes = """
        id,kind,owner,criticality,rto
        grid,resource,power-co,,PT8H
        care,function,county,vital,
        """;
    String requirements = """
        node,alternatives
        care,grid
        """;
    String impacts = """
        function,after,category,level,note
        care,PT1H,health,serious,
        care,PT4H,health,minor,
        care,4h,health,severe,
        grid,PT1H,health,minor,
        cair,PT1H,health,minor,
        care,PT2H,finance,dire,
        """;
    String threats = """
        id,name,probability,rate,duration,distribution,median,nodes,organisations,tags
        storm,Storm,,0.3,,lognormal,PT20H,gird,power-c,
        strike,Strike,1.5,,P2D,,,,county,
        quiet,Quiet,,,,,,,,
        storm,Again,,1,,,,grid,,
        """;
    DocumentException e = assertThrows(DocumentException.class, () -> BiaCsv.read(
        new BiaCsv.Table("nodes.csv", nodes), new BiaCsv.Table("requirements.csv", requirements),
        Optional.of(new BiaCsv.Table("impacts.csv", impacts)), Optional.of(new BiaCsv.Table("threats.csv", threats))));
    // files in the order of their first problem, each in row and column order
    assertEquals(List.of(
        "impacts.csv:3:4: node 'care', impact 2 (level): category 'health' is minor after PT4H but already "
            + "serious after PT1H (impact 1); levels of a category must rise with time",
        "impacts.csv:4:2: column 'after': '4h' is not an ISO-8601 duration (examples: PT15M, PT4H, P2D)",
        "impacts.csv:6:1: column 'function': names 'cair', which is not a row of nodes.csv; did you mean 'care'?",
        "impacts.csv:7:4: column 'level': must be minor, moderate, serious, severe or catastrophic, not 'dire'",
        "threats.csv:2:6: column 'distribution': a lognormal distribution needs sigma",
        "threats.csv:2:8: threat 'storm', target 1: names node 'gird', which is not a node; did you mean 'grid'?",
        "threats.csv:2:9: threat 'storm', target 2: names organisation 'power-c', which is not an organisation "
            + "of the model; did you mean 'power-co'?",
        "threats.csv:3:3: threat 'strike' (probability): probability 1.5 is not between 0 and 1",
        "threats.csv:4:4: threat 'quiet' (rate): a threat needs a rate per year or a probability per period",
        "threats.csv:4:8: threat 'quiet' (targets): the threat disrupts nothing: give it targets (nodes, "
            + "organisations or tags)",
        "threats.csv:5:1: column 'id': threat id 'storm' appears in an earlier row too",
        "nodes.csv:2:2: node 'grid' (impacts): only functions have impacts; this node is a resource"),
        e.problems().stream().map(Problem::toString).toList());
  }
}
