package dev.kuja.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.model.ImpactLevel;
import dev.kuja.model.Model;
import dev.kuja.model.Reliability;
import dev.kuja.model.RepairTime;
import dev.kuja.simulation.Scenario;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The risk matrix on a model whose probabilities are worked out by hand (docs/risk.md#the-risk-matrix). */
class RiskMatrixTest {

  /**
   * Care needs the grid and the records at once; an outage of 1 h is serious for health, one of
   * 6 h catastrophic. A storm (probability 0.3 a year) takes the grid for 4 h: serious. An
   * earthquake (0.004) takes it for the rest of the year: catastrophic. The records fail with
   * probability 0.2 for 2 h: serious.
   */
  static Model model() {
    return Model.builder()
        .resource("grid")
        .resource("records", r -> r.reliability(Reliability.probability(0.2)
            .withRepairTime(new RepairTime.Fixed(Duration.ofHours(2)))))
        .function("care", f -> f.criticality("vital").mtpd("PT4H").requires("grid").requires("records")
            .impact("PT1H", "health", "serious").impact("PT6H", "health", "catastrophic"))
        .function("laundry", f -> f.criticality("supporting").requires("grid"))
        .threat("storm", t -> t.name("Autumn storm").probability(0.3).duration("PT4H").nodes("grid"))
        .threat("quake", t -> t.probability(0.004).nodes("grid"))
        .build();
  }

  /**
   * Storm alone: P(serious or worse) = 0.3, and so for minor and moderate; severe and
   * catastrophic never. Cell: likely (20–50 %) × serious. Quake alone: every level 0.004, cell
   * very unlikely × catastrophic (score 5, the highest of the five very-unlikely cells). All
   * causes: serious or worse unless none of the three happens, 1 − 0.7 · 0.996 · 0.8 = 0.44224;
   * catastrophic 0.004 (a storm and a records failure overlapping make at most 6 h, reached only
   * if they touch exactly). Cell: likely × serious (4 · 3 = 12 beats 1 · 5). Laundry has no
   * thresholds and is not on the matrix.
   */
  @Test
  void probabilitiesAndCellsAsWorkedOutByHand() {
    RiskMatrix m = RiskMatrix.of(MonteCarlo.of(model()).seed(7).scenarios(20_000));
    assertEquals(List.of(Optional.of("storm"), Optional.of("quake"), Optional.empty()),
        m.sources().stream().map(RiskMatrix.Source::threat).toList());
    assertEquals("Autumn storm", m.threat("storm").orElseThrow().name());

    RiskMatrix.Entry storm = m.threat("storm").orElseThrow().function("care").orElseThrow();
    for (ImpactLevel l : List.of(ImpactLevel.MINOR, ImpactLevel.MODERATE, ImpactLevel.SERIOUS)) {
      assertTrue(storm.atLeast().get(l).contains(0.3), storm.toString());
    }
    assertEquals(0, storm.atLeast().get(ImpactLevel.SEVERE).value());
    assertEquals(0, storm.atLeast().get(ImpactLevel.CATASTROPHIC).value());
    assertEquals(Likelihood.LIKELY, storm.cell().orElseThrow().likelihood());
    assertEquals(ImpactLevel.SERIOUS, storm.cell().orElseThrow().level());

    RiskMatrix.Entry quake = m.threat("quake").orElseThrow().function("care").orElseThrow();
    assertTrue(quake.atLeast().get(ImpactLevel.CATASTROPHIC).contains(0.004), quake.toString());
    assertEquals(quake.atLeast().get(ImpactLevel.MINOR), quake.atLeast().get(ImpactLevel.CATASTROPHIC));
    assertEquals(new RiskMatrix.Cell(Likelihood.VERY_UNLIKELY, ImpactLevel.CATASTROPHIC,
        quake.atLeast().get(ImpactLevel.CATASTROPHIC)), quake.cell().orElseThrow());

    RiskMatrix.Entry all = m.allCauses().function("care").orElseThrow();
    assertTrue(all.atLeast().get(ImpactLevel.SERIOUS).contains(0.44224), all.toString());
    assertTrue(all.atLeast().get(ImpactLevel.CATASTROPHIC).contains(0.004), all.toString());
    assertEquals("likely × serious", all.cell().orElseThrow().toString());
    assertEquals(Optional.empty(), m.allCauses().function("laundry"));

    // the all-causes row is what the ensemble itself finds
    EnsembleResult ensemble = MonteCarlo.of(model()).seed(7).scenarios(20_000).run();
    assertEquals(ensemble.function("care").orElseThrow().impacts(), all.atLeast());

    Map<Likelihood, Map<ImpactLevel, List<String>>> grid = m.grid();
    assertEquals(List.of("storm/care"), grid.get(Likelihood.LIKELY).get(ImpactLevel.SERIOUS));
    assertEquals(List.of("quake/care"), grid.get(Likelihood.VERY_UNLIKELY).get(ImpactLevel.CATASTROPHIC));
    assertEquals(2, grid.values().stream().flatMap(r -> r.values().stream()).mapToInt(List::size).sum());
    assertTrue(m.toString().contains("threat storm \"Autumn storm\""), m.toString());
  }

  @Test
  void likelihoodClassesByAnnualProbability() {
    assertEquals(Likelihood.VERY_UNLIKELY, Likelihood.of(0));
    assertEquals(Likelihood.VERY_UNLIKELY, Likelihood.of(0.0099));
    assertEquals(Likelihood.UNLIKELY, Likelihood.of(0.01));
    assertEquals(Likelihood.POSSIBLE, Likelihood.of(0.05));
    assertEquals(Likelihood.LIKELY, Likelihood.of(0.2));
    assertEquals(Likelihood.VERY_LIKELY, Likelihood.of(0.5));
    assertEquals(Likelihood.VERY_LIKELY, Likelihood.of(1));
    assertEquals("erittäin epätodennäköinen", Likelihood.VERY_UNLIKELY.finnish());
    assertEquals("5–20 %", Likelihood.POSSIBLE.bounds());
    assertEquals("very likely", Likelihood.VERY_LIKELY.label());
  }

  /**
   * Serious or worse with 0.3 (likely, 4 · 3 = 12) and severe or worse with 0.06 (possible,
   * 3 · 4 = 12): a tie, settled for the more severe level.
   */
  @Test
  void aTieGoesToTheMoreSevereLevel() {
    Map<ImpactLevel, Estimate> p = new EnumMap<>(ImpactLevel.class);
    p.put(ImpactLevel.MINOR, Estimate.exact(0.3));
    p.put(ImpactLevel.MODERATE, Estimate.exact(0.3));
    p.put(ImpactLevel.SERIOUS, Estimate.exact(0.3));
    p.put(ImpactLevel.SEVERE, Estimate.exact(0.06));
    p.put(ImpactLevel.CATASTROPHIC, Estimate.exact(0));
    RiskMatrix.Cell c = RiskMatrix.cell(p).orElseThrow();
    assertEquals(Likelihood.POSSIBLE, c.likelihood());
    assertEquals(ImpactLevel.SEVERE, c.level());
    p.replaceAll((l, e) -> Estimate.exact(0));
    assertEquals(Optional.empty(), RiskMatrix.cell(p));
  }

  @Test
  void theSameSettingsGiveTheSameMatrixOnAnyNumberOfThreads() {
    MonteCarlo mc = MonteCarlo.of(model()).seed(11).scenarios(1_000);
    assertEquals(RiskMatrix.of(mc.threads(1)), RiskMatrix.of(mc.threads(3)));
  }

  @Test
  void theStudyPeriodIsAYear() {
    RiskMatrix m = RiskMatrix.of(MonteCarlo.of(model()).period("P7D").scenarios(300));
    assertEquals(Duration.ofDays(365), m.period());
    assertTrue(m.threat("storm").orElseThrow().function("care").orElseThrow()
        .atLeast().get(ImpactLevel.SERIOUS).contains(0.3));
  }

  @Test
  void comparisonsReportTheLevelReached() {
    Model baseline = model();
    Model better = baseline.toBuilder().edit("care", f -> f.clearRequirements().requires("records")).build();
    Scenario storm = Scenario.of(baseline.threat("storm").orElseThrow());
    OutcomeChange change = Comparison.of(baseline, better, storm).function("care").orElseThrow()
        .outcomes().get(0);
    assertEquals(Optional.of(ImpactLevel.SERIOUS), change.baseline().impactLevel());
    assertEquals(Optional.empty(), change.variant().impactLevel());
    assertTrue(change.impactLowered());
    assertTrue(!change.impactRaised());
    assertTrue(change.toString().endsWith("impact serious -> none"), change.toString());
  }
}
