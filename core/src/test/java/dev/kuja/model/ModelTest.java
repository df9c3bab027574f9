package dev.kuja.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.kuja.analysis.Analysis;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.junit.jupiter.api.Test;

class ModelTest {

  static Model small() {
    return Model.builder()
        .name("Small")
        .organisation("county", "County", "wellbeing-services-county")
        .resource("grid", r -> r.owner("county").tags("utility").attribute("voltage", "20kV"))
        .resource("telecom", r -> r.requires("grid").tolerance("PT4H"))
        .resource("generator", r -> r.recovery("PT15M"))
        .function("care", f -> f.owner("county").criticality("vital").mtpd("PT4H").rto("PT2H")
            .mbco("Emergency department open").tags("health")
            .requiresAny("grid", "generator").tolerance("PT15M").requires("telecom"))
        .build();
  }

  @Test
  void builderKeepsEverythingItWasGiven() {
    Model m = small();
    Node care = m.requireNode("care");
    assertEquals(NodeKind.FUNCTION, care.kind());
    assertEquals(Optional.of(Criticality.VITAL), care.criticality());
    assertEquals(Optional.of(Duration.ofHours(4)), care.mtpd());
    assertEquals(Optional.of("Emergency department open"), care.mbco());
    assertEquals(List.of(Requirement.anyOf("grid", "generator").withTolerance(Duration.ofMinutes(15)),
        Requirement.on("telecom")), care.requirements());
    assertEquals("20kV", m.requireNode("grid").attributes().get("voltage"));
    assertEquals(Duration.ofMinutes(15), m.requireNode("generator").recovery());
    assertEquals("grid", m.requireNode("grid").name(), "the name defaults to the id");
    assertEquals(List.of("care"), m.functions().stream().map(Node::id).toList());
    assertEquals(List.of("grid", "care"), m.ownedBy("county").stream().map(Node::id).toList());
    assertEquals(List.of("grid"), m.tagged("utility").stream().map(Node::id).toList());
    assertEquals(3, m.requirementCount());
  }

  @Test
  void toStringReadsLikeASummary() {
    assertEquals("Model 'Small': 1 organisations, 4 nodes (1 functions, 3 resources, 0 suppliers), "
        + "3 requirements", small().toString());
    assertEquals("care [function, vital, owner county, MTPD PT4H, RTO PT2H] requires "
        + "any of [grid, generator] (tolerates PT15M); telecom", small().requireNode("care").toString());
    assertEquals("2 of [a, b, c] (tolerates P3D)",
        Requirement.kOf(2, "a", "b", "c").withTolerance("P3D").toString());
  }

  @Test
  void graphViewHasAnEdgePerAlternativeAndIsReadOnly() {
    Graph<String, Dependency> g = small().graph();
    assertEquals(4, g.vertexSet().size());
    assertEquals(4, g.edgeSet().size());
    assertTrue(g.containsEdge("care", "generator"));
    assertEquals(new Dependency("telecom", "grid", 0), g.getEdge("telecom", "grid"));
    assertTrue(!new CycleDetector<>(g).detectCycles());
    assertThrows(UnsupportedOperationException.class, () -> g.addVertex("x"));
  }

  @Test
  void durationsFormatAsDocumentsWriteThem() {
    assertEquals("PT0S", Durations.format(Duration.ZERO));
    assertEquals("PT4H", Durations.format(Duration.ofHours(4)));
    assertEquals("P2D", Durations.format(Duration.ofDays(2)));
    assertEquals("P1DT12H", Durations.format(Duration.ofHours(36)));
    assertEquals(Duration.ofHours(36), Durations.parse("P1DT12H"));
    assertThrows(IllegalArgumentException.class, () -> Durations.parse("36h"));
  }

  @Test
  void aModelNoLongerUsedIsCollectedWithItsCompactForm() throws Exception {
    // the compact form is cached per model with weak keys: it must not hold its model
    java.lang.ref.WeakReference<Model> ref = analysedAndDropped();
    for (int i = 0; i < 50 && ref.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertNull(ref.get(), "the model is still reachable after its analyses");
  }

  private static java.lang.ref.WeakReference<Model> analysedAndDropped() {
    Model m = small();
    Analysis.of(m).impact(m.nodes().get(0).id());
    Analysis.of(m).failureTimes(m.nodes().get(0).id());
    return new java.lang.ref.WeakReference<>(m);
  }

  @Test
  void unavailabilityIsTheMeanShareOfThePeriodSpentDown() {
    Duration year = Duration.ofDays(365);
    assertEquals(0.1, Reliability.probability(0.1).unavailability(year));
    // p = 0.5 with a fixed repair of 73 days: down a fifth of the year with probability 1/2
    assertEquals(0.1, Reliability.probability(0.5).withRepairTime(new RepairTime.Fixed(Duration.ofDays(73)))
        .unavailability(year), 1e-15);
    // a repair longer than the period is cut at the period
    assertEquals(0.5, Reliability.probability(0.5).withRepairTime(new RepairTime.Fixed(Duration.ofDays(400)))
        .unavailability(year), 1e-15);
    // 4 failures a year, each repaired in 1/4 of a year: λτ = 1, down half the time
    assertEquals(0.5, Reliability.rate(4, new RepairTime.Fixed(Duration.ofMillis(365L * 24 * 3600 * 1000 / 4)))
        .unavailability(year), 1e-15);
    // one failure a year and no repair: 1 − (1 − e^−1) / 1
    Reliability once = new Reliability(java.util.OptionalDouble.empty(), java.util.OptionalDouble.of(1), Optional.empty());
    assertEquals(Math.exp(-1), once.unavailability(year), 1e-15);
    assertEquals(0.0, Reliability.rate(0, new RepairTime.Fixed(Duration.ofHours(1))).unavailability(year));
    assertThrows(IllegalArgumentException.class, () -> once.unavailability(Duration.ZERO));
  }

  @Test
  void aCellOfAWorkbookIsNamedAsSpreadsheetsNameIt() {
    assertEquals("bia.xlsx:requirements!C7", Problem.Location.cell("bia.xlsx", "requirements", 7, 3).toString());
    assertEquals("bia.xlsx:nodes!4:4", Problem.Location.cell("bia.xlsx", "nodes", 4, 0).toString());
    assertEquals("bia.xlsx:nodes", Problem.Location.cell("bia.xlsx", "nodes", 0, 0).toString());
    assertEquals("b.ods:'my sheet'!AA1", Problem.Location.cell("b.ods", "my sheet", 1, 27).toString());
    assertEquals("b.ods:'it''s'!A1", Problem.Location.cell("b.ods", "it's", 1, 1).toString());
    assertEquals(List.of("A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"),
        java.util.stream.IntStream.of(1, 26, 27, 52, 53, 702, 703).mapToObj(Problem.Location::columnName).toList());
    assertEquals("nodes.csv:3:5", new Problem.Location("nodes.csv", 3, 5).toString());
  }
}
