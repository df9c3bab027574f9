package dev.kuja.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.kuja.model.Model;
import dev.kuja.model.Reliability;
import dev.kuja.model.RepairTime;
import dev.kuja.model.Threat;
import dev.kuja.model.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Ensembles and importance measures on models whose answers follow by hand. */
class MonteCarloTest {

  /**
   * f needs (a or b) and c; a, b, c fail for the whole period with 0.2, 0.5, 0.1. f is lost
   * when c fails or both a and b do: Q = 0.1 + 0.9 · 0.2 · 0.5 = 0.19.
   */
  static Model abc() {
    return Model.builder().name("abc")
        .resource("a", r -> r.failureProbability(0.2))
        .resource("b", r -> r.failureProbability(0.5))
        .resource("c", r -> r.failureProbability(0.1))
        .function("f", f -> f.criticality("vital").mtpd("PT4H").requiresAny("a", "b").requires("c"))
        .build();
  }

  @Test
  void exactImportanceByHand() {
    ImportanceReport r = MonteCarlo.of(abc()).period("P30D").exactImportance("f");
    assertTrue(r.exact());
    assertEquals(0.19, r.lossProbability().value(), 1e-12);
    NodeImportance c = r.event("c").orElseThrow();
    // Q1(c) = 1, Q0(c) = P(a and b) = 0.1
    assertEquals(0.9, c.birnbaum(), 1e-12);
    assertEquals(0.09 / 0.19, c.fussellVesely(), 1e-12);
    assertEquals(1 / 0.19, c.riskAchievementWorth(), 1e-12);
    assertEquals(1.9, c.riskReductionWorth(), 1e-12);
    NodeImportance a = r.event("a").orElseThrow();
    // Q1(a) = 0.1 + 0.9 · 0.5 = 0.55, Q0(a) = 0.1
    assertEquals(0.45, a.birnbaum(), 1e-12);
    assertEquals(0.55 / 0.19, a.riskAchievementWorth(), 1e-12);
    assertEquals(0.19 / 0.1, a.riskReductionWorth(), 1e-12);
    NodeImportance b = r.event("b").orElseThrow();
    assertEquals(0.9 * 0.2, b.birnbaum(), 1e-12);
    // ordered by Birnbaum: c, a, b
    assertEquals("c", r.events().get(0).event());
    assertEquals("b", r.events().get(2).event());
    assertTrue(r.toString().contains("Birnbaum"), r.toString());
  }

  @Test
  void theEnsembleFindsTheProbabilityAndTheDowntimeDistribution() {
    EnsembleResult r = MonteCarlo.of(abc()).period("P30D").seed(7).scenarios(20_000).run();
    FunctionRisk f = r.function("f").orElseThrow();
    assertEquals(20_000, r.scenarios());
    assertTrue(f.down().contains(0.19), f.toString());
    assertTrue(f.down().halfWidth() < 0.01, f.toString());
    // every outage lasts the whole period, far beyond the 4 h MTPD
    assertEquals(f.down(), f.mtpdExceeded().orElseThrow());
    // 81 % of scenarios have no downtime: the median is 0, the 90th and 99th percentiles 30 days
    assertEquals(Duration.ZERO, f.medianDowntime().value());
    assertEquals(Duration.ofDays(30), f.p90Downtime().value());
    assertEquals(Duration.ofDays(30), f.p99Downtime().value());
    // mean 0.19 · 30 d = 5.7 d
    assertTrue(f.meanDowntime().contains(Duration.ofMinutes(Math.round(0.19 * 30 * 24 * 60))), f.toString());
    assertTrue(r.toString().contains("P(down)"), r.toString());
    assertFalse(r.cancelled());
  }

  @Test
  void aGridThatFailsTwiceAYearBeyondItsTolerance() {
    // the grid fails at 2 per year, every outage lasts 10 h; the function rides through 4 h
    Model m = Model.builder()
        .resource("grid", r -> r.reliability(Reliability.rate(2, new RepairTime.Fixed(Duration.ofHours(10)))))
        .function("f", f -> f.criticality("vital").mtpd("PT8H").requires("grid").tolerance("PT4H"))
        .build();
    FunctionRisk f = MonteCarlo.of(m).seed(3).scenarios(20_000).run().function("f").orElseThrow();
    // P(at least one failure in a year) ≈ 1 − e^−2 = 0.8647; each outage costs 6 h, so the
    // mean downtime is ≈ 2 · 6 h = 12 h; no outage of f reaches 8 h
    assertTrue(f.down().contains(1 - Math.exp(-2)), f.toString());
    assertTrue(f.meanDowntime().contains(Duration.ofHours(12)), f.toString());
    assertEquals(0, f.mtpdExceeded().orElseThrow().value());
  }

