package dev.kuja.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.kuja.model.Model;
import dev.kuja.simulation.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Comparisons, sweeps and variants on a hospital worked out by hand. */
class WhatIfTest {

  /**
   * Emergency care (MTPD 4 h) needs grid or generator; the generator runs on 24 h of fuel from
   * one supplier; the generator needs the fuel only after its tank runs dry.
   */
  static Model hospital() {
    return Model.builder().name("hospital")
        .organisation("county", "County")
        .organisation("fuel-co", "Fuel company")
        .resource("grid")
        .supplier("fuel-1", s -> s.owner("fuel-co"))
        .supplier("fuel-2", s -> s.owner("fuel-co"))
        .resource("generator", r -> r.owner("county").requires("fuel-1").tolerance("PT24H"))
        .function("emergency-care", f -> f.owner("county").criticality("vital").mtpd("PT4H")
            .requiresAny("grid", "generator"))
        .function("payroll", f -> f.owner("county").criticality("supporting").mtpd("P7D")
            .requires("grid"))
        .build();
  }

  /** The grid down for 3 days while fuel deliveries stop for 2 weeks. */
  static Scenario stormAndStrike() {
    return Scenario.builder("storm and strike").horizon("P14D")
        .disrupt("grid", "PT0S", "P3D").disrupt("fuel-1", "PT0S", "P14D").build();
  }

  @Test
  void aSecondFuelSupplierRemovesTheBreach() {
    Model base = hospital();
    Model variant = Variants.addAlternative(base, "generator", "fuel-1", "fuel-2");
    Comparison c = Comparison.of(base, variant, stormAndStrike());
    // baseline: the tank lasts 24 h, emergency care is down [24 h, 72 h): 48 h > MTPD 4 h
    FunctionChange care = c.function("emergency-care").orElseThrow();
    OutcomeChange o = care.outcomes().get(0);
    assertEquals(Duration.ofHours(48), o.baseline().downtime());
    assertEquals(Duration.ZERO, o.variant().downtime());
    assertTrue(o.breachAvoided());
    assertEquals(Duration.ofHours(-48), o.downtimeChange());
    // no static SPOF changes for care: grid + generator is already 1-of-2; fuel-1 was never a SPOF
    assertEquals(List.of(), care.spofsLost());
    // payroll needs the grid alone: 3 days < 7 days, unchanged
    assertFalse(c.function("payroll").orElseThrow().changed());
    assertEquals(1, c.baselineBreaches());
    assertEquals(0, c.variantBreaches());
    assertEquals(List.of(care), c.changed());
    assertTrue(c.toString().contains("MTPD breaches 1 -> 0"), c.toString());
    assertTrue(c.toString().contains("emergency-care"), c.toString());
  }

  @Test
  void removingTheGridRedundancyGainsSpofs() {
    Model base = hospital();
    Model variant = base.toBuilder().name("no generator")
        .edit("emergency-care", f -> f.clearRequirements().requires("grid")).build();
    Comparison c = Comparison.of(base, variant);
    FunctionChange care = c.function("emergency-care").orElseThrow();
    assertEquals(List.of("grid"), care.spofsGained());
    assertEquals(List.of(), care.spofsLost());
    assertTrue(c.toString().contains("SPOFs gained grid"), c.toString());
  }

  @Test
  void functionsAddedOrRemovedAreListed() {
    Model base = hospital();
    Model variant = base.toBuilder().remove("payroll")
        .function("lab", f -> f.criticality("important").requires("grid")).build();
    Comparison c = Comparison.of(base, variant, stormAndStrike());
    assertEquals(List.of("payroll"), c.onlyInBaseline());
    assertEquals(List.of("lab"), c.onlyInVariant());
  }

  @Test
  void theFuelStockSweepIsTheSensitivityTable() {
    Model base = hospital();
    List<Duration> stocks = List.of(Duration.ofHours(24), Duration.ofHours(48), Duration.ofHours(70),
        Duration.ofHours(72), Duration.ofDays(14));
    SweepResult r = Sweep.of("fuel stock", stocks,
        d -> Variants.tolerance(base, "generator", "fuel-1", d)).run(stormAndStrike());
    // grid returns at 72 h: care is down from the stock's end to 72 h
    List<Duration> downtime = r.rows().stream()
        .map(row -> row.function("emergency-care").orElseThrow().downtime()).toList();
    assertEquals(List.of(Duration.ofHours(48), Duration.ofHours(24), Duration.ofHours(2),
        Duration.ZERO, Duration.ZERO), downtime);
    assertEquals(List.of(1L, 1L, 0L, 0L, 0L), r.rows().stream().map(SweepResult.Row::mtpdBreaches).toList());
    assertEquals("P1D", r.rows().get(0).value());
    String table = r.toString();
    assertTrue(table.contains("P2D*"), table);
    assertTrue(table.contains("fuel stock"), table);
  }

  @Test
  void variantsLeaveTheBaselineAlone() {
    Model base = hospital();
    Model longer = Variants.tolerance(base, "generator", "fuel-1", Duration.ofDays(3));
    assertEquals(Duration.ofHours(24), base.requireNode("generator").requirements().get(0).tolerance());
    assertEquals(Duration.ofDays(3), longer.requireNode("generator").requirements().get(0).tolerance());
    Model slower = Variants.recovery(base, "generator", Duration.ofHours(2));
    assertEquals(Duration.ofHours(2), slower.requireNode("generator").recovery());
  }

  @Test
  void aVariantOfARequirementThatIsNotThereIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Variants.tolerance(hospital(), "generator", "grid", Duration.ofHours(1)));
    assertTrue(e.getMessage().contains("no requirement of 'generator' names 'grid'"), e.getMessage());
  }

  @Test
  void aSweepNeedsValuesAndScenarios() {
    assertThrows(IllegalArgumentException.class,
        () -> Sweep.of("x", List.of(), (Integer v) -> hospital()));
    assertThrows(IllegalArgumentException.class,
        () -> Sweep.of("x", List.of(1), v -> hospital()).run());
  }
}
