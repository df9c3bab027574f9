package dev.kuja.io.document;

import dev.kuja.model.Criticality;
import dev.kuja.model.ImpactLevel;
import dev.kuja.model.ImpactThreshold;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Reliability;
import dev.kuja.model.RepairTime;
import dev.kuja.model.Threat;
import dev.kuja.testing.RandomModels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * Random valid models using every field a document can carry, with awkward names and values:
 * impact thresholds on functions, restoration commitments on other nodes, and threats.
 */
final class RichModels {

  private static final String[] NAMES = {
    "Päivystys", "Water: \"north\" plant", "yes", "null", "123", "- dash", "tab\there", "# not a comment",
    "Kotihoito & sosiaalipäivystys", "line\nbreak", "  padded  ", "'quoted'", "@at", "~"
  };

  private RichModels() {}

  static Model model(int size, long seed) {
    Random random = new Random(seed);
    Model base = RandomModels.model(size, seed);
    Model.Builder b = base.toBuilder();
    if (random.nextBoolean()) {
      b.name(NAMES[random.nextInt(NAMES.length)]);
    }
    for (Node n : base.nodes()) {
      b.edit(n.id(), nb -> {
        if (random.nextBoolean()) {
          nb.name(NAMES[random.nextInt(NAMES.length)]);
        }
        if (random.nextInt(3) == 0) {
          nb.tags("vital-function:health", NAMES[random.nextInt(NAMES.length)]);
        }
        if (random.nextInt(3) == 0) {
          nb.attribute("site", NAMES[random.nextInt(NAMES.length)]).attribute("capacity", "20");
        }
        if (n.isFunction()) {
          Duration mtpd = Duration.ofMinutes(30 + random.nextInt(10_000));
          nb.criticality(Criticality.values()[random.nextInt(4)]).mtpd(mtpd);
          if (random.nextBoolean()) {
            nb.rto(mtpd.dividedBy(2));
          }
          if (random.nextBoolean()) {
            nb.mbco(NAMES[random.nextInt(NAMES.length)]);
          }
          nb.impacts(impacts(random));
        } else if (random.nextInt(3) == 0) {
          nb.rto(Duration.ofMillis(random.nextInt(100_000_000)));
        }
        if (random.nextInt(3) == 0) {
          nb.reliability(reliability(random));
        }
      });
    }
    Model withNodes = b.build();
    int threats = random.nextInt(4);
    for (int i = 0; i < threats; i++) {
      b.threat(threat(i, withNodes, random));
    }
    return b.build();
  }

  /** Zero to four thresholds in awkwardly named categories, levels rising with time in each. */
  private static List<ImpactThreshold> impacts(Random random) {
    List<ImpactThreshold> out = new ArrayList<>();
    int categories = random.nextInt(3);
    for (int c = 0; c < categories; c++) {
      String category = random.nextBoolean() ? ImpactThreshold.COMMON_CATEGORIES.get(c)
          : NAMES[random.nextInt(NAMES.length)] + c;
      long after = random.nextInt(3) == 0 ? 0 : random.nextInt(100_000);
      for (int level = random.nextInt(3); level < ImpactLevel.values().length; level += 1 + random.nextInt(3)) {
        ImpactThreshold t = ImpactThreshold.of(Duration.ofMillis(after), category, ImpactLevel.values()[level]);
        out.add(random.nextBoolean() ? t : t.withNote(NAMES[random.nextInt(NAMES.length)]));
        after += 1 + random.nextInt(10_000_000);
      }
    }
    return out;
  }

  /** A threat on nodes, organisations that own nodes and tags that nodes carry. */
  private static Threat threat(int i, Model m, Random random) {
    Threat.Builder t = Threat.builder("threat-" + i + (random.nextBoolean() ? ":x" : ""));
    if (random.nextBoolean()) {
      t.name(NAMES[random.nextInt(NAMES.length)]);
    }
    if (random.nextBoolean()) {
      t.probability(random.nextDouble());
    }
    if (random.nextBoolean()) {
      t.ratePerYear(random.nextDouble() * 10);
    } else if (random.nextBoolean()) {
      t.probability(random.nextDouble());
    } else {
      t.ratePerYear(random.nextInt(5));
    }
    if (random.nextBoolean()) {
      t.duration(random.nextBoolean() ? new RepairTime.Fixed(Duration.ofMillis(random.nextInt(1_000_000_000)))
          : reliability(random).repairTime().orElse(new RepairTime.Exponential(Duration.ofHours(3))));
    }
    int targets = 1 + random.nextInt(3);
    for (int k = 0; k < targets; k++) {
      Node n = m.nodes().get(random.nextInt(m.size()));
      switch (random.nextInt(3)) {
        case 0 -> t.nodes(n.id());
        case 1 -> {
          if (n.owner().isPresent()) {
            t.organisation(n.owner().get());
          } else {
            t.nodes(n.id());
          }
        }
        default -> {
          if (n.tags().isEmpty()) {
            t.nodes(n.id());
          } else {
            t.tag(n.tags().iterator().next());
          }
        }
      }
    }
    return t.build();
  }

  private static Reliability reliability(Random random) {
    RepairTime repair = switch (random.nextInt(4)) {
      case 0 -> new RepairTime.Fixed(Duration.ofMinutes(random.nextInt(1000)));
      case 1 -> new RepairTime.Exponential(Duration.ofMinutes(1 + random.nextInt(1000)));
      case 2 -> new RepairTime.Uniform(Duration.ofHours(1), Duration.ofHours(1 + random.nextInt(48)));
      default -> new RepairTime.LogNormal(Duration.ofMillis(1 + random.nextInt(1_000_000)),
          0.1 + random.nextDouble());
    };
    return new Reliability(
        random.nextBoolean() ? OptionalDouble.of(random.nextDouble()) : OptionalDouble.empty(),
        random.nextBoolean() ? OptionalDouble.of(random.nextDouble() * 10) : OptionalDouble.empty(),
        random.nextBoolean() ? Optional.of(repair) : Optional.empty());
  }
}
