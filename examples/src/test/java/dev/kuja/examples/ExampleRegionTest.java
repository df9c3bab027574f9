package dev.kuja.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.InterfaceReport;
import dev.kuja.analysis.Ranking;
import dev.kuja.analysis.Spof;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Organisation;
import dev.kuja.region.Commitments;
import dev.kuja.region.PublicView;
import dev.kuja.report.Coordination;
import dev.kuja.report.Report;
import dev.kuja.simulation.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example region (examples/region/): the example county split into the documents its
 * organisations would own, composed again by one top document.
 */
class ExampleRegionTest {

  static final Path REGION = Path.of("..", "examples", "region");
  static final Path COUNTY = Path.of("..", "examples", "models", "county.yaml");

  private final Model region = ModelDocuments.read(REGION.resolve("region.yaml"));
  private final Model county = ModelDocuments.read(COUNTY);

  @Test
  void everyOrganisationKeepsItsOwnDocument() throws Exception {
    try (Stream<Path> files = Files.list(REGION)) {
      Set<String> documents = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
      for (Organisation o : county.organisations()) {
        assertTrue(documents.contains(o.id() + ".yaml"), o.id());
      }
    }
    for (Node n : region.nodes()) {
      assertEquals(Optional.of(REGION.resolve(n.owner().orElseThrow() + ".yaml").toString()),
          region.source(n.id()), n.id());
      assertFalse(region.isExternal(n.id()), n.id());
    }
    assertEquals(county.organisations().size() + 1, region.sources().size(), "the top document and one per organisation");
  }

  @Test
  void theComposedRegionIsTheSingleFileCounty() {
    assertEquals(Set.copyOf(county.nodes()), Set.copyOf(region.nodes()));
    assertEquals(Set.copyOf(county.organisations()), Set.copyOf(region.organisations()));
    assertEquals(county.threats(), region.threats(), "the risk register, kept in the top document");
    assertEquals(analyses(county), analyses(region));
    assertEquals(Simulator.of(county).run(ExampleCounty.storm()).functions().stream()
            .collect(Collectors.toMap(f -> f.function(), f -> f.outages())),
        Simulator.of(region).run(ExampleCounty.storm()).functions().stream()
            .collect(Collectors.toMap(f -> f.function(), f -> f.outages())));
  }

  static Map<String, Object> analyses(Model m) {
    Analysis a = Analysis.of(m);
    Map<String, Object> out = new HashMap<>();
    for (Node f : m.functions()) {
      out.put("spofs " + f.id(), Set.copyOf(a.spofs(f.id()).spofs()));
      out.put("cutsets " + f.id(), Set.copyOf(a.cutSets(f.id(), 2).sets()));
    }
    out.put("ranking", a.ranking().entries().stream()
        .collect(Collectors.toMap(Ranking.Entry::node, e -> List.of(e.functions(), e.score()))));
    out.put("interfaces", new HashSet<InterfaceReport.Interface>(a.interfaces().interfaces()));
    return out;
  }

  @Test
  void theCountyAloneAnalysesItsSideWithTheOthersAsExternals() {
    Model alone = ModelDocuments.read(REGION.resolve("county.yaml"));
    assertTrue(alone.isExternal("grid"));
    assertTrue(alone.isExternal("fuel-delivery"));
    // alone, the county cannot see that the grid takes emergency care down through the city's water
    assertFalse(Analysis.of(alone).spofs("emergency-care").spofs().stream().map(Spof::node).toList().contains("grid"));
    assertTrue(Analysis.of(region).spofs("emergency-care").spofs().stream().map(Spof::node).toList().contains("grid"));
  }

  @Test
  void theCoordinationReportSaysWhoMustPlanWithWhom() {
    Report report = Report.of(region);
    Coordination c = report.coordination();
    // the national grid's single point of failure is the power company's to plan with the TSO
    Coordination.Pair tso = c.pairs().get(0);
    assertEquals(List.of("power-co", "tso"), List.of(tso.dependentOrganisation(), tso.providerOrganisation()));
    assertEquals(8, tso.functions().size());
    // the county's own line to the grid is backed by generators: the grid reaches emergency care
    // through the city's water, so the county plans with the city, and the city with power-co
    assertTrue(c.pair("county", "power-co").isEmpty());
    assertTrue(c.pair("county", "city").orElseThrow().functions().contains("emergency-care"));
    assertTrue(c.pair("city", "power-co").orElseThrow().functions().contains("emergency-care"));
    assertEquals(report.coordination().pairs(), Report.of(county).coordination().pairs());
  }

  @Test
  void theCommitmentsOfTheExampleAreCheckedAgainstTheProviders() {
    Commitments c = Commitments.of(region);
    assertEquals(10, c.checks().size());
    assertEquals(List.of("dc-1", "fuel-delivery"), c.checks().stream()
        .filter(k -> k.status() == Commitments.Status.KEPT).map(k -> k.external().id()).toList());
    // the county was promised the grid within 4 hours; power-co's own target is 6, and the
    // substation's 12 hours would keep even the 4 from being met
    assertTrue(c.checks().get(4).findings().contains("its provider's own RTO for 'grid' is PT6H, longer than the PT4H committed"),
        c.checks().get(4)::toString);
    assertTrue(c.checks().get(4).findings().contains("'substation' is to be restored within PT12H, but 'grid' needs it back "
        + "within PT3H to keep the PT4H committed"), c.checks().get(4)::toString);
  }

  @Test
  void thePowerCompanysPublicViewHidesItsControlCentre() {
    PublicView view = PublicView.of(region, "power-co");
    assertEquals(List.of("grid", "grid-town"), view.published());
    assertEquals(Map.of("power-co:shared-1", "substation"), view.standIns());
    assertEquals(Optional.of("power-co:shared-1"), view.image("grid-control"));
    assertFalse(view.model().contains("grid-control"));
    Model composed = view.composed();
    Analysis whole = Analysis.of(region);
    Analysis seen = Analysis.of(composed);
    for (Node f : region.functions()) {
      if (!f.owner().equals(Optional.of("power-co"))) {
        Set<String> expected = whole.spofs(f.id()).spofs().stream()
            .map(s -> view.image(s.node()).orElseThrow()).collect(Collectors.toSet());
        assertEquals(expected, seen.spofs(f.id()).spofs().stream().map(Spof::node).collect(Collectors.toSet()), f.id());
      }
    }
  }
}
