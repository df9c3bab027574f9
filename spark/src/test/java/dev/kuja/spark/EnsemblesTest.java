package dev.kuja.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.report.ResultsJson;
import dev.kuja.model.Model;
import dev.kuja.scenario.EnsembleSweep;
import dev.kuja.scenario.MonteCarlo;
import dev.kuja.scenario.Sweep;
import dev.kuja.scenario.Variants;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spark-submit entry point, {@link Ensembles}: its options, the sweep syntax, the JSON it
 * writes and its exit status. Each run starts and stops its own {@code local[2]} context, as
 * under spark-submit.
 */
class EnsemblesTest {

  static final String MODEL = """
      kuja: 1
      name: Two generators, one fuel supplier
      nodes:
        - { id: fuel, kind: supplier, reliability: { rate: 2, repair: { distribution: exponential, mean: PT12H } } }
        - { id: gen-a, kind: resource, reliability: { probability: 0.1 }, requires: [{ all: [fuel], tolerance: PT24H }] }
        - { id: gen-b, kind: resource, reliability: { probability: 0.2 }, requires: [{ all: [fuel], tolerance: PT24H }] }
        - id: care
          kind: function
          criticality: vital
          mtpd: PT4H
          requires: [{ any: [gen-a, gen-b] }]
      threats:
        - { id: storm, probability: 0.1, duration: PT6H, targets: [{ node: gen-a }, { node: gen-b }] }
      """;

  @TempDir
  Path dir;

  record Run(int status, String out, String err) {}

  static Run ensembles(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    SparkConf conf = new SparkConf(false).setMaster("local[2]");
    int status = Ensembles.run(args, conf, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  Path model() throws IOException {
    Path m = dir.resolve("gens.yaml");
    Files.writeString(m, MODEL);
    return m;
  }

  @SuppressWarnings("unchecked")
  static <T> T travelled(T value) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
        o.writeObject(value);
      }
      try (ObjectInputStream i = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) i.readObject();
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void anEnsembleIsTheLocalOneInTextAndJson() throws Exception {
    Path json = dir.resolve("out.json");
    Run r = ensembles(model().toString(), "--scenarios", "3000", "--seed", "7", "--json", json.toString());
    assertEquals(0, r.status(), r.err());
    MonteCarlo mc = MonteCarlo.of(ModelDocuments.read(model())).scenarios(3000).seed(7);
    var local = mc.run();
    assertEquals(local.toString() + System.lineSeparator(), r.out());
    ObjectMapper mapper = new ObjectMapper();
    assertEquals(mapper.readTree(ResultsJson.ensemble(local)), mapper.readTree(json.toFile()));
  }

  @Test
  void aSweepRunsAnEnsemblePerValue() throws Exception {
    Path json = dir.resolve("sweep.json");
    Run r = ensembles(model().toString(), "--scenarios", "1000", "--seed", "3", "--period", "P90D",
        "--sweep", "tolerance:gen-a,fuel=PT0S,PT24H,P3D", "--json", json.toString());
    assertEquals(0, r.status(), r.err());
    Model m = ModelDocuments.read(model());
    EnsembleSweep local = Sweep.of("tolerance of gen-a for fuel",
        List.of(Duration.ZERO, Duration.ofHours(24), Duration.ofDays(3)),
        d -> Variants.tolerance(m, "gen-a", "fuel", d)).run(MonteCarlo.of(m).scenarios(1000).seed(3).period("P90D"));
    assertEquals(local.toString() + System.lineSeparator(), r.out());
    JsonNode written = new ObjectMapper().readTree(json.toFile());
    assertEquals(new ObjectMapper().readTree(ResultsJson.ensembleSweep(local)), written);
    assertEquals(List.of("PT0S", "P1D", "P3D"), // as Durations.format writes them
        List.of(written.get("rows").get(0).get("value").asText(), written.get("rows").get(1).get("value").asText(),
            written.get("rows").get(2).get("value").asText()));
    Run recovery = ensembles(model().toString(), "--scenarios", "300", "--sweep", "recovery:fuel=PT1H,PT8H");
    assertEquals(0, recovery.status(), recovery.err());
    assertTrue(recovery.out().startsWith("Sweep of recovery of fuel, a Monte Carlo ensemble per value"), recovery.out());
  }

  @Test
  void badOptionsAreAllReportedAndNothingRuns() throws Exception {
    String m = model().toString();
    Run r = ensembles(m, "--scenarios", "0", "--seed", "x", "--period", "4 hours", "--precision", "0.7");
    assertEquals(2, r.status());
    assertEquals(List.of(
        "kuja: --scenarios: must be at least 1, not 0",
        "kuja: --seed: 'x' is not a whole number",
        "kuja: --period: '4 hours' is not an ISO-8601 duration (examples: PT15M, PT4H, P2D)",
        "kuja: --precision: the target half-width must be in (0, 0.5), not 0.7"), r.err().lines().toList());
    assertEquals("", r.out());
  }

  @Test
  void aBadSweepSaysWhatIsWrongWithIt() throws Exception {
    String m = model().toString();
    assertEquals("kuja: --sweep 'fuel=PT1H': write it as " + SweepOption.SYNTAX,
        ensembles(m, "--sweep", "fuel=PT1H").err().strip());
    assertEquals("kuja: --sweep 'stock:fuel=PT1H': 'stock' is not a parameter to sweep; write " + SweepOption.SYNTAX,
        ensembles(m, "--sweep", "stock:fuel=PT1H").err().strip());
    assertEquals("kuja: --sweep 'tolerance:gen-a=PT1H': tolerance names a node and one of its alternatives:"
        + " tolerance:NODE,ALTERNATIVE=D1,D2,…", ensembles(m, "--sweep", "tolerance:gen-a=PT1H").err().strip());
    assertEquals("kuja: --sweep 'recovery:fuel=PT1H,1h': '1h' is not an ISO-8601 duration (examples: PT15M, PT4H, P2D)",
        ensembles(m, "--sweep", "recovery:fuel=PT1H,1h").err().strip());
    assertEquals("kuja: --sweep 'recovery:fuel=-PT1H': '-PT1H' is negative",
        ensembles(m, "--sweep", "recovery:fuel=-PT1H").err().strip());
    Run unknown = ensembles(m, "--sweep", "recovery:fule=PT1H");
    assertEquals(2, unknown.status());
    assertEquals("kuja: --sweep 'recovery:fule=PT1H': node 'fule': cannot edit 'fule': no such node; did you mean 'fuel'?",
        unknown.err().strip());
    Run wrong = ensembles(m, "--sweep", "tolerance:care,fuel=PT1H");
    assertTrue(wrong.err().startsWith("kuja: --sweep 'tolerance:care,fuel=PT1H': no requirement of 'care' names 'fuel'"),
        wrong.err());
  }

  @Test
  void inputsAndOutputsAreCheckedBeforeSparkStarts() throws Exception {
    Path m = model();
    Run over = ensembles(m.toString(), "--json", m.toString());
    assertEquals(2, over.status());
    assertTrue(over.err().contains("--json would write over the input"), over.err());
    Run missing = ensembles(dir.resolve("nothing.yaml").toString());
    assertEquals(2, missing.status());
    assertEquals(dir.resolve("nothing.yaml") + ": no such file", missing.err().strip());
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, MODEL.replace("any: [gen-a, gen-b]", "any: [gen-a, gen-c]"));
    Run invalid = ensembles(broken.toString());
    assertEquals(2, invalid.status());
    assertTrue(invalid.err().startsWith(broken + ":"), invalid.err());
    assertTrue(invalid.err().contains("'gen-c', which is not a node"), invalid.err());
    Run usage = ensembles();
    assertEquals(2, usage.status());
    assertTrue(usage.err().startsWith("kuja: Missing required parameter: 'MODEL'"), usage.err());
    assertFalse(Files.exists(dir.resolve("out.json")));
  }

