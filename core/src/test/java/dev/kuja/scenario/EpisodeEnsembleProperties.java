package dev.kuja.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kuja.model.Model;
import dev.kuja.model.Threat;
import dev.kuja.testing.Case;
import dev.kuja.testing.KujaArbitraries;
import dev.kuja.testing.RiskModels;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * A Monte Carlo block made from the model's episodes — each disruption whose cascade has
 * settled before the next one starts taken from its episode, the others simulated together in
 * stretches (docs/stochastic.md#how-a-scenario-is-simulated) — is exactly the block made by
 * simulating every scenario whole: every count, sum, sum of squares, downtime and impact level.
 */
class EpisodeEnsembleProperties {

  /**
   * Models of 1..10 nodes with tolerances and recovery times, half of them failing at 0..200 a
   * year (so that disruptions often overlap in a 30-day period), with threats of their own and
   * one or two added.
   */
  @Provide
  Arbitrary<Case<List<Threat>>> rates() {
    return RiskModels.withRiskAndThreats(
        KujaArbitraries.models().nodes(1, 10).withReliability(KujaArbitraries.failureRates(), 0.5), 1, 2);
  }

  /**
   * The same with failure probabilities, some without a repair time: down from the start to the
   * end of the period, cut there.
   */
  @Provide
  Arbitrary<Case<List<Threat>>> probabilities() {
    return RiskModels.withRiskAndThreats(
        KujaArbitraries.models().nodes(1, 10).withReliability(KujaArbitraries.failureProbabilities(), 0.5), 0, 1);
  }

  @Property(tries = 300)
  void episodesGiveTheBlockOfScenariosSimulatedWhole(@ForAll("rates") Case<List<Threat>> c,
      @ForAll long seed) {
    check(c, seed);
  }

  @Property(tries = 200)
  void episodesGiveTheBlockWithOutagesOpenToTheEndOfThePeriod(
      @ForAll("probabilities") Case<List<Threat>> c, @ForAll long seed) {
    check(c, seed);
  }

  private static void check(Case<List<Threat>> c, long seed) {
    Model m = c.model();
    MonteCarlo mc = EnsembleBlocksProperties.ensemble(c, seed, 64);
    Units units = Units.of(m, Duration.ofDays(30), true, mc.threats());
    MonteCarlo.Functions fs = new MonteCarlo.Functions(units.cm, m);
    MonteCarlo.Block fast = new MonteCarlo.Block(fs.count).simulate(units, fs, seed, 0, 64, true);
    MonteCarlo.Block whole = new MonteCarlo.Block(fs.count).simulate(units, fs, seed, 0, 64, false);
    Statistics.label("episodes alone").collect(fast.paths[MonteCarlo.Block.ALONE] > 0);
    Statistics.label("episodes side by side").collect(fast.paths[MonteCarlo.Block.APART] > 0);
    Statistics.label("stretches simulated together").collect(fast.paths[MonteCarlo.Block.TOGETHER] > 0);
    Statistics.label("stretches simulated again").collect(fast.paths[MonteCarlo.Block.AGAIN] > 0);
    Statistics.label("scenarios simulated whole").collect(fast.paths[MonteCarlo.Block.WHOLE] > 0);
    String of = " of " + m;
    assertEquals(whole.scenarios, fast.scenarios);
    assertArrayEquals(whole.down, fast.down, () -> "down" + of);
    assertArrayEquals(whole.breach, fast.breach, () -> "MTPD exceeded" + of);
    assertArrayEquals(whole.sum, fast.sum, () -> "downtime" + of);
    assertArrayEquals(whole.sumSq, fast.sumSq, () -> "downtime squared" + of);
    for (int f = 0; f < fs.count; f++) {
      int at = f;
      assertArrayEquals(whole.atLeast[f], fast.atLeast[f], () -> "impact levels of " + fs.ids[at] + of);
      assertArrayEquals(downtimes(whole, f), downtimes(fast, f), () -> "downtimes of " + fs.ids[at] + of);
    }
  }

  private static long[] downtimes(MonteCarlo.Block b, int f) {
    return b.nonZeroCount[f] == 0 ? new long[0] : Arrays.copyOf(b.nonZero[f], b.nonZeroCount[f]);
  }
}
