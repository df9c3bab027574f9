package dev.kuja.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.model.Model;
import dev.kuja.model.ModelValidationException;
import dev.kuja.model.Problem;
import dev.kuja.model.Reliability;
import dev.kuja.model.RepairTime;
import dev.kuja.model.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Ensembles are bounded (issue 16, causes 7 and 8): implausible reliability data is refused,
 * the expected work is estimated before a run and refused beyond the limits unless forced, and
 * the work in flight does not grow with the number of scenarios.
 */
class EnsembleLimitsTest {

  private static Model withRate(double rate, RepairTime repair) {
    return Model.builder()
        .resource("grid", r -> r.reliability(Reliability.rate(rate, repair)))
        .function("f", f -> f.criticality("vital").mtpd("PT1H").requires("grid"))
        .build();
  }

  @Test
  void implausibleReliabilityIsRefused() {
    ModelValidationException e = assertThrows(ModelValidationException.class,
        () -> withRate(1e7, new RepairTime.Fixed(Duration.ofMinutes(1))));
    assertEquals(List.of("node 'grid' (reliability): failure rate 1.0E7 per year is more than the plausible"
        + " maximum of 10000 per year (more than once an hour); is it per hour?"),
        e.problems().stream().map(Problem::toString).toList());
    e = assertThrows(ModelValidationException.class,
        () -> withRate(1, new RepairTime.LogNormal(Duration.ofHours(1), 40)));
    assertEquals("node 'grid' (reliability): log-normal repair time has sigma 40.0, more than the"
        + " plausible maximum of 5", e.problems().get(0).toString());
    // the limits themselves are accepted
    withRate(Reliability.MAX_FAILURES_PER_YEAR, new RepairTime.LogNormal(Duration.ofHours(1),
        RepairTime.LogNormal.MAX_SIGMA));
  }

  @Test
  void theExpectedNumberOfOutagesIsKnownBeforeARun() {
    // a rate λ = 365 per year with repairs of one day: λT / (1 + λτ) = 365 / 2 over a year
    MonteCarlo mc = MonteCarlo.of(withRate(365, new RepairTime.Fixed(Duration.ofDays(1)))).scenarios(10);
    assertEquals(10 * 365 / 2.0, mc.expectedOutages(), 1e-9);
    // without a repair time, at most one outage: 1 − e^(−λT)
    assertEquals(100 * -Math.expm1(-0.5),
        MonteCarlo.of(Model.builder().resource("g", r -> r.reliability(new Reliability(
            java.util.OptionalDouble.empty(), java.util.OptionalDouble.of(0.5), java.util.Optional.empty())))
            .build()).scenarios(100).expectedOutages(), 1e-9);
    // a probability counts as itself
    assertEquals(1000 * 0.25, MonteCarlo.of(Model.builder().resource("g", r -> r.failureProbability(0.25))
        .build()).scenarios(1000).expectedOutages(), 1e-9);
  }

  @Test
  void anEnsembleBeyondTheLimitsIsRefusedUnlessForced() {
    MonteCarlo mc = MonteCarlo.of(withRate(Reliability.MAX_FAILURES_PER_YEAR,
        new RepairTime.Fixed(Duration.ofMinutes(1)))).scenarios(100_000);
    assertTrue(mc.expectedOutages() > MonteCarlo.MAX_EXPECTED_OUTAGES);
    ValidationException e = assertThrows(ValidationException.class, mc::run);
    assertEquals(1, e.problems().size());
    assertTrue(e.problems().get(0).toString().startsWith("scenarios: the ensemble would sample about 9.8e+08"
        + " outages (100,000 scenarios × 9.81e+03 each), more than the limit of 100,000,000"),
        e.problems().get(0).toString());
    ValidationException many = assertThrows(ValidationException.class,
        () -> MonteCarlo.of(Model.builder().resource("g").build()).scenarios(999_999_999_999L).run());
    assertEquals("scenarios: 999,999,999,999 scenarios are more than the limit of 100,000,000; ask for"
        + " fewer (or force the run)", many.problems().get(0).toString());
    // forced, it runs (here cancelled at once: the point is that it starts)
    EnsembleResult forced = MonteCarlo.of(Model.builder().resource("g").build()).scenarios(999_999_999_999L)
        .force().threads(1).cancelWhen(new java.util.function.BooleanSupplier() {
          final AtomicLong asked = new AtomicLong();

          @Override
          public boolean getAsBoolean() {
            return asked.incrementAndGet() > 2;
          }
        }).run();
    assertTrue(forced.cancelled());
    assertEquals(2 * MonteCarlo.BLOCK, forced.scenarios());
  }

  @Test
  void workIsSubmittedInABoundedWindow() {
    // 100,000 blocks planned; cancelled after 10 have started. Blocks are submitted a few per
    // thread ahead, so only those are ever asked whether to start — not all 100,000 at once
    // (as before, when a future per block was made up front and a huge --scenarios ran out of
    // memory before the first finished)
    AtomicLong asked = new AtomicLong();
    int threads = 2;
    EnsembleResult r = MonteCarlo.of(Model.builder().resource("g").build())
        .scenarios(100_000L * MonteCarlo.BLOCK).threads(threads)
        .cancelWhen(() -> asked.incrementAndGet() > 10).run();
    assertTrue(r.cancelled());
    assertTrue(asked.get() <= 10 + 4 * threads + 1, "asked " + asked.get() + " times");
  }
}