  @Test
  void aThreatDefeatsTheRedundancy() {
    Model m = Model.builder()
        .resource("a", r -> r.tags("region:north"))
        .resource("b", r -> r.tags("region:north"))
        .function("f", f -> f.criticality("vital").requiresAny("a", "b"))
        .build();
    MonteCarlo mc = MonteCarlo.of(m).period("P7D").seed(5).scenarios(10_000)
        .threat(Threat.builder("storm").tag("region:north").probability(0.3).build());
    ImportanceReport exact = mc.exactImportance("f");
    assertEquals(0.3, exact.lossProbability().value(), 1e-12);
    assertEquals(1, exact.event("threat:storm").orElseThrow().birnbaum(), 1e-12);
    assertTrue(mc.run().function("f").orElseThrow().down().contains(0.3));
  }

  @Test
  void sameSeedSameNumbersWhateverTheThreadCount() {
    Model m = Model.builder()
        .resource("grid", r -> r.reliability(Reliability.rate(3, new RepairTime.LogNormal(Duration.ofHours(3), 1))))
        .resource("telecom", r -> r.requires("grid").tolerance("PT2H")
            .reliability(Reliability.rate(1, new RepairTime.Exponential(Duration.ofHours(5)))))
        .function("f", f -> f.criticality("vital").mtpd("PT6H").requires("telecom"))
        .function("g", f -> f.criticality("important").requiresAny("grid", "telecom"))
        .build();
    MonteCarlo mc = MonteCarlo.of(m).seed(11).scenarios(3_000);
    EnsembleResult one = mc.threads(1).run();
    EnsembleResult three = mc.threads(3).run();
    assertEquals(one, three);
    assertNotEquals(one, mc.seed(12).threads(1).run());
  }

  @Test
  void aTargetPrecisionStopsEarly() {
    EnsembleResult r = MonteCarlo.of(abc()).scenarios(1_000_000).precision(0.01).run();
    // ±0.01 on p ≈ 0.19 needs ≈ 1.96² · 0.19 · 0.81 / 0.01² ≈ 5,900 scenarios: three rounds
    assertEquals(3 * 8 * MonteCarlo.BLOCK, r.scenarios());
    assertTrue(r.function("f").orElseThrow().down().halfWidth() <= 0.01);
  }

  @Test
  void progressIsReportedAndCancellationStopsTheRun() {
    AtomicLong last = new AtomicLong();
    AtomicInteger asked = new AtomicInteger();
    EnsembleResult r = MonteCarlo.of(abc()).scenarios(100 * MonteCarlo.BLOCK).threads(1)
        .listener((done, planned) -> last.accumulateAndGet(done, Math::max))
        .cancelWhen(() -> asked.incrementAndGet() > 3)
        .run();
    assertTrue(r.cancelled());
    assertEquals(3 * MonteCarlo.BLOCK, r.scenarios());
    assertEquals(3 * MonteCarlo.BLOCK, last.get());
    assertThrows(CancellationException.class,
        () -> MonteCarlo.of(abc()).cancelWhen(() -> true).run());
  }

  @Test
  void threatsNamingWhatIsNotThereAreAllReported() {
    MonteCarlo mc = MonteCarlo.of(abc())
        .threat(Threat.builder("storm").nodes("aa").organisation("city")
            .probability(0.1).build());
    ValidationException e = assertThrows(ValidationException.class, mc::run);
    assertEquals(List.of(
        "threat 'storm', target 1: names node 'aa', which is not a node; did you mean 'a'?",
        "threat 'storm', target 2: names organisation 'city', which is not an organisation of the model"),
        e.problems().stream().map(Object::toString).toList());
  }

  @Test
  void badSettingsAreRefused() {
    MonteCarlo mc = MonteCarlo.of(abc());
    ValidationException p = assertThrows(ValidationException.class,
        () -> mc.threat(Threat.builder("e").nodes("a").probability(1.5).build()).run());
    assertEquals("threat 'e' (probability): probability 1.5 is not between 0 and 1",
        p.problems().get(0).toString());
    ValidationException none = assertThrows(ValidationException.class,
        () -> mc.threat(Threat.builder("e").build()).run());
    assertTrue(none.getMessage().contains("disrupts nothing"), none.getMessage());
    assertTrue(none.getMessage().contains("needs a rate per year or a probability"), none.getMessage());
    assertThrows(IllegalArgumentException.class, () -> mc.scenarios(0));
    assertThrows(IllegalArgumentException.class, () -> mc.threads(0));
    assertThrows(IllegalArgumentException.class, () -> mc.period("PT0S"));
    assertThrows(IllegalArgumentException.class, () -> mc.precision(0.7));
    assertThrows(IllegalArgumentException.class, () -> mc.level(1));
  }

  @Test
  void wilsonIntervalsAtTheEdges() {
    Estimate none = Estimate.wilson(0, 100, Statistics.Z95);
    assertEquals(0, none.value());
    assertEquals(0, none.low());
    assertTrue(none.high() > 0.03 && none.high() < 0.04, none.toString());
    Estimate all = Estimate.wilson(100, 100, Statistics.Z95);
    assertEquals(1, all.high());
    assertEquals(0.95, none.level(), 1e-6);
    assertEquals(1.959964, Statistics.z(0.95), 1e-5);
  }
}
