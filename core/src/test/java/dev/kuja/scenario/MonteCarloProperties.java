package dev.kuja.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Reliability;
import dev.kuja.model.RepairTime;
import dev.kuja.model.Requirement;
import dev.kuja.model.Threat;
import dev.kuja.simulation.Scenario;
import dev.kuja.testing.Oracle;
import dev.kuja.testing.RandomModels;
import dev.kuja.testing.RandomScenarios;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Monte Carlo against the exact reference, importance measures against their definitions by
 * brute force, reproducibility, and monotonicity of what-if variants.
 */
class MonteCarloProperties {

  /**
   * The study period: long enough that every tolerance of the random models (≤ 5 h each) has
   * run out before it ends, so that being down at some time in the period (the ensemble) and
   * being in the impact (the static snapshot of the exact reference) are the same event.
   */
  static final Duration PERIOD = Duration.ofDays(30);

  /** A random model whose nodes fail with random probabilities (no repair: the whole period). */
  static Model withProbabilities(int size, long seed) {
    Model m = RandomModels.model(size, seed);
    Random random = new Random(seed * 31 + 7);
    Model.Builder b = m.toBuilder();
    for (Node n : m.nodes()) {
      if (random.nextInt(3) > 0) {
        double p = new double[] {0, 0.05, 0.1, 0.3, 0.5, 0.9, 1}[random.nextInt(7)];
        b.edit(n.id(), nb -> nb.failureProbability(p));
      }
    }
    return b.build();
  }

  static String someFunction(Model m, long seed) {
    List<Node> fs = m.functions();
    Assume.that(!fs.isEmpty());
    return fs.get((int) Math.floorMod(seed, fs.size())).id();
  }

  /** The definition, by brute force: Σ over states of Π p · [f in the impact of the state]. */
  static double lossByDefinition(Model m, String f, String forced, boolean forcedState) {
    List<Node> units = m.nodes().stream().filter(n -> n.reliability().isPresent()).toList();
    double total = 0;
    for (int mask = 0; mask < 1 << units.size(); mask++) {
      double p = 1;
      Set<String> failed = new HashSet<>();
      for (int j = 0; j < units.size(); j++) {
        Node u = units.get(j);
        boolean down = (mask >>> j & 1) != 0;
        double q = u.id().equals(forced) ? (forcedState ? 1 : 0)
            : u.reliability().get().failureProbability().getAsDouble();
        p *= down ? q : 1 - q;
        if (down) {
          failed.add(u.id());
        }
      }
      if (p > 0 && Oracle.impact(m, failed).contains(f)) {
        total += p;
      }
    }
    return total;
  }

  @Property(tries = 200)
  void importanceMeasuresAgreeWithTheirDefinitions(
      @ForAll @IntRange(min = 2, max = 10) int size, @ForAll long seed) {
    Model m = withProbabilities(size, seed);
    String f = someFunction(m, seed);
    ImportanceReport r = MonteCarlo.of(m).period(PERIOD).exactImportance(f);
    double q = lossByDefinition(m, f, "", false);
    assertEquals(q, r.lossProbability().value(), 1e-9);
    for (NodeImportance e : r.events()) {
      double q1 = lossByDefinition(m, f, e.event(), true);
      double q0 = lossByDefinition(m, f, e.event(), false);
      assertEquals(q1 - q0, e.birnbaum(), 1e-9, e.event());
      if (q > 1e-12) {
        assertEquals((q - q0) / q, e.fussellVesely(), 1e-9, e.event());
        assertEquals(q1 / q, e.riskAchievementWorth(), 1e-9, e.event());
      }
      if (q0 > 1e-12) {
        assertEquals(q / q0, e.riskReductionWorth(), 1e-9, e.event());
      }
    }
  }

  @Property(tries = 100)
  void theEnsembleLiesWithinItsIntervalOfTheExactValue(
      @ForAll @IntRange(min = 2, max = 10) int size, @ForAll long seed) {
    Model m = withProbabilities(size, seed);
    String f = someFunction(m, seed);
    MonteCarlo mc = MonteCarlo.of(m).period(PERIOD).seed(seed).scenarios(4_000).threads(2);
    double exact = mc.exactImportance(f).lossProbability().value();
    Estimate sampled = mc.run().function(f).orElseThrow().down();
    // 4.5 standard errors: a fixed seed makes the check deterministic, the width makes a
    // false alarm over all tries less likely than one in ten thousand
    double sigma = Math.sqrt(Math.max(0, exact * (1 - exact)) / 4_000);
    assertEquals(exact, sampled.value(), 4.5 * sigma + 1e-12, "P(" + f + " down)");
  }

