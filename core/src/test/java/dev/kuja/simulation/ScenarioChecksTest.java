package dev.kuja.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kuja.model.Model;
import dev.kuja.model.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Scenarios that would mislead are refused, built in Java or simulated as given (issue 16, cause 9). */
class ScenarioChecksTest {

  private static final Model MODEL = Model.builder().resource("grid")
      .function("f", f -> f.criticality("vital").requires("grid")).build();

  private static List<String> problems(Runnable r) {
    return assertThrows(ScenarioValidationException.class, r::run).problems().stream()
        .map(Problem::description).toList();
  }

  @Test
  void aDisruptionFromTheHorizonOnIsRefusedNotDropped() {
    String message = "disruption 1 (grid): starts at P1D, not before the horizon P1D, so it would"
        + " change nothing; start it earlier or lengthen the horizon";
    assertEquals(List.of(message), problems(() -> Scenario.builder("s").horizon("P1D").disrupt("grid", "P1D").build()));
    // a scenario made as a record is checked when simulated
    Scenario late = new Scenario("s", Duration.ofDays(1), List.of(Disruption.node("grid", Duration.ofDays(1))));
    assertEquals(List.of(message), problems(() -> Simulator.of(MODEL).run(late)));
    // one that starts just before is simulated
    Scenario inTime = new Scenario("s", Duration.ofDays(1),
        List.of(Disruption.node("grid", Duration.ofDays(1).minusMillis(1))));
    assertEquals(Optional.of(Duration.ofDays(1).minusMillis(1)),
        Simulator.of(MODEL).run(inTime).function("f").orElseThrow().firstImpact());
  }

  @Test
  void timesBeyondTheLimitsAreRefused() {
    assertEquals(List.of("horizon: horizon is longer than Kuja supports (at most P36500000D)"),
        problems(() -> Simulator.of(MODEL).run(new Scenario("s", Duration.ofDays(999_999_999_999L), List.of()))));
    assertEquals(List.of("disruption 1 (grid): times must be at most P36500000D"),
        problems(() -> Simulator.of(MODEL).run(new Scenario("s", Duration.ofDays(1),
            List.of(Disruption.node("grid", Duration.ZERO, Duration.ofDays(99_999_999L)))))));
    assertEquals(List.of("horizon: horizon is finer than a millisecond (PT0.0001S); Kuja keeps times to the millisecond"),
        problems(() -> Scenario.builder("s").horizon("PT0.0001S").build()));
    assertEquals(List.of("name: name holds the control character U+001B at position 1; texts cannot hold"
        + " control characters (tabs and line breaks included)"),
        problems(() -> Scenario.builder("\u001b]0;x").horizon("P1D").build()));
  }
}
