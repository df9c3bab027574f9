package dev.kuja.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.Spof;
import dev.kuja.analysis.SpofReport;
import dev.kuja.model.Model;
import dev.kuja.scenario.Comparison;
import dev.kuja.simulation.FunctionOutcome;
import dev.kuja.simulation.SimulationResult;
import dev.kuja.simulation.Simulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The example model is what the issue asks for and shows the findings the README promises. */
class ExampleCountyTest {

  private final Model model = ExampleCounty.model();
  private final Analysis analysis = Analysis.of(model);

  @Test
  void itIsARealisticSize() {
    assertTrue(model.size() >= 60, model::toString);
    assertTrue(model.organisations().size() >= 5, model::toString);
    assertTrue(model.functions().stream().allMatch(f -> f.tags().stream()
        .anyMatch(t -> t.startsWith("vital-function:"))), "every function names its vital function");
  }

  @Test
  void theTwoDataCentresShareTheirStaff() {
    // patient records run on any of two data centres, but both need the same ICT staff group
    SpofReport spofs = analysis.spofs("emergency-care");
    Spof staff = spofs.commonCause().stream().filter(s -> s.node().equals("ict-staff")).findFirst().orElseThrow();
    assertEquals("patient-records", staff.path().get(2));
    // and two of the three pumping stations hang on the city grid: the pumps need two of three
    assertTrue(spofs.commonCause().stream().anyMatch(s -> s.node().equals("grid")
        && s.path().contains("pumps")), spofs::toString);
  }

  @Test
  void theHospitalGeneratorsBridgeAGridOutage() {
    assertFalse(analysis.impact(List.of("grid"), Duration.ofHours(1)).contains("hospital-power"));
    assertTrue(analysis.impact(List.of("grid"), Duration.ofHours(1)).contains("dc-2"));
  }

  @Test
  void theStormReachesEmergencyCareThroughStaffCommuting() {
    SimulationResult result = Simulator.of(model).run(ExampleCounty.storm());
    FunctionOutcome care = result.function("emergency-care").orElseThrow();
    // roads cut at 0; commuting fails after its 6 h; the emergency department after 12 h more
    assertEquals(Duration.ofHours(18), care.firstImpact().orElseThrow());
    assertEquals(List.of("emergency-care", "er-staff", "staff-transport", "roads"),
        care.chains().get(0).nodes());
    assertTrue(care.mtpdExceeded());
    assertTrue(result.locked().isEmpty(), "backup generators let the grid restart");
  }

  @Test
  void everyScenarioRuns() {
    assertEquals(Set.of("home-care"), Set.copyOf(Simulator.of(model).run(ExampleCounty.strike()).mtpdBreaches()
        .stream().map(FunctionOutcome::function).toList()));
    assertEquals(Duration.ofHours(4), Simulator.of(model).run(ExampleCounty.ransomware())
        .function("emergency-care").orElseThrow().firstImpact().orElseThrow());
    assertTrue(Simulator.of(model).run(ExampleCounty.fuel()).mtpdBreaches().size() >= 5);
  }

  @Test
  void theWalkthroughRunsOnTheBundledExample() {
    String out = capture(() -> Walkthrough.main(new String[0]));
    assertTrue(out.startsWith("1. Model 'Example wellbeing services county': 14 organisations, 78 nodes"), out);
    assertTrue(out.contains("emergency-care <- ict-staff: ict-staff -> dc-2 -> patient-records -> emergency-care"), out);
    assertTrue(out.contains("3. Storm, two days without power: "), out);
    assertTrue(out.contains("4. The result as JSON is "), out);
  }

  @Test
  void aSecondFuelSupplierShortensTheFuelCrisis() {
    Model variant = WhatIf.secondFuelSupplier(model);
    assertTrue(variant.contains("fuel-delivery-2"));
    assertTrue(Analysis.of(model).spofs("emergency-care").contains("fuel-delivery"));
    assertFalse(Analysis.of(variant).spofs("emergency-care").contains("fuel-delivery"),
        "with two distributors, neither alone is a SPOF");
    int before = Simulator.of(model).run(ExampleCounty.fuel()).mtpdBreaches().size();
    int after = Simulator.of(variant).run(ExampleCounty.fuel()).mtpdBreaches().size();
    assertTrue(after < before, before + " -> " + after);
    String out = capture(() -> WhatIf.main(new String[0]));
    Comparison c = Comparison.of(model, variant, ExampleCounty.fuel(), ExampleCounty.storm());
    assertTrue(c.variantBreaches() < c.baselineBreaches(), c.toString());
    assertTrue(out.contains("MTPD breaches " + c.baselineBreaches() + " -> " + c.variantBreaches()), out);
    assertTrue(out.contains("Sweep of fuel stock"), out);
    assertTrue(out.contains("Monte Carlo: 20,000 scenarios of P365D, seed 2026"), out);
    assertTrue(out.contains("Importance for 'emergency-care' over P365D (exact)"), out);
  }

  static String capture(Runnable r) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      r.run();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
