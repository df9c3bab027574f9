package dev.kuja.io.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.kuja.io.Format;
import dev.kuja.model.Model;
import dev.kuja.model.Target;
import dev.kuja.simulation.Disruption;
import dev.kuja.simulation.Scenario;
import java.time.Duration;
import dev.kuja.testing.KujaDomain;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import net.jqwik.api.statistics.Statistics;

/** Writing then reading a document gives back exactly what was written. */
@Domain(DomainContext.Global.class)
@Domain(KujaDomain.class)
class RoundTripProperties {

  @Provide
  Arbitrary<Model> richModels() {
    return RichModels.models(1, 12);
  }

  /**
   * Scenarios with any horizon of 1..100 000 min and 0..5 disruptions of nodes, organisations
   * or tags, starting at 0..1 000 000 ms (wrapped to before the horizon), lasting 1..1 000 000 s or open-ended. Shrinks towards
   * fewer disruptions of node n0 from 0, open-ended, and a horizon of 1 min.
   */
  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Integer> nine = Arbitraries.integers().between(0, 8);
    Arbitrary<Target> target = Arbitraries.oneOf(
        nine.map(i -> new Target.OfNode("n" + i)),
        nine.map(i -> new Target.OfOrganisation("org-" + i)),
        nine.map(i -> new Target.OfTag("region:" + i)));
    Arbitrary<Disruption> disruption = Combinators.combine(
        target,
        Arbitraries.integers().between(0, 999_999).map(Duration::ofMillis),
        Arbitraries.integers().between(1, 1_000_000).map(s -> Duration.ofSeconds(s)).optional(0.5))
        .as(Disruption::new);
    // a disruption starts before the horizon (a later one is refused as changing nothing)
    return Combinators.combine(
        Arbitraries.integers().between(1, 100_000).withDistribution(RandomDistribution.uniform()),
        disruption.list().ofMaxSize(5).withSizeDistribution(RandomDistribution.uniform()))
        .as((minutes, disruptions) -> {
          Duration horizon = Duration.ofMinutes(minutes);
          Scenario.Builder b = Scenario.builder("s" + minutes).horizon(horizon);
          disruptions.forEach(d -> b.disrupt(new Disruption(d.target(),
              Duration.ofMillis(d.start().toMillis() % horizon.toMillis()), d.duration())));
          return b.build();
        });
  }

  @Property(tries = 300)
  void modelsSurviveYaml(@ForAll("richModels") Model m) {
    String text = ModelDocuments.write(m, Format.YAML);
    assertEquals(m, ModelDocuments.read(text, "model.yaml", Format.YAML), text);
    // the risk data is exercised: threats, impact thresholds, restoration commitments
    Statistics.label("threats").collect(!m.threats().isEmpty());
    Statistics.label("impact thresholds").collect(m.nodes().stream().anyMatch(n -> !n.impacts().isEmpty()));
    Statistics.label("threats").coverage(c -> c.check(true).percentage(p -> p > 40));
    Statistics.label("impact thresholds").coverage(c -> c.check(true).percentage(p -> p > 30));
  }

  @Property(tries = 300)
  void modelsSurviveJson(@ForAll("richModels") Model m) {
    String text = ModelDocuments.write(m, Format.JSON);
    assertEquals(m, ModelDocuments.read(text, "model.json", Format.JSON), text);
  }

  @Property(tries = 200)
  void scenariosSurviveBothFormats(@ForAll("scenarios") Scenario s) {
    for (Format f : Format.values()) {
      String text = ScenarioDocuments.write(s, f);
      assertEquals(s, ScenarioDocuments.read(text, "s", f, Optional.empty()), text);
    }
  }
}
