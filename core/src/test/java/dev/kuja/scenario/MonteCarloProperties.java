package dev.kuja.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Requirement;
import dev.kuja.model.Threat;
import dev.kuja.simulation.Scenario;
import dev.kuja.testing.Case;
import dev.kuja.testing.KujaArbitraries;
import dev.kuja.testing.KujaDomain;
import dev.kuja.testing.Oracle;
import dev.kuja.testing.Slots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;

/**
 * Monte Carlo against the exact reference, importance measures against their definitions by
 * brute force, reproducibility, and monotonicity of what-if variants. Models, reliability data,
 * threats and scenarios come from {@link KujaArbitraries} and shrink; the function,
 * node or alternative a property looks at is picked by a {@link Slots slot reference}; a
 * {@code seed} is only ever the seed of the Monte Carlo ensemble.
 */
@Domain(DomainContext.Global.class)
@Domain(KujaDomain.class)
class MonteCarloProperties {

  /**
   * The study period: long enough that every tolerance of the random models (≤ 5 h each) has
   * run out before it ends, so that being down at some time in the period (the ensemble) and
   * being in the impact (the static snapshot of the exact reference) are the same event.
   */
  static final Duration PERIOD = Duration.ofDays(30);

  /**
   * Random models of 2..10 nodes, two in three of whose nodes fail with a probability of 0, 0.05,
   * 0.1, 0.3, 0.5, 0.9 or 1 (no repair: the whole period).
   */
  @Provide
  Arbitrary<Model> withProbabilities() {
    return KujaArbitraries.models().nodes(2, 10)
        .withReliability(KujaArbitraries.failureProbabilities(), 2.0 / 3);
  }

  /** As {@link #withProbabilities()}, of 2..8 nodes. */
  @Provide
  Arbitrary<Model> smallWithProbabilities() {
    return KujaArbitraries.models().nodes(2, 8)
        .withReliability(KujaArbitraries.failureProbabilities(), 2.0 / 3);
  }

  /**
   * Models of 2..10 nodes, half of whose nodes fail at 0..200 a year with exponential or uniform
   * repair times, with one or two threats.
   */
  @Provide
  Arbitrary<Case<List<Threat>>> withRatesAndEvents() {
    return KujaArbitraries.withThreats(
        KujaArbitraries.models().nodes(2, 10).withReliability(KujaArbitraries.failureRates(), 0.5), 1, 2);
  }

  /** Models of 2..10 nodes with a scenario of 1..3 disruptions. */
  @Provide
  Arbitrary<Case<Scenario>> withScenario() {
    return KujaArbitraries.withScenario(KujaArbitraries.models().nodes(2, 10), 1, 3);
  }

  static String someFunction(Model m, int reference) {
    List<Node> fs = m.functions();
    Assume.that(!fs.isEmpty());
    return Slots.pick(fs, reference).orElseThrow().id();
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
      @ForAll("withProbabilities") Model m, @ForAll @IntRange(min = 0, max = 11) int function) {
    String f = someFunction(m, function);
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
      @ForAll("withProbabilities") Model m, @ForAll @IntRange(min = 0, max = 11) int function, @ForAll long seed) {
    String f = someFunction(m, function);
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
      @ForAll("smallWithProbabilities") Model m, @ForAll @IntRange(min = 0, max = 11) int function,
      @ForAll long seed) {
    String f = someFunction(m, function);
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
      @ForAll("withProbabilities") Model m, @ForAll @IntRange(min = 0, max = 11) int function,
      @ForAll @IntRange(min = 0, max = 11) int unit) {
    String f = someFunction(m, function);
    List<Node> units = m.nodes().stream().filter(n -> n.reliability().isPresent()).toList();
    Assume.that(!units.isEmpty());
    Node u = Slots.pick(units, unit).orElseThrow();
    double p = u.reliability().get().failureProbability().getAsDouble();
    Model worse = m.toBuilder().edit(u.id(), nb -> nb.failureProbability(Math.min(1, p + 0.25))).build();
    double before = MonteCarlo.of(m).period(PERIOD).exactImportance(f).lossProbability().value();
    double after = MonteCarlo.of(worse).period(PERIOD).exactImportance(f).lossProbability().value();
    assertTrue(after >= before - 1e-12, before + " -> " + after);
  }

  @Property(tries = 50)
  void sameSeedSameResultWhateverTheThreadCount(
      @ForAll("withRatesAndEvents") Case<List<Threat>> drawn, @ForAll long seed) {
    Model m = drawn.model();
    MonteCarlo mc = MonteCarlo.of(m).period("P7D").seed(seed).scenarios(700)
        .threat(drawn.input().toArray(Threat[]::new));
    assertEquals(mc.threads(1).run(), mc.threads(4).run());
  }

  @Property(tries = 200)
  void anExtraAlternativeNeverAddsASpofOrDowntime(
      @ForAll("withScenario") Case<Scenario> drawn, @ForAll @IntRange(min = 0, max = 11) int node,
      @ForAll @IntRange(min = 0, max = 2) int requirement, @ForAll @IntRange(min = 0, max = 11) int extra) {
    Model m = drawn.model();
    List<Node> withRequirements = m.nodes().stream().filter(n -> !n.requirements().isEmpty()).toList();
    Assume.that(!withRequirements.isEmpty());
    Node n = Slots.pick(withRequirements, node).orElseThrow();
    int index = requirement % n.requirements().size();
    Requirement r = n.requirements().get(index);
    List<Node> others = m.nodes().stream()
        .filter(o -> !o.id().equals(n.id()) && !r.alternatives().contains(o.id())).toList();
    Assume.that(!others.isEmpty());
    List<String> alts = new ArrayList<>(r.alternatives());
    alts.add(Slots.pick(others, extra).orElseThrow().id());
    List<Requirement> reqs = new ArrayList<>(n.requirements());
    reqs.set(index, new Requirement(alts, r.k(), r.tolerance()));
    Model variant = m.toBuilder().edit(n.id(), nb -> nb.requirements(reqs)).build();
    Scenario s = drawn.input();
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
