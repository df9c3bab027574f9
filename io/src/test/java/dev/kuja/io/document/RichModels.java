package dev.kuja.io.document;

import dev.kuja.model.ImpactLevel;
import dev.kuja.model.ImpactThreshold;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Reliability;
import dev.kuja.model.RepairTime;
import dev.kuja.model.Threat;
import dev.kuja.testing.KujaArbitraries;
import dev.kuja.testing.Slots;
import java.time.Duration;
import java.util.ArrayList;
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
 * an RTO, an MBCO and impact thresholds (in awkwardly named categories, levels rising with time,
 * notes or not), for other nodes a restoration commitment (an RTO); and 0..3 threats on nodes,
 * organisations that own nodes and tags that nodes carry, with a probability, a rate or both and
 * a duration of every form or none. Shrinks the model first, then towards no names, tags,
 * attributes, RTO, MBCO, thresholds or threats and an MTPD of 30 min.
 */
final class RichModels {

  private static final String[] NAMES = {
    "Päivystys", "Water: \"north\" plant", "yes", "null", "123", "- dash", "wide\u3000space", "# not a comment",
    "Kotihoito & sosiaalipäivystys", "non-breaking\u00a0space", "  padded  ", "'quoted'", "@at", "~"
  };

  /** What a document adds to a generated node. */
  record Extras(Optional<String> name, Optional<String> tag, Optional<String> site, int mtpdMinutes,
      boolean rto, Optional<String> mbco, List<ImpactDraw> impacts, Optional<Integer> commitment) {}

  /**
   * Impact thresholds of one category: its name (a common one or an awkward one), when the first
   * is reached, the first level, and the steps to the next thresholds (each later and higher).
   */
  record ImpactDraw(String category, int firstAfter, int firstLevel, List<Integer> steps,
      Optional<String> note) {}

  /** A threat as drawn: its targets (by node reference and form), occurrence and duration. */
  record ThreatDraw(Optional<String> name, List<Integer> references, List<Integer> forms,
      Optional<Double> probability, Optional<Double> rate, Optional<RepairTime> duration) {}

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
        names.optional(0.5),
        impacts(names).list().ofMaxSize(2),
        Arbitraries.integers().between(0, 100_000_000).optional(1.0 / 3)).as(Extras::new);
    Arbitrary<ThreatDraw> threat = Combinators.combine(
        names.optional(0.5),
        Arbitraries.integers().between(0, KujaArbitraries.SLOTS - 1).list().ofMinSize(1).ofMaxSize(3),
        Arbitraries.integers().between(0, 2).list().ofSize(3),
        KujaArbitraries.unitDoubles().optional(0.5),
        KujaArbitraries.unitDoubles().map(u -> u * 10).optional(0.5),
        reliabilities().map(Reliability::repairTime).filter(Optional::isPresent).map(Optional::get).optional(0.5))
        .as(ThreatDraw::new);
    return Combinators.combine(
        KujaArbitraries.models().nodes(min, max).withReliability(reliabilities(), 1.0 / 3),
        names.optional(0.5),
        extras.list().ofSize(KujaArbitraries.SLOTS),
        threat.list().ofMaxSize(3))
        .as(RichModels::enrich)
        .withoutEdgeCases();
  }

  /** One category's thresholds: after 0 or up to 100 s, then each step up to 10,000 s later and a level higher or two. */
  private static Arbitrary<ImpactDraw> impacts(Arbitrary<String> names) {
    return Combinators.combine(
        Arbitraries.oneOf(Arbitraries.of(ImpactThreshold.COMMON_CATEGORIES), names),
        Arbitraries.integers().between(0, 100_000),
        Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(1, 10_000_000).list().ofMaxSize(3),
        names.optional(0.5)).as(ImpactDraw::new);
  }

  private static Model enrich(Model base, Optional<String> name, List<Extras> extras, List<ThreatDraw> threats) {
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
          nb.impacts(thresholds(x.impacts()));
        } else {
          x.commitment().ifPresent(ms -> nb.rto(Duration.ofMillis(ms)));
        }
      });
    }
    Model withNodes = b.build();
    for (int i = 0; i < threats.size(); i++) {
      b.threat(threat("threat-" + i + (i % 2 == 0 ? "" : ":x"), threats.get(i), withNodes));
    }
    return b.build();
  }

  /** The thresholds of each drawn category (categories kept distinct), levels rising with time. */
  private static List<ImpactThreshold> thresholds(List<ImpactDraw> draws) {
    List<ImpactThreshold> out = new ArrayList<>();
    java.util.Set<String> categories = new java.util.HashSet<>();
    for (ImpactDraw d : draws) {
      if (!categories.add(d.category())) {
        continue;
      }
      long after = d.firstAfter();
      int level = d.firstLevel();
      List<Integer> steps = new ArrayList<>(List.of(0));
      steps.addAll(d.steps());
      for (int step : steps) {
        after += step;
        if (step > 0) {
          level += 1 + step % 2;
        }
        if (level >= ImpactLevel.values().length) {
          break;
        }
        ImpactThreshold t = ImpactThreshold.of(Duration.ofMillis(after), d.category(), ImpactLevel.values()[level]);
        out.add(d.note().map(t::withNote).orElse(t));
      }
    }
    return out;
  }

  /** A threat on the drawn nodes, their owners or their tags (a node where there is none). */
  private static Threat threat(String id, ThreatDraw d, Model m) {
    Threat.Builder t = Threat.builder(id);
    d.name().ifPresent(t::name);
    d.probability().ifPresent(t::probability);
    d.rate().ifPresent(t::ratePerYear);
    if (d.probability().isEmpty() && d.rate().isEmpty()) {
      t.ratePerYear(0.5);
    }
    d.duration().ifPresent(t::duration);
    for (int k = 0; k < d.references().size(); k++) {
      Node n = m.nodes().get(d.references().get(k) % m.size());
      switch (d.forms().get(k)) {
        case 1 -> {
          if (n.owner().isPresent()) {
            t.organisation(n.owner().get());
          } else {
            t.nodes(n.id());
          }
        }
        case 2 -> {
          if (n.tags().isEmpty()) {
            t.nodes(n.id());
          } else {
            t.tag(n.tags().iterator().next());
          }
        }
        default -> t.nodes(n.id());
      }
    }
    return t.build();
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
