package dev.kuja.io.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kuja.model.Model;
import dev.kuja.model.Reliability;
import dev.kuja.scenario.EnsembleSweep;
import dev.kuja.scenario.MonteCarlo;
import dev.kuja.scenario.Sweep;
import dev.kuja.scenario.Variants;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An ensemble sweep as JSON: the parameter, and per value the ensemble as its own JSON. */
class EnsembleSweepJsonTest {

  @Test
  void everyRowCarriesItsValueAndItsEnsemble() throws Exception {
    Model m = Model.builder()
        .supplier("fuel", s -> s.reliability(Reliability.probability(0.3)))
        .resource("gen", r -> r.requires("fuel").tolerance("PT24H"))
        .function("care", f -> f.criticality("vital").mtpd("PT4H").requires("gen"))
        .build();
    EnsembleSweep sweep = Sweep.of("fuel stock", List.of(Duration.ofHours(24), Duration.ofDays(3)),
        d -> Variants.tolerance(m, "gen", "fuel", d)).run(MonteCarlo.of(m).seed(5).scenarios(300));
    ObjectMapper mapper = new ObjectMapper();
    JsonNode json = mapper.readTree(ResultsJson.ensembleSweep(sweep));
    assertEquals("fuel stock", json.get("parameter").asText());
    assertEquals(2, json.get("rows").size());
    assertEquals("P3D", json.get("rows").get(1).get("value").asText());
    assertEquals(mapper.readTree(ResultsJson.ensemble(sweep.rows().get(1).result())),
        json.get("rows").get(1).get("ensemble"));
    assertEquals(300, json.get("rows").get(0).get("ensemble").get("scenarios").asLong());
  }
}
