package dev.kuja.io.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import dev.kuja.analysis.Analysis;
import dev.kuja.io.DocumentException;
import dev.kuja.model.Criticality;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Problem;
import dev.kuja.model.Requirement;
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
}
