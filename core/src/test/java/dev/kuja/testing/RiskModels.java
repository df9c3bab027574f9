package dev.kuja.testing;

import dev.kuja.model.ImpactLevel;
import dev.kuja.model.ImpactThreshold;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.RepairTime;
import dev.kuja.model.Threat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The models of {@link KujaArbitraries#models()} with the data of a risk assessment added, drawn
 * from a seed: RTOs and MTPDs on functions, restoration commitments on some other nodes, impact
 * thresholds rising with time, and one to three threats given by probability. Shrinks the model
 * (and the seed).
 */
public final class RiskModels {

  private static final long[] AFTER_MINUTES = {0, 30, 60, 120, 240, 480, 720};
  private static final String[] CATEGORIES = {"health", "service", "finance"};

  private RiskModels() {}

  /** Models of {@code min}..{@code max} nodes with risk data. */
  public static Arbitrary<Model> models(int min, int max) {
    return Combinators.combine(KujaArbitraries.models().nodes(min, max), Arbitraries.longs())
        .as(RiskModels::withRisk).withoutEdgeCases();
  }

  /**
   * Everything an ensemble samples at once: models of {@code base} (with its reliability data)
   * with risk data added — MTPDs, impact thresholds, one to three threats of the model — and
   * {@code min}..{@code max} threats to add to the ensemble ({@link
   * KujaArbitraries#withThreats}). Shrinks the model, then the added threats.
   */
  public static Arbitrary<Case<List<Threat>>> withRiskAndThreats(ModelArbitrary base, int min, int max) {
    return Combinators.combine(KujaArbitraries.withThreats(base, min, max), Arbitraries.longs())
        .as((c, seed) -> new Case<>(withRisk(c.model(), seed), c.input())).withoutEdgeCases();
  }

  /** The model with risk data derived from the seed. */
  static Model withRisk(Model base, long seed) {
    Random random = new Random(seed ^ 0x5DEECE66DL);
    Model.Builder b = base.toBuilder();
    for (Node n : base.nodes()) {
      b.edit(n.id(), nb -> {
        if (n.isFunction()) {
          Duration mtpd = Duration.ofMinutes(30 + 30L * random.nextInt(24));
          nb.mtpd(mtpd).rto(mtpd.dividedBy(1 + random.nextInt(3)));
          nb.impacts(thresholds(random));
        } else if (random.nextInt(3) == 0) {
          nb.rto(Duration.ofMinutes(30L * random.nextInt(16)));
        }
      });
    }
    int threats = 1 + random.nextInt(3);
    for (int i = 0; i < threats; i++) {
      b.threat(threat("t" + i, base, random));
    }
    return b.build();
  }

  /** One to three thresholds per category in one or two categories, levels rising with time. */
  static List<ImpactThreshold> thresholds(Random random) {
    List<ImpactThreshold> out = new ArrayList<>();
    int categories = 1 + random.nextInt(2);
    for (int c = 0; c < categories; c++) {
      int level = random.nextInt(3);
      int after = random.nextInt(3);
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count && level < ImpactLevel.values().length && after < AFTER_MINUTES.length; i++) {
        out.add(ImpactThreshold.of(Duration.ofMinutes(AFTER_MINUTES[after]), CATEGORIES[c],
            ImpactLevel.values()[level]));
        level += 1 + random.nextInt(2);
        after += 1 + random.nextInt(2);
      }
    }
    return out;
  }

  /** A threat on one or two random nodes (or an organisation that owns some), by probability. */
  static Threat threat(String id, Model m, Random random) {
    Threat.Builder t = Threat.builder(id).probability(0.05 + 0.5 * random.nextDouble());
    int targets = 1 + random.nextInt(2);
    for (int i = 0; i < targets; i++) {
      Node n = m.nodes().get(random.nextInt(m.size()));
      if (random.nextInt(4) == 0 && n.owner().isPresent()) {
        t.organisation(n.owner().get());
      } else {
        t.nodes(n.id());
      }
    }
    switch (random.nextInt(3)) {
      case 0 -> t.duration(Duration.ofMinutes(30L * (1 + random.nextInt(24))));
      case 1 -> t.duration(new RepairTime.Exponential(Duration.ofHours(1 + random.nextInt(10))));
      default -> { } // to the end of the period
    }
    return t.build();
  }
}
