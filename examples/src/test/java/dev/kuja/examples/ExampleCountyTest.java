package dev.kuja.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.Spof;
import dev.kuja.model.Model;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example model is valid and shows the findings the README promises. */
class ExampleCountyTest {

  private final Model model = ExampleCounty.model();
  private final Analysis analysis = model.analyse();

  @Test
  void theTwoDataCentresShareTheirStaff() {
    // patient records run on any of two data centres, but both need the same ICT staff group
    List<Spof> common = analysis.spofs("emergency-care").commonCause();
    assertEquals(List.of("ict-staff"), common.stream().map(Spof::node).toList());
    assertEquals(List.of("ict-staff", "dc-2", "patient-records", "emergency-care"), common.get(0).path());
  }

  @Test
  void theHospitalGeneratorsBridgeALongGridOutage() {
    // grid down: hospital power runs on the generators until the fuel deliveries fail
    assertFalse(analysis.impact(List.of("grid"), Duration.ofHours(1)).contains("hospital-power"));
    assertTrue(analysis.impact(List.of("grid"), Duration.ofHours(1)).contains("dc-2"));
  }

  @Test
  void mainPrintsTheWholeReport() {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      Main.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(out.startsWith("Model 'Example wellbeing services county': 8 organisations, 48 nodes"), out);
    assertTrue(out.contains("SPOFs of emergency-care: 22 (21 direct, 1 common-cause)"), out);
    assertTrue(out.contains("Criticality ranking"), out);
    assertTrue(out.contains("Interfaces between organisations"), out);
    assertTrue(out.contains("Scenario 'Storm: grid down 48 h, roads cut 24 h' over P7D: 19 nodes went down"), out);
  }

  @Test
  void theStormReachesTheHospitalThroughTheWaterSupply() {
    var result = model.simulate(ExampleCounty.storm());
    var care = result.function("emergency-care").orElseThrow();
    // pumps stop at 2 h, water at 8 h, the hospital's 12 h reserve runs out at 20 h
    assertEquals(Duration.ofHours(20), care.firstImpact().orElseThrow());
    assertEquals(List.of("emergency-care", "hospital-water", "water-supply", "pumps", "grid"),
        care.chains().get(0).nodes());
    assertTrue(care.mtpdExceeded());
    assertTrue(result.locked().isEmpty(), "backup generators let the grid restart");
  }
}
