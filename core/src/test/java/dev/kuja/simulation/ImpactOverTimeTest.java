package dev.kuja.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.model.ImpactLevel;
import dev.kuja.model.Model;
import dev.kuja.model.Target;
import dev.kuja.model.Threat;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Impact levels reached in simulations, and threats as scenarios (docs/risk.md), worked by hand. */
class ImpactOverTimeTest {

  private static Duration h(long hours) {
    return Duration.ofHours(hours);
  }

  /**
   * The clinic of docs/cascades.md: care is down on [14 h, 22 h), 8 hours. Its thresholds: health
   * serious after 1 h (reached at 15 h) and catastrophic after 6 h (at 20 h); service minor at
   * once (at 14 h); finance moderate after a day (never). Care reaches catastrophic.
   */
  @Test
  void theClinicInTheStorm() {
    Model m = Model.builder()
        .resource("grid")
        .supplier("fuel")
        .resource("generator", r -> r.recovery("PT1H").requires("fuel").tolerance("PT12H"))
        .resource("power", r -> r.requiresAny("grid", "generator"))
        .resource("records", r -> r.recovery("PT2H").requires("power").tolerance("PT30M"))
        .function("care", f -> f.criticality("vital").mtpd("PT6H").rto("PT3H")
            .requires("power").requires("records").tolerance("PT1H")
            .impact("PT1H", "health", "serious").impact("PT6H", "health", "catastrophic")
            .impact("PT0S", "service", "minor").impact("P1D", "finance", "moderate"))
        .build();
    Scenario storm = Scenario.builder("Storm and fuel shortage").horizon("P2D")
        .disrupt("grid", "PT0S", "PT20H").disrupt("fuel", "PT2H", "PT28H").build();
    FunctionOutcome care = Simulator.of(m).run(storm).function("care").orElseThrow();
    assertEquals(h(8), care.longestOutage());
    assertEquals(List.of(
        new ImpactReached("health", ImpactLevel.CATASTROPHIC, h(6), h(20)),
        new ImpactReached("service", ImpactLevel.MINOR, Duration.ZERO, h(14))), care.impacts());
    assertEquals(Optional.of(ImpactLevel.CATASTROPHIC), care.impactLevel());
    assertEquals(Optional.empty(), care.impact("finance"));
    assertTrue(care.toString().endsWith(", impact health catastrophic at PT20H, service minor at PT14H"),
        care.toString());
  }

  /**
   * Two outages, [0, 2 h) and [5 h, 9 h): health minor after 1 h is first reached in the first
   * outage, at 1 h; serious after 3 h only in the second, at 5 h + 3 h = 8 h. An outage that
   * never happens reaches nothing, not even a threshold of zero.
   */
  @Test
  void theLevelIsReachedInTheFirstOutageLongEnough() {
    Model m = Model.builder()
        .resource("grid")
        .resource("spare")
        .function("f", f -> f.criticality("vital").requires("grid")
            .impact("PT1H", "health", "minor").impact("PT3H", "health", "serious"))
        .function("g", f -> f.criticality("vital").requires("spare").impact("PT0S", "health", "minor"))
        .build();
    SimulationResult r = Simulator.of(m).run(Scenario.builder("twice").horizon("P1D")
        .disrupt("grid", "PT0S", "PT2H").disrupt("grid", "PT5H", "PT4H").build());
    assertEquals(List.of(new ImpactReached("health", ImpactLevel.SERIOUS, h(3), h(8))),
        r.function("f").orElseThrow().impacts());
    assertEquals(List.of(), r.function("g").orElseThrow().impacts());
    assertTrue(r.toString().contains("impact"), r.toString());
  }

  /**
   * A strike at the power company (an organisation target) takes its two nodes, the grid and the
   * substation, for its fixed 30 hours; the hospital runs on the grid with a 4 h battery and the
   * substation is not needed by anything else. The worst case is the fixed duration; the scenario
   * watches a week more. Care is down [4 h, 30 h): 26 h, serious after 2 h (at 6 h) and severe
   * after 12 h (at 16 h).
   */
  @Test
  void aThreatOnAnOrganisationAsAScenario() {
    Model m = Model.builder()
        .organisation("power-co", "Power company")
        .resource("grid", r -> r.owner("power-co"))
        .resource("substation", r -> r.owner("power-co"))
        .function("care", f -> f.criticality("vital").requires("grid").tolerance("PT4H")
            .impact("PT2H", "health", "serious").impact("PT12H", "health", "severe"))
        .threat("strike", t -> t.name("Strike at the power company").probability(0.05)
            .duration("PT30H").organisation("power-co"))
        .build();
    Threat strike = m.threat("strike").orElseThrow();
    Scenario s = Scenario.of(strike);
    assertEquals("Strike at the power company (worst case, P1DT6H)", s.name());
    assertEquals(h(30).plus(Scenario.AFTER_THREAT), s.horizon());
    assertEquals(List.of(new Disruption(Target.organisation("power-co"), Duration.ZERO, Optional.of(h(30)))),
        s.disruptions());
    SimulationResult r = Simulator.of(m).run(s);
    assertEquals(List.of("grid", "substation", "care"), List.copyOf(r.timelines().keySet()));
    FunctionOutcome care = r.function("care").orElseThrow();
    assertEquals(h(26), care.longestOutage());
    assertEquals(List.of(new ImpactReached("health", ImpactLevel.SEVERE, h(12), h(16))), care.impacts());
  }

  @Test
  void aThreatLastingToTheEndOfThePeriodIsOpenEnded() {
    Threat t = Threat.builder("pandemic").probability(0.01).tag("staff").build();
    Scenario s = Scenario.of(t);
    assertEquals(Scenario.OPEN_THREAT_HORIZON, s.horizon());
    assertEquals(Optional.empty(), s.disruptions().get(0).duration());
    assertEquals("pandemic (worst case, open-ended)", s.name());
  }
}
