package dev.kuja.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kuja.model.Model;
import dev.kuja.testing.RiskModels;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The recovery objectives as computed now (only the functions a node's permanent failure takes
 * down, each searched on the whole impact or on its own cone of it) equal those of the first
 * implementation, {@link ReferenceObjectives}, on random models with cycles, k-of-n, tolerances,
 * recovery times and restoration commitments (docs/risk.md#recovery-objectives).
 */
class RecoveryObjectivesOracleProperties {

  @Provide
  Arbitrary<Model> riskModels() {
    return RiskModels.models(1, 10);
  }

  @Property(tries = 300)
  void theObjectivesEqualTheFirstImplementation(@ForAll("riskModels") Model m) {
    RecoveryObjectives expected = ReferenceObjectives.of(m);
    long requirements = expected.nodes().stream().mapToLong(n -> n.forRto().size() + n.forMtpd().size()).sum();
    Statistics.label("requirements").collect(requirements == 0 ? "none" : requirements < 5 ? "1-4" : "5+");
    for (int conesAbove : new int[] {RecoveryObjectives.CONES_ABOVE, 0, Integer.MAX_VALUE}) {
      RecoveryObjectives actual = RecoveryObjectives.of(m, conesAbove);
      assertEquals(expected.nodes(), actual.nodes(), () -> "cones above " + conesAbove + " on " + m.nodes());
      assertEquals(expected.recoveryOverRto(), actual.recoveryOverRto());
    }
  }
}
