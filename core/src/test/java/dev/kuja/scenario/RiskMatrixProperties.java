package dev.kuja.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.model.ImpactLevel;
import dev.kuja.model.Model;
import dev.kuja.model.Reliability;
import dev.kuja.model.Threat;
import dev.kuja.testing.RiskModels;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** Invariants of the computed risk matrix (docs/risk.md#the-risk-matrix). */
class RiskMatrixProperties {

  @Provide
  Arbitrary<Model> riskModels() {
    return RiskModels.models(1, 10);
  }

  @Property(tries = 50)
  void theSameSeedGivesTheSameMatrixWhateverTheThreads(@ForAll("riskModels") Model m, @ForAll long seed) {
    MonteCarlo mc = MonteCarlo.of(m).seed(seed).scenarios(600);
    assertEquals(RiskMatrix.of(mc.threads(1)), RiskMatrix.of(mc.threads(2)));
  }

  /**
   * Raising the probability of a threat never lowers the probability of any impact level, in
   * its own row or for all causes. Exactly, with the same seed: the threat is the last unit
   * sampled, its draw "happens" (u &lt; p) holds in every scenario it held before, with the same
   * outage, and a cascade with more disruption takes nothing down for less time.
   */
  @Property(tries = 100)
  void aMoreLikelyThreatNeverLowersTheRisk(
      @ForAll("riskModels") Model m, @ForAll long seed, @ForAll @DoubleRange(min = 0, max = 0.5) double more) {
    Threat last = m.threats().get(m.threats().size() - 1);
    double p = Math.min(1, last.occurrence().failureProbability().orElseThrow() + more);
    Threat likelier = new Threat(last.id(), last.name(), new Reliability(java.util.OptionalDouble.of(p),
        java.util.OptionalDouble.empty(), last.duration()), last.targets());
    Model riskier = m.toBuilder().removeThreat(last.id()).threat(likelier).build();
    RiskMatrix before = RiskMatrix.of(MonteCarlo.of(m).seed(seed).scenarios(512));
    RiskMatrix after = RiskMatrix.of(MonteCarlo.of(riskier).seed(seed).scenarios(512));
    for (RiskMatrix.Source s : List.of(before.threat(last.id()).orElseThrow(), before.allCauses())) {
      RiskMatrix.Source t = s.allCauses() ? after.allCauses() : after.threat(last.id()).orElseThrow();
      for (RiskMatrix.Entry e : s.functions()) {
        RiskMatrix.Entry f = t.function(e.function()).orElseThrow();
        for (ImpactLevel l : ImpactLevel.values()) {
          assertTrue(e.atLeast().get(l).value() <= f.atLeast().get(l).value(),
              () -> s.name() + " " + e + " -> " + f);
        }
      }
    }
  }
}
