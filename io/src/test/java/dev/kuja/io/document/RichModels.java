package dev.kuja.io.document;

import dev.kuja.model.Criticality;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Reliability;
import dev.kuja.model.RepairTime;
import dev.kuja.testing.RandomModels;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;

/** Random valid models using every field a document can carry, with awkward names and values. */
final class RichModels {

  private static final String[] NAMES = {
    "Päivystys", "Water: \"north\" plant", "yes", "null", "123", "- dash", "wide\u3000space", "# not a comment",
    "Kotihoito & sosiaalipäivystys", "non-breaking\u00a0space", "  padded  ", "'quoted'", "@at", "~"
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
        }
        if (random.nextInt(3) == 0) {
          nb.reliability(reliability(random));
        }
      });
    }
    return b.build();
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
