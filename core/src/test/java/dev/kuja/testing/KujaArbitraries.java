package dev.kuja.testing;

import dev.kuja.model.Model;
import dev.kuja.model.Reliability;
import dev.kuja.model.RepairTime;
import dev.kuja.model.Threat;
import dev.kuja.simulation.Disruption;
import dev.kuja.simulation.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.arbitraries.IntegerArbitrary;

/**
 * The inputs of Kuja's properties as jqwik arbitraries that shrink: models, failure sets,
 * scenarios, reliability data and threats. Everything that names a node does so by
 * a {@link Slots reference}, so that a shrinking model keeps every input valid and meaningful.
 */
public final class KujaArbitraries {

  /** The largest generated model has this many nodes, in slots 0..11. */
  public static final int SLOTS = 12;

  private KujaArbitraries() {}

  /** Random valid models of 1..12 nodes; see {@link ModelArbitrary} for the configuration. */
  public static ModelArbitrary models() {
    return new ModelArbitrary();
  }

  /** A reference to a node, uniform over the slots 0..slots − 1; shrinks towards the first node. */
  static IntegerArbitrary references(int slots) {
    return Arbitraries.integers().between(0, slots - 1).withDistribution(RandomDistribution.uniform());
  }

  private static IntegerArbitrary hours(int min, int max) {
    return Arbitraries.integers().between(min, max).withDistribution(RandomDistribution.uniform());
  }

  /** Sets of nodes: each of the 12 slots in the set with probability ½; shrinks towards the empty set. */
  public static Arbitrary<NodeSet> nodeSets() {
    return Arbitraries.of(false, true).list().ofSize(SLOTS).map(NodeSet::of).withoutEdgeCases();
  }

  /** Failure probabilities 0, 0.05, 0.1, 0.3, 0.5, 0.9 or 1 for the study period; shrinks towards 0. */
  public static Arbitrary<Reliability> failureProbabilities() {
    return Arbitraries.of(0.0, 0.05, 0.1, 0.3, 0.5, 0.9, 1.0).map(Reliability::probability);
  }

  /**
   * Failure rates of 0..200 a year with an exponential repair time (mean 1..5 h) or a uniform one
   * (30 min to 6 h); shrinks towards rate 0, the exponential repair, mean 1 h.
   */
  public static Arbitrary<Reliability> failureRates() {
    Arbitrary<RepairTime> repair = Arbitraries.oneOf(
        hours(1, 5).map(h -> new RepairTime.Exponential(Duration.ofHours(h))),
        Arbitraries.just(new RepairTime.Uniform(Duration.ofMinutes(30), Duration.ofHours(6))));
    return Combinators.combine(
        unitDoubles().map(u -> 200 * u), repair).as(Reliability::rate);
  }

  /** Doubles in [0, 1) with all 53 bits random, as {@link java.util.Random#nextDouble()}; shrinks towards 0. */
  public static Arbitrary<Double> unitDoubles() {
    return Arbitraries.longs().between(0, (1L << 53) - 1).withDistribution(RandomDistribution.uniform())
        .map(bits -> bits * 0x1.0p-53);
  }

  // ------------------------------------------------------------------ scenarios

  /** A disruption as drawn: the node by reference, start 0..7 h, 1..6 h long or (one in four) open-ended. */
  record DisruptionDraw(int reference, int startHours, Optional<Integer> hours) {
    Disruption on(Model m) {
      String node = Slots.node(m, reference).id();
      Duration start = Duration.ofHours(startHours);
      return hours.map(h -> Disruption.node(node, start, Duration.ofHours(h)))
          .orElseGet(() -> Disruption.node(node, start));
    }
  }

  /**
   * Models with a scenario on them: {@code min}..{@code max} disruptions of single nodes,
   * overlapping, one in four open-ended, the others 1..6 h long, starting in the first 8 h;
   * horizon 12 h or 24 h. Shrinks the model first, then towards fewer disruptions of the first
   * node, starting at 0, open-ended, over 12 h.
   */
  public static Arbitrary<Case<Scenario>> withScenario(ModelArbitrary models, int min, int max) {
    Arbitrary<DisruptionDraw> disruption = Combinators.combine(
        references(models.slots()),
        hours(0, 7),
        hours(1, 6).optional(0.75)).as(DisruptionDraw::new);
    return Combinators.combine(
        models,
        Arbitraries.of(Duration.ofHours(12), Duration.ofHours(24)),
        disruption.list().ofMinSize(min).ofMaxSize(max).withSizeDistribution(RandomDistribution.uniform()))
        .as((m, horizon, draws) -> {
          Scenario.Builder b = Scenario.builder("random").horizon(horizon);
          draws.forEach(d -> b.disrupt(d.on(m)));
          return new Case<>(m, b.build());
        }).withoutEdgeCases();
  }

  // ------------------------------------------------------------------ threats

  /** A threat as drawn: its nodes by reference, its probability and its duration. */
  record ThreatDraw(List<Integer> references, double probability, Optional<RepairTime> duration) {
    Threat on(Model m, String name) {
      List<Integer> slots = m.nodes().stream().map(Slots::of).toList();
      Set<Integer> taken = new HashSet<>();
      List<String> ids = new ArrayList<>();
      for (int reference : references) {
        int slot = Slots.next(slots, reference, taken);
        if (slot >= 0) {
          taken.add(slot);
          ids.add(Slots.id(slot));
        }
      }
      Threat.Builder b = Threat.builder(name).nodes(ids.toArray(String[]::new))
          .probability(probability);
      duration.ifPresent(b::duration);
      return b.build();
    }
  }

  /**
   * Models with {@code min}..{@code max} threats on them (added to an ensemble, not to the
   * model): each on 1..3 distinct nodes,
   * with probability 0.2, 0.05, 0.5 or 1 in the period, lasting a fixed 1..6 h, an exponential
   * time of mean 1..6 h, or (one in five) to the end of the period. Shrinks the model first, then
   * towards fewer threats on fewer nodes, probability 0.2, a fixed 1 h.
   */
  public static Arbitrary<Case<List<Threat>>> withThreats(ModelArbitrary models, int min, int max) {
    Arbitrary<RepairTime> duration = Arbitraries.oneOf(
        hours(1, 6).map(h -> new RepairTime.Fixed(Duration.ofHours(h))),
        hours(1, 6).map(h -> new RepairTime.Exponential(Duration.ofHours(h))));
    Arbitrary<ThreatDraw> event = Combinators.combine(
        references(models.slots()).list().ofMinSize(1).ofMaxSize(3).withSizeDistribution(RandomDistribution.uniform()),
        Arbitraries.of(0.2, 0.05, 0.5, 1.0),
        duration.optional(0.8)).as(ThreatDraw::new);
    return Combinators.combine(
        models, event.list().ofMinSize(min).ofMaxSize(max).withSizeDistribution(RandomDistribution.uniform()))
        .as((m, draws) -> {
          List<Threat> events = new ArrayList<>();
          for (int i = 0; i < draws.size(); i++) {
            events.add(draws.get(i).on(m, "threat-" + (i + 1)));
          }
          return new Case<>(m, events);
        }).withoutEdgeCases();
  }
}
