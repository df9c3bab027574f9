package dev.kuja.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.Ranking;
import dev.kuja.model.Model;
import java.util.Map;
import org.jgrapht.alg.cycle.CycleDetector;
import org.junit.jupiter.api.Test;

class NationalModelsTest {

  @Test
  void generatedModelsAreValidSeededAndHaveTheAdvertisedShape() {
    Model m = NationalModels.generate(10_000, 42);
    assertEquals(m, NationalModels.generate(10_000, 42), "same seed, same model");
    assertTrue(m.size() > 9_000 && m.size() < 11_000, m::toString);
    assertTrue(new CycleDetector<>(m.graph()).detectCycles(), "power <-> telecom cycles");
    assertTrue(m.nodes().stream().flatMap(n -> n.requirements().stream()).anyMatch(r -> r.k() == 2 && r.n() == 3));
    assertTrue(m.nodes().stream().flatMap(n -> n.requirements().stream()).anyMatch(r -> r.k() == 1 && r.n() == 2));
  }

  @Test
  void theNaiveBaselineAgreesWithKuja() {
    // speed never changes an answer: the baseline and Kuja rank the same
    Model m = NationalModels.generate(1_000, 7);
    Map<String, Integer> naive = NaiveRanking.scores(m);
    Ranking kuja = Analysis.of(m).ranking();
    for (Ranking.Entry e : kuja.entries()) {
      assertEquals(naive.get(e.node()).doubleValue(), e.score(), e.node());
    }
  }
}
