package dev.kuja.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.model.External;
import dev.kuja.model.Model;
import dev.kuja.model.NodeKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-worked example of docs/regional.md#externals-in-simulations: a county's document
 * alone, its grid and fuel deliveries declared as externals with their providers' commitments.
 */
class CommittedOutagesTest {

  static Model county(boolean committed) {
    External grid = External.of("grid", NodeKind.RESOURCE, "power-co");
    External fuel = External.of("fuel", NodeKind.SUPPLIER, "fuel-co");
    if (committed) {
      grid = grid.withRto(Duration.ofHours(6));
      fuel = fuel.withRto(Duration.ofDays(3)).withTolerance(Duration.ofHours(24));
    }
    return Model.builder()
        .organisation("county", "County").organisation("power-co", "Power company")
        .organisation("fuel-co", "Fuel distributor")
        .function("care", f -> f.owner("county").criticality("vital").mtpd("PT4H").requires("grid").tolerance("PT1H"))
        .function("heating", f -> f.owner("county").criticality("critical").mtpd("PT12H")
            .requires("fuel").tolerance("PT48H"))
        .external(grid)
        .external(fuel)
        .build();
  }

  static Scenario storm() {
    return Scenario.builder("storm and strike").horizon("P7D")
        .disrupt("grid", "PT0S", "P1D")
        .disrupt("fuel", "PT0S")
        .build();
  }

  @Test
  void theCommitmentsBoundTheOutagesOfExternals() {
    SimulationResult r = Simulator.of(county(true)).run(storm());
    // the grid is restored within its 6-hour RTO, though the storm lasts a day
    assertEquals(List.of("PT0S..PT6H"), SimulationTest.spans(r, "grid"));
    assertEquals(List.of("PT1H..PT6H"), SimulationTest.spans(r, "care"));
    assertEquals(Duration.ofHours(1), r.function("care").orElseThrow().mtpdExcess());
    // deliveries continue 24 hours after the strike begins and resume within 3 days: the
    // county sees them stop for 48 hours, exactly what its tank holds, so heating never fails
    assertEquals(List.of("PT24H..PT72H"), SimulationTest.spans(r, "fuel"));
    assertEquals(List.of(), SimulationTest.spans(r, "heating"));
    // causes still name the scenario's disruptions
    Outage grid = r.timeline("grid").get(0);
    Cause.Disrupted d = assertInstanceOf(Cause.Disrupted.class, grid.cause());
    assertEquals(storm().disruptions().get(0), d.disruption());
  }

  @Test
  void withoutCommitmentsTheScenarioDecides() {
    SimulationResult r = Simulator.of(county(false)).run(storm());
    assertEquals(List.of("PT1H..PT24H"), SimulationTest.spans(r, "care"));
    assertEquals(List.of("PT48H..open"), SimulationTest.spans(r, "heating"));
  }

  @Test
  void anOrganisationsDisruptionIsBoundedForItsExternalsAlone() {
    Model m = county(true).toBuilder()
        .resource("substation", r -> r.owner("power-co"))
        .build();
    SimulationResult r = Simulator.of(m).run(Scenario.builder("power-co down").horizon("P2D")
        .disruptOrganisation("power-co", "PT2H", "PT10H").build());
    assertEquals(List.of("PT2H..PT8H"), SimulationTest.spans(r, "grid"));
    assertEquals(List.of("PT2H..PT12H"), SimulationTest.spans(r, "substation"));
  }

  @Test
  void anOutageShorterThanTheDeliveriesThatContinueIsNotSeen() {
    SimulationResult r = Simulator.of(county(true)).run(Scenario.builder("blip").horizon("P2D")
        .disrupt("fuel", "PT0S", "PT20H").build());
    assertTrue(r.timeline("fuel").isEmpty());
    assertFalse(r.isDown("fuel", Duration.ofHours(1)));
  }

  @Test
  void aBoundExternalFollowsItsProvidersModelInstead() {
    Model m = county(true).toBuilder().resource("grid", g -> g.owner("power-co")).build();
    SimulationResult r = Simulator.of(m).run(storm());
    assertEquals(List.of("PT0S..PT24H"), SimulationTest.spans(r, "grid"));
  }
}
