package dev.kuja.io.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.kuja.io.Format;
import dev.kuja.model.Model;
import dev.kuja.simulation.Disruption;
import dev.kuja.simulation.Scenario;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Writing then reading a document gives back exactly what was written. */
class RoundTripProperties {

  @Property(tries = 300)
  void modelsSurviveYaml(@ForAll @IntRange(min = 1, max = 12) int size, @ForAll long seed) {
    Model m = RichModels.model(size, seed);
    String text = ModelDocuments.write(m, Format.YAML);
    assertEquals(m, ModelDocuments.read(text, "model.yaml", Format.YAML), text);
  }

  @Property(tries = 300)
  void modelsSurviveJson(@ForAll @IntRange(min = 1, max = 12) int size, @ForAll long seed) {
    Model m = RichModels.model(size, seed);
    String text = ModelDocuments.write(m, Format.JSON);
    assertEquals(m, ModelDocuments.read(text, "model.json", Format.JSON), text);
  }

  @Property(tries = 200)
  void scenariosSurviveBothFormats(@ForAll long seed, @ForAll @IntRange(min = 0, max = 5) int count) {
    Random random = new Random(seed);
    Scenario.Builder b = Scenario.builder("s" + seed).horizon(Duration.ofMinutes(1 + random.nextInt(100_000)));
    for (int i = 0; i < count; i++) {
      dev.kuja.model.Target target = switch (random.nextInt(3)) {
        case 0 -> new dev.kuja.model.Target.OfNode("n" + random.nextInt(9));
        case 1 -> new dev.kuja.model.Target.OfOrganisation("org-" + random.nextInt(9));
        default -> new dev.kuja.model.Target.OfTag("region:" + random.nextInt(9));
      };
      Optional<Duration> duration = random.nextBoolean()
          ? Optional.of(Duration.ofSeconds(1 + random.nextInt(1_000_000))) : Optional.empty();
      b.disrupt(new Disruption(target, Duration.ofMillis(random.nextInt(1_000_000)), duration));
    }
    Scenario s = b.build();
    for (Format f : Format.values()) {
      String text = ScenarioDocuments.write(s, f);
      assertEquals(s, ScenarioDocuments.read(text, "s", f, Optional.empty()), text);
    }
  }
}
