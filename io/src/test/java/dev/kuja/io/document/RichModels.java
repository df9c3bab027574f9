package dev.kuja.io.document;

import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Reliability;
import dev.kuja.model.RepairTime;
import dev.kuja.testing.KujaArbitraries;
import dev.kuja.testing.Slots;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;

/**
 * Random valid models using every field a document can carry, with awkward names and values:
 * {@link KujaArbitraries#models()} (one node in three with reliability data of every form), and
 * for each node, by its slot, optionally a name, tags, attributes and, for functions, an MTPD,
 * an RTO and an MBCO. Shrinks the model first, then towards no names, tags, attributes, RTO or
 * MBCO and an MTPD of 30 min.
 */
final class RichModels {

  private static final String[] NAMES = {
    "Päivystys", "Water: \"north\" plant", "yes", "null", "123", "- dash", "wide\u3000space", "# not a comment",
    "Kotihoito & sosiaalipäivystys", "non-breaking\u00a0space", "  padded  ", "'quoted'", "@at", "~"
  };

  /** What a document adds to a generated node. */
  record Extras(Optional<String> name, Optional<String> tag, Optional<String> site, int mtpdMinutes,
      boolean rto, Optional<String> mbco) {}

  private RichModels() {}

  /** Rich models of {@code min}..{@code max} nodes. */
  static Arbitrary<Model> models(int min, int max) {
    Arbitrary<String> names = Arbitraries.of(NAMES);
    Arbitrary<Extras> extras = Combinators.combine(
        names.optional(0.5),
        names.optional(1.0 / 3),
        names.optional(1.0 / 3),
        Arbitraries.integers().between(30, 30 + 9_999).withDistribution(RandomDistribution.uniform()),
        Arbitraries.of(false, true),
        names.optional(0.5)).as(Extras::new);
    return Combinators.combine(
        KujaArbitraries.models().nodes(min, max).withReliability(reliabilities(), 1.0 / 3),
        names.optional(0.5),
        extras.list().ofSize(KujaArbitraries.SLOTS))
        .as(RichModels::enrich)
        .withoutEdgeCases();
  }

  private static Model enrich(Model base, Optional<String> name, List<Extras> extras) {
    Model.Builder b = base.toBuilder();
    name.ifPresent(b::name);
    for (Node n : base.nodes()) {
      Extras x = extras.get(Slots.of(n));
      b.edit(n.id(), nb -> {
        x.name().ifPresent(nb::name);
        x.tag().ifPresent(tag -> nb.tags("vital-function:health", tag));
        x.site().ifPresent(site -> nb.attribute("site", site).attribute("capacity", "20"));
        if (n.isFunction()) {
          Duration mtpd = Duration.ofMinutes(x.mtpdMinutes());
          nb.mtpd(mtpd);
          if (x.rto()) {
            nb.rto(mtpd.dividedBy(2));
          }
          x.mbco().ifPresent(nb::mbco);
        }
      });
    }
    return b.build();
  }

  /** Reliability data of every form: probability, rate and repair time each present or not. */
  private static Arbitrary<Reliability> reliabilities() {
    Arbitrary<Double> unit = KujaArbitraries.unitDoubles();
    Arbitrary<RepairTime> repair = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 999).map(m -> new RepairTime.Fixed(Duration.ofMinutes(m))),
        Arbitraries.integers().between(1, 1000).map(m -> new RepairTime.Exponential(Duration.ofMinutes(m))),
        Arbitraries.integers().between(1, 48)
            .map(h -> new RepairTime.Uniform(Duration.ofHours(1), Duration.ofHours(h))),
        Combinators.combine(Arbitraries.integers().between(1, 1_000_000), unit)
            .as((ms, u) -> new RepairTime.LogNormal(Duration.ofMillis(ms), 0.1 + u)));
    return Combinators.combine(
        unit.map(OptionalDouble::of).optional(0.5),
        unit.map(u -> OptionalDouble.of(u * 10)).optional(0.5),
        repair.optional(0.5))
        .as((p, rate, r) -> new Reliability(
            p.orElse(OptionalDouble.empty()), rate.orElse(OptionalDouble.empty()), r));
  }
}
