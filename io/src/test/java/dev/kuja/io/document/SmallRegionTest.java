package dev.kuja.io.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.Spof;
import dev.kuja.io.Format;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.region.Commitments;
import dev.kuja.region.PublicView;
import dev.kuja.report.Coordination;
import dev.kuja.report.Report;
import dev.kuja.simulation.Scenario;
import dev.kuja.simulation.Simulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hand-worked small region of docs/regional.md: a county, a power company, a telecom
 * operator and a fuel distributor, each with its document (src/test/resources/regional/). Every
 * number the text derives by hand is asserted here.
 */
class SmallRegionTest {

  static final Path DIR = Path.of("src", "test", "resources", "regional");

  private final Model region = ModelDocuments.read(DIR.resolve("region.yaml"));
  private final Model county = ModelDocuments.read(DIR.resolve("county.yaml"));
  private final Scenario outage = ScenarioDocuments.read(DIR.resolve("outage.yaml"), county);

  @Test
  void composed() {
    assertEquals(16, region.size());
    assertEquals(Optional.of(DIR.resolve("power-co.yaml").toString()), region.source("substation"));
    Analysis a = Analysis.of(region);
    assertEquals(List.of(), a.spofs("care").spofs());
    assertEquals(20, a.cutSets("care", 2).sets().size());
    assertEquals(List.of("grid-town", "substation", "control", "telecom"),
        a.spofs("town-water").spofs().stream().map(Spof::node).toList());
    assertEquals(List.of(Set.of("depot", "town-feeder"), Set.of("drivers", "town-feeder"), Set.of("fuel", "town-feeder"),
        Set.of("line-1", "line-2"), Set.of("town-feeder", "town-generator")), a.cutSets("town-water", 2).ofOrder(2));
  }

  @Test
  void theCountyAlone() {
    assertEquals(6, county.size());
    assertTrue(county.isExternal("grid-town"));
    Analysis a = Analysis.of(county);
    assertEquals(List.of(Set.of("fuel", "grid"), Set.of("generator", "grid")), a.cutSets("care", 2).sets());
    assertEquals(List.of("grid-town"), a.spofs("town-water").spofs().stream().map(Spof::node).toList());
    // the town grid's outage is bounded by its committed RTO alone, by power-co's model composed
    assertEquals(Duration.ofHours(1),
        Simulator.of(county).run(outage).function("town-water").orElseThrow().downtime());
    assertEquals(Duration.ofHours(8),
        Simulator.of(region).run(outage).function("town-water").orElseThrow().downtime());
  }

  @Test
  void theCoordinationAndTheCommitments() {
    Report report = Report.of(region);
    Coordination c = report.coordination();
    assertEquals(List.of("county", "power-co", "tele-co"), c.organisations());
    assertEquals(List.of("town-water"), c.pair("county", "power-co").orElseThrow().functions());
    assertEquals("control", c.pair("power-co", "tele-co").orElseThrow().interfaces().get(0).dependent());
    Commitments k = report.commitments();
    assertEquals(List.of(Commitments.Status.KEPT, Commitments.Status.MISMATCH, Commitments.Status.MISMATCH,
        Commitments.Status.KEPT), k.checks().stream().map(Commitments.Check::status).toList());
    assertEquals(List.of("'fuel' fails PT0S after 'depot' fails, within the P1D its deliveries are committed to continue"),
        k.checks().get(2).findings());
  }

  @Test
  void thePowerCompanysPublicView() {
    PublicView view = PublicView.of(region, "power-co");
    assertTrue(view.exactTimes());
    assertEquals(Map.of("power-co:shared-1", "substation"), view.standIns());
    String yaml = ModelDocuments.write(view.model(), Format.YAML);
    assertTrue(yaml.contains("tolerance: PT16H"), yaml);
    assertTrue(yaml.contains("rto: PT8H"), yaml);
    for (String hidden : List.of("substation", "control", "line-1", "city-feeder", "town-feeder", "town-generator")) {
      assertFalse(yaml.contains(hidden), hidden);
    }
    Analysis seen = Analysis.of(view.composed());
    assertEquals(List.of(Set.of("grid-town"), Set.of("power-co:shared-1"), Set.of("telecom")),
        seen.cutSets("town-water", 2).sets());
    assertEquals(Optional.of(Duration.ofHours(16)), seen.failureTimes("telecom").time("town-water"));
    assertEquals(Analysis.of(region).failureTimes("telecom").time("town-water"),
        seen.failureTimes("telecom").time("town-water"));
    // care's 20 pairs fold into 12: the city feeder's into the grid's, the substation's and the
    // control room's into the stand-in's
    assertEquals(12, seen.cutSets("care", 2).sets().size());
    assertTrue(seen.cutSets("care", 2).sets().contains(Set.of("depot", "power-co:shared-1")));
    for (Node n : view.model().nodes()) {
      assertTrue(List.of("grid", "grid-town", "power-co:shared-1", "telecom").contains(n.id()), n.id());
    }
  }
}
