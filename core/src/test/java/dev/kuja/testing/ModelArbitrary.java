package dev.kuja.testing;

import dev.kuja.model.Criticality;
import dev.kuja.model.Model;
import dev.kuja.model.NodeKind;
import dev.kuja.model.Reliability;
import dev.kuja.model.Requirement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Small random models that are valid by construction and stay valid while jqwik shrinks them:
 * cycles, k-of-n requirements, several functions, shared providers, three owners, tolerances and
 * recovery times drawn from a few hours so that ties and coincidences are common.
 *
 * <p>What is drawn is a list of node descriptions in distinct {@link Slots slots}; the model is
 * built from it, so every draw, and every shrink of a draw, is a model. A node description is a kind, an
 * owner, a criticality, a recovery time, 0..3 requirements and optionally reliability data; a
 * requirement is 1..3 references to other slots (resolved to distinct other nodes, so there are
 * no self-loops and no duplicates; a reference with nothing left to name is dropped, and so is a
 * requirement with no alternative), a k drawn so that it is uniform in 1..n, and a tolerance.
 *
 * <p>Shrinking goes towards fewer nodes (whole nodes are removed; the others keep their ids and
 * their requirements keep naming the same nodes), fewer requirements, fewer alternatives, k = 1,
 * zero tolerances and recovery, the first owner, kind and criticality ({@code a}, function,
 * vital), and no reliability data.
 */
public final class ModelArbitrary extends ArbitraryDecorator<Model> {

  /** Tolerances and recovery times; zero is the first, where shrinking ends. */
  private static final Duration[] BUFFERS = {
    Duration.ZERO, Duration.ZERO, Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(5)
  };

  /** A draw of one requirement: references to slots, k as drawn (k = 1 + k mod n), tolerance. */
  record RequirementDraw(List<Integer> references, int k, Duration tolerance) {}

  /** A draw of one node. */
  record NodeDraw(NodeKind kind, String owner, Criticality criticality, Duration recovery,
      List<RequirementDraw> requirements, Optional<Reliability> reliability) {}

  /** A node and its slot. */
  record SlotDraw(int slot, NodeDraw node) {}

  private int minNodes = 1;
  private int maxNodes = 12;
  private boolean buffers = true;
  private Arbitrary<Optional<Reliability>> reliability = Arbitraries.just(Optional.empty());

  ModelArbitrary() {}

  /** Models of {@code min}..{@code max} nodes (1 ≤ min ≤ max ≤ 12), the number uniform. */
  public ModelArbitrary nodes(int min, int max) {
    if (min < 1 || min > max || max > KujaArbitraries.SLOTS) {
      throw new IllegalArgumentException("nodes " + min + ".." + max);
    }
    ModelArbitrary clone = typedClone();
    clone.minNodes = min;
    clone.maxNodes = max;
    return clone;
  }

  /** Models with every tolerance and recovery time zero. */
  public ModelArbitrary withoutBuffers() {
    ModelArbitrary clone = typedClone();
    clone.buffers = false;
    return clone;
  }

  /** Models where a node has reliability data from {@code data} with probability {@code presence}. */
  public ModelArbitrary withReliability(Arbitrary<Reliability> data, double presence) {
    ModelArbitrary clone = typedClone();
    clone.reliability = data.optional(presence);
    return clone;
  }

  /** The number of slots, 0..slots − 1, that the nodes of these models occupy. */
  int slots() {
    return maxNodes;
  }

  @Override
  protected Arbitrary<Model> arbitrary() {
    Arbitrary<Duration> buffer = buffers ? Arbitraries.of(BUFFERS) : Arbitraries.just(Duration.ZERO);
    Arbitrary<RequirementDraw> requirement = Combinators.combine(
        KujaArbitraries.references(maxNodes).list().ofMinSize(1).ofMaxSize(3)
            .withSizeDistribution(RandomDistribution.uniform()),
        // 0..5 is 0..5 mod n uniformly for n = 1, 2, 3
        Arbitraries.integers().between(0, 5).withDistribution(RandomDistribution.uniform()),
        buffer).as(RequirementDraw::new);
    Arbitrary<NodeDraw> node = Combinators.combine(
        Arbitraries.of(NodeKind.class),
        Arbitraries.of("a", "b", "c"),
        Arbitraries.of(Criticality.class),
        buffer,
        requirement.list().ofMaxSize(3).withSizeDistribution(RandomDistribution.uniform()),
        reliability).as(NodeDraw::new);
    return Combinators.combine(KujaArbitraries.references(maxNodes), node).as(SlotDraw::new)
        .list().uniqueElements(SlotDraw::slot)
        .ofMinSize(minNodes).ofMaxSize(maxNodes)
        .withSizeDistribution(RandomDistribution.uniform())
        .map(ModelArbitrary::build)
        // jqwik's edge cases (the smallest list, the first of every choice) would be a third of
        // all tries; the uniform number of nodes already makes one model in twelve a single node
        .withoutEdgeCases();
  }

  /** The model of a draw. */
  static Model build(List<SlotDraw> draw) {
    TreeMap<Integer, NodeDraw> nodes = new TreeMap<>();
    draw.forEach(d -> nodes.put(d.slot(), d.node()));
    List<Integer> slots = List.copyOf(nodes.keySet());
    Model.Builder b = Model.builder().name("random");
    b.organisation("a", "Org A").organisation("b", "Org B").organisation("c", "Org C");
    nodes.forEach((slot, d) -> {
      List<Requirement> requirements = new ArrayList<>();
      for (RequirementDraw r : d.requirements()) {
        Set<Integer> taken = new HashSet<>(Set.of(slot));
        List<String> alternatives = new ArrayList<>();
        for (int reference : r.references()) {
          int other = Slots.next(slots, reference, taken);
          if (other >= 0) {
            taken.add(other);
            alternatives.add(Slots.id(other));
          }
        }
        if (!alternatives.isEmpty()) {
          requirements.add(new Requirement(alternatives, 1 + r.k() % alternatives.size(), r.tolerance()));
        }
      }
      b.node(Slots.id(slot), d.kind(), nb -> {
        nb.owner(d.owner()).requirements(requirements).recovery(d.recovery());
        if (d.kind() == NodeKind.FUNCTION) {
          nb.criticality(d.criticality());
        }
        d.reliability().ifPresent(nb::reliability);
      });
    });
    return b.build();
  }
}