  /** {@code kuja montecarlo … --spark MASTER}: the cli finds kuja-spark and Spark on the class path. */
  @Test
  void theCommandLinesSparkOptionPrintsWhatItPrintsLocally() throws Exception {
    String m = model().toString();
    StringWriter local = new StringWriter();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, dev.kuja.cli.Kuja.run(new String[] {"montecarlo", m, "--scenarios", "1500", "--seed", "4", "--json"},
        new PrintWriter(local, true), new PrintWriter(new StringWriter(), true)));
    int status = dev.kuja.cli.Kuja.run(new String[] {"montecarlo", m, "--scenarios", "1500", "--seed", "4", "--json",
        "--spark", "local[2]"}, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, status, err.toString());
    assertEquals(local.toString(), out.toString());
    StringWriter bad = new StringWriter();
    assertEquals(2, dev.kuja.cli.Kuja.run(new String[] {"montecarlo", m, "--spark", "nowhere:1"},
        new PrintWriter(new StringWriter(), true), new PrintWriter(bad, true)));
    assertTrue(bad.toString().startsWith("kuja: 'nowhere:1' is not a Spark master URL"), bad.toString());
  }

  @Test
  void withoutAMasterTheMessageSaysHowToGiveOne() throws Exception {
    StringWriter err = new StringWriter();
    int status = Ensembles.run(new String[] {model().toString(), "--scenarios", "10"}, new SparkConf(false),
        new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    assertEquals(2, status);
    assertTrue(err.toString().startsWith("kuja: no Spark master: run through spark-submit --master"), err.toString());
  }
}