  @Property(tries = 100)
  void sampledImportanceApproachesTheExactOne(
      @ForAll @IntRange(min = 2, max = 8) int size, @ForAll long seed) {
    Model m = withProbabilities(size, seed);
    String f = someFunction(m, seed);
    MonteCarlo mc = MonteCarlo.of(m).period(PERIOD).seed(seed).scenarios(4_000);
    ImportanceReport exact = mc.exactImportance(f);
    ImportanceReport sampled = mc.sampledImportance(f);
    double q = exact.lossProbability().value();
    assertEquals(q, sampled.lossProbability().value(), 4.5 * Math.sqrt(Math.max(0, q * (1 - q)) / 4_000) + 1e-12);
    for (NodeImportance e : exact.events()) {
      NodeImportance s = sampled.event(e.event()).orElseThrow();
      // Birnbaum is a difference of two proportions over the same samples: ≤ 2 · 4.5 σ, σ ≤ 0.5/√n
      assertEquals(e.birnbaum(), s.birnbaum(), 9 * 0.5 / Math.sqrt(4_000), e.event());
    }
  }

  @Property(tries = 200)
  void moreLikelyFailuresNeverLowerTheRisk(
      @ForAll @IntRange(min = 2, max = 10) int size, @ForAll long seed) {
    Model m = withProbabilities(size, seed);
    String f = someFunction(m, seed);
    List<Node> units = m.nodes().stream().filter(n -> n.reliability().isPresent()).toList();
    Assume.that(!units.isEmpty());
    Node u = units.get((int) Math.floorMod(seed >> 8, units.size()));
    double p = u.reliability().get().failureProbability().getAsDouble();
    Model worse = m.toBuilder().edit(u.id(), nb -> nb.failureProbability(Math.min(1, p + 0.25))).build();
    double before = MonteCarlo.of(m).period(PERIOD).exactImportance(f).lossProbability().value();
    double after = MonteCarlo.of(worse).period(PERIOD).exactImportance(f).lossProbability().value();
    assertTrue(after >= before - 1e-12, before + " -> " + after);
  }

  @Property(tries = 50)
  void sameSeedSameResultWhateverTheThreadCount(
      @ForAll @IntRange(min = 2, max = 10) int size, @ForAll long seed) {
    Model base = RandomModels.model(size, seed);
    Random random = new Random(seed);
    Model.Builder b = base.toBuilder();
    for (Node n : base.nodes()) {
      if (random.nextBoolean()) {
        RepairTime repair = random.nextBoolean()
            ? new RepairTime.Exponential(Duration.ofHours(1 + random.nextInt(5)))
            : new RepairTime.Uniform(Duration.ofMinutes(30), Duration.ofHours(6));
        b.edit(n.id(), nb -> nb.reliability(Reliability.rate(200 * random.nextDouble(), repair)));
      }
    }
    Model m = b.build();
    MonteCarlo mc = MonteCarlo.of(m).period("P7D").seed(seed).scenarios(700)
        .threat(Threat.builder("pair").nodes("n0", "n1").probability(0.2).duration("PT3H").build());
    assertEquals(mc.threads(1).run(), mc.threads(4).run());
  }

  @Property(tries = 200)
  void anExtraAlternativeNeverAddsASpofOrDowntime(
      @ForAll @IntRange(min = 2, max = 10) int size, @ForAll long seed) {
    Model m = RandomModels.model(size, seed);
    Random random = new Random(seed);
    List<Node> withRequirements = m.nodes().stream().filter(n -> !n.requirements().isEmpty()).toList();
    Assume.that(!withRequirements.isEmpty());
    Node n = withRequirements.get(random.nextInt(withRequirements.size()));
    int index = random.nextInt(n.requirements().size());
    Requirement r = n.requirements().get(index);
    List<String> others = m.nodes().stream().map(Node::id)
        .filter(id -> !id.equals(n.id()) && !r.alternatives().contains(id)).toList();
    Assume.that(!others.isEmpty());
    List<String> alts = new ArrayList<>(r.alternatives());
    alts.add(others.get(random.nextInt(others.size())));
    List<Requirement> reqs = new ArrayList<>(n.requirements());
    reqs.set(index, new Requirement(alts, r.k(), r.tolerance()));
    Model variant = m.toBuilder().edit(n.id(), nb -> nb.requirements(reqs)).build();
    Scenario s = RandomScenarios.scenario(m, seed ^ 0x5DEECE66DL, 1 + random.nextInt(3));
    Comparison c = Comparison.of(m, variant, s);
    for (FunctionChange f : c.functions()) {
      assertEquals(List.of(), f.spofsGained(), f.function());
      for (OutcomeChange o : f.outcomes()) {
        assertTrue(o.downtimeChange().isNegative() || o.downtimeChange().isZero(), o.toString());
        assertTrue(!o.breachIntroduced(), o.toString());
      }
    }
  }
}
