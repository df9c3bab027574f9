package dev.kuja.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.model.Model;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Required restoration times on small models worked out by hand (docs/risk.md#recovery-objectives). */
class RecoveryObjectivesTest {

  private static Duration h(double hours) {
    return Duration.ofMinutes(Math.round(hours * 60));
  }

  /**
   * fuel → generator (12 h tolerance, 1 h recovery) → care (RTO 2 h, MTPD 6 h, 30 min recovery).
   *
   * <p>An outage of fuel of length D (fuel has no recovery time, so it is disrupted for D): the
   * generator's requirement is broken on [0, D) and expires at 12 h when D > 12 h; the generator
   * is down [12 h, D + 1 h), care [12 h, D + 1 h 30 min): D − 10 h 30 min. Within the RTO while
   * D ≤ 12 h 30 min, within the MTPD while D ≤ 16 h 30 min.
   *
   * <p>An outage of the generator of length D (its 1 h recovery included, so disrupted for
   * D − 1 h): care is down [0, D + 30 min). RTO: D ≤ 1 h 30 min; MTPD: D ≤ 5 h 30 min.
   *
   * <p>An outage of care itself of length D: care is down for D. RTO 2 h, MTPD 6 h.
   */
  private static Model chain() {
    return Model.builder()
        .supplier("fuel", s -> s.rto("P1D"))
        .resource("generator", r -> r.recovery("PT1H").rto("PT4H").requires("fuel").tolerance("PT12H"))
        .function("care", f -> f.criticality("vital").rto("PT2H").mtpd("PT6H").recovery("PT30M")
            .requires("generator"))
        .build();
  }

  @Test
  void aChainWithToleranceAndRecoveryTimes() {
    RecoveryObjectives o = RecoveryObjectives.of(chain());
    NodeObjectives fuel = o.node("fuel").orElseThrow();
    assertEquals(new RequiredTime("care", h(12.5), List.of("fuel", "generator", "care")),
        fuel.requiredRto().orElseThrow());
    assertEquals(h(16.5), fuel.requiredMtpd().orElseThrow().duration());
    // declared P1D, required 12 h 30 min
    assertEquals(Optional.of(h(11.5)), fuel.gap());

    NodeObjectives generator = o.node("generator").orElseThrow();
    assertEquals(new RequiredTime("care", h(1.5), List.of("generator", "care")),
        generator.requiredRto().orElseThrow());
    assertEquals(h(5.5), generator.requiredMtpd().orElseThrow().duration());
    assertEquals(Optional.of(h(2.5)), generator.gap()); // declared 4 h

    NodeObjectives care = o.node("care").orElseThrow();
    assertEquals(new RequiredTime("care", h(2), List.of("care")), care.requiredRto().orElseThrow());
    assertEquals(h(6), care.requiredMtpd().orElseThrow().duration());
    assertEquals(Optional.empty(), care.gap()); // declared RTO 2 h = required

    assertEquals(List.of("fuel", "generator"), o.gaps().stream().map(NodeObjectives::node).toList());
    assertEquals(List.of(), o.recoveryOverRto());
  }

  @Test
  void theRequiredLengthKeepsTheObjectiveAndAMillisecondMoreBreaksIt() {
    Model m = chain();
    Simulator sim = Simulator.of(m);
    FunctionOutcome atRequired = sim.run(RecoveryObjectives.outage(m, "fuel", h(12.5)))
        .function("care").orElseThrow();
    assertEquals(h(2), atRequired.longestOutage());
    assertTrue(!atRequired.rtoExceeded());
    FunctionOutcome longer = sim.run(RecoveryObjectives.outage(m, "fuel", h(12.5).plusMillis(1)))
        .function("care").orElseThrow();
    assertTrue(longer.rtoExceeded(), longer.toString());
  }

  /**
   * Two of three pumps with a shared grid: p1 and p2 run on the grid (1 h recovery), p3 on
   * diesel; water needs two pumps, bridging 1 h from its towers, RTO 3 h, MTPD 8 h, 30 min
   * recovery.
   *
   * <p>An outage of the grid of length D (disrupted D − 1 h, down [0, D)) takes p1 and p2 down
   * on [0, D): two of three down, the requirement is broken on [0, D) and expires at 1 h; water
   * is down [1 h, D + 30 min), that is D − 30 min. RTO: D ≤ 3 h 30 min; MTPD: D ≤ 8 h 30 min.
   * The trigger of the broken requirement is p1, the first of the pumps lost at 0.
   *
   * <p>p1, p2, p3 or diesel alone leave two pumps running: no outage of theirs brings water down,
   * so they have no requirement.
   */
  @Test
  void twoOfThreeWithRecovery() {
    Model m = Model.builder()
        .resource("grid", r -> r.recovery("PT1H"))
        .supplier("diesel")
        .resource("p1", r -> r.requires("grid"))
        .resource("p2", r -> r.requires("grid"))
        .resource("p3", r -> r.requires("diesel"))
        .function("water", f -> f.criticality("vital").rto("PT3H").mtpd("PT8H").recovery("PT30M")
            .requiresKOf(2, "p1", "p2", "p3").tolerance("PT1H"))
        .build();
    RecoveryObjectives o = RecoveryObjectives.of(m);
    NodeObjectives grid = o.node("grid").orElseThrow();
    assertEquals(new RequiredTime("water", h(3.5), List.of("grid", "p1", "water")),
        grid.requiredRto().orElseThrow());
    assertEquals(h(8.5), grid.requiredMtpd().orElseThrow().duration());
    for (String alone : List.of("diesel", "p1", "p2", "p3")) {
      NodeObjectives n = o.node(alone).orElseThrow();
      assertEquals(List.of(), n.forRto(), alone);
      assertEquals(List.of(), n.forMtpd(), alone);
    }
  }

  /**
   * records restart in 4 h; care needs them at once with an RTO of 2 h: any outage of records
   * lasts more than 4 h, so care is always down longer than 2 h — records must not fail (PT0S).
   * Care's MTPD of 8 h allows an outage of records of up to 8 h (care is down exactly as long as
   * records). triage restarts in 3 h but has an RTO of 2 h: flagged, and its own required RTO is
   * PT0S.
   */
  @Test
  void whenEvenTheShortestOutageBreachesTheRequirementIsZero() {
    Model m = Model.builder()
        .resource("records", r -> r.recovery("PT4H"))
        .function("care", f -> f.criticality("vital").rto("PT2H").mtpd("PT8H").requires("records"))
        .function("triage", f -> f.criticality("critical").rto("PT2H").mtpd("PT4H").recovery("PT3H"))
        .build();
    RecoveryObjectives o = RecoveryObjectives.of(m);
    NodeObjectives records = o.node("records").orElseThrow();
    assertEquals(new RequiredTime("care", Duration.ZERO, List.of("records", "care")),
        records.requiredRto().orElseThrow());
    assertEquals(h(8), records.requiredMtpd().orElseThrow().duration());
    assertEquals(Duration.ZERO, o.node("triage").orElseThrow().requiredRto().orElseThrow().duration());
    assertEquals(List.of("triage"), o.recoveryOverRto());
  }

  /**
   * The smallest requirement over the functions sets the node's: the grid feeds a clinic (RTO
   * 1 h, no buffer) and, through a 6 h battery, a radio network that dispatch needs (RTO 30 min).
   * For the clinic the grid may be out 1 h; for dispatch, 6 h 30 min: the clinic sets it.
   */
  @Test
  void theTightestFunctionSetsTheRequiredRto() {
    Model m = Model.builder()
        .resource("grid")
        .resource("radio", r -> r.requires("grid").tolerance("PT6H"))
        .function("clinic", f -> f.criticality("vital").rto("PT1H").requires("grid"))
        .function("dispatch", f -> f.criticality("vital").rto("PT30M").requires("radio"))
        .build();
    NodeObjectives grid = RecoveryObjectives.of(m).node("grid").orElseThrow();
    assertEquals(List.of(new RequiredTime("clinic", h(1), List.of("grid", "clinic")),
        new RequiredTime("dispatch", h(6.5), List.of("grid", "radio", "dispatch"))), grid.forRto());
    assertEquals("clinic", grid.requiredRto().orElseThrow().function());
    assertEquals(Optional.empty(), grid.requiredMtpd());
  }

  @Test
  void outagesShorterThanTheRecoveryTimeDoNotExist() {
    Model m = chain();
    assertThrows(IllegalArgumentException.class, () -> RecoveryObjectives.outage(m, "generator", h(1)));
    Scenario s = RecoveryObjectives.outage(m, "generator", h(3));
    assertEquals(List.of(Disruption.node("generator", Duration.ZERO, h(2))), s.disruptions());
  }
}
