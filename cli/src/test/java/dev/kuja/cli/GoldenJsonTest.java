package dev.kuja.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files of everything the {@code kuja} command prints for machines: the output of every
 * command that takes {@code --json}, the model document as {@code export --to json} and
 * {@code --to yaml} write it, and the YAML that {@code import} makes of the bundled BIA tables.
 * They pin the output byte for byte (after line endings are normalised), so a refactoring that
 * changes no behaviour must leave this test green.
 *
 * <p>Each case runs the command in-process, as {@link KujaTest} does, from this module's
 * directory (Surefire's working directory), with the inputs named relative to it
 * ({@code ../examples/models/county.yaml}); the only path any output echoes is that of the
 * invalid document in the locations of {@code validate --json}, and it is relative too. None of
 * the outputs holds anything variable (no times, no absolute paths, no hash-ordered maps were
 * found), so nothing is normalised except line endings. Monte Carlo runs are small and seeded.
 *
 * <p>Each golden file is checked twice: as a tree (Jackson {@link JsonNode} equality, YAML for
 * the .yaml files, so a difference of content is reported as such) and as text (so the order of
 * keys and the formatting are pinned too).
 *
 * <p><b>Regenerating.</b> With the system property {@code kuja.golden.update=true} the test writes
 * the golden files under {@code src/test/resources/golden/} instead of comparing them:
 *
 * <pre>
 * mvn -B -q -pl cli -am verify -Dsurefire.failIfNoSpecifiedTests=false -Dtest=GoldenJsonTest -Dkuja.golden.update=true
 * </pre>
 *
 * Do that only when the output is meant to change, and review {@code git diff} of the golden
 * files before committing them. On a mismatch the actual output is written to
 * {@code target/golden-actual/} to diff against the golden file.
 */
class GoldenJsonTest {

  private static final boolean UPDATE = Boolean.getBoolean("kuja.golden.update");

  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final Path ACTUAL = Path.of("target", "golden-actual");

  private static final String COUNTY = Path.of("..", "examples", "models", "county.yaml").toString();
  private static final String INVALID = GOLDEN.resolve("inputs").resolve("invalid.yaml").toString();
  private static final Path BIA = Path.of("..", "examples", "bia");

  private static String scenario(String name) {
    return Path.of("..", "examples", "models", name + ".yaml").toString();
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Golden files written by this run in update mode; a later case naming one compares with it. */
  private static final Set<String> WRITTEN = new HashSet<>();

  /** One invocation: the golden file its stdout must equal, its exit status and its arguments. */
  static Stream<Arguments> cases() {
    List<Arguments> c = new ArrayList<>();
    String storm = scenario("storm");
    String fuel = scenario("fuel");
    String ransomware = scenario("ransomware");
    String strike = scenario("strike");

    c.add(run("validate-county.json", 0, "validate", COUNTY, "--json"));
    c.add(run("validate-invalid.json", 2, "validate", INVALID, "--json"));

    c.add(run("impact-county-grid.json", 0, "impact", COUNTY, "--fail", "grid", "--json"));
    c.add(run("impact-county-dc-1-dc-2.json", 0, "impact", COUNTY, "--fail", "dc-1,dc-2", "--json"));
    c.add(run("impact-county-dc-1-dc-2-horizon-PT1H.json", 0,
        "impact", COUNTY, "--fail", "dc-1,dc-2", "--horizon", "PT1H", "--json"));

    c.add(run("spof-county.json", 0, "spof", COUNTY, "--json"));
    // --fail-on-spof changes only the exit status, not what is printed
    c.add(run("spof-county.json", 1, "spof", COUNTY, "--json", "--fail-on-spof"));
    c.add(run("spof-county-emergency-care.json", 0, "spof", COUNTY, "--function", "emergency-care", "--json"));
    c.add(run("spof-county-home-care-horizon-PT1H.json", 0,
        "spof", COUNTY, "--function", "home-care", "--horizon", "PT1H", "--json"));
    c.add(run("spof-county-horizon-PT24H.json", 0, "spof", COUNTY, "--horizon", "PT24H", "--json"));

    c.add(run("cutsets-county-emergency-care.json", 0,
        "cutsets", COUNTY, "--function", "emergency-care", "--json"));
    c.add(run("cutsets-county-home-care-order-3.json", 0,
        "cutsets", COUNTY, "--function", "home-care", "--order", "3", "--json"));

    c.add(run("rank-county.json", 0, "rank", COUNTY, "--json"));

    c.add(run("simulate-county-storm.json", 0, "simulate", COUNTY, storm, "--json"));
    // --fail-on-breach changes only the exit status (the storm breaches MTPDs)
    c.add(run("simulate-county-storm.json", 1, "simulate", COUNTY, storm, "--json", "--fail-on-breach"));
    c.add(run("simulate-county-fuel.json", 0, "simulate", COUNTY, fuel, "--json"));
    c.add(run("simulate-county-ransomware.json", 0, "simulate", COUNTY, ransomware, "--json"));
    c.add(run("simulate-county-strike.json", 0, "simulate", COUNTY, strike, "--json"));

    // 600 scenarios: three blocks of MonteCarlo.BLOCK (256), the last one partial
    c.add(run("montecarlo-county-seed-2026.json", 0,
        "montecarlo", COUNTY, "--scenarios", "600", "--seed", "2026", "--threads", "2", "--json"));
    // the same seed on one thread must print the very same file
    c.add(run("montecarlo-county-seed-2026.json", 0,
        "montecarlo", COUNTY, "--scenarios", "600", "--seed", "2026", "--threads", "1", "--json"));
    c.add(run("montecarlo-county-importance-emergency-care.json", 0,
        "montecarlo", COUNTY, "--importance", "emergency-care", "--seed", "2026", "--json"));

    // the risk matrix: four threats and all causes, 600 scenario-years each; thread-independent
    c.add(run("risk-county-seed-2026.json", 0,
        "risk", COUNTY, "--scenarios", "600", "--seed", "2026", "--threads", "2", "--json"));
    c.add(run("risk-county-seed-2026.json", 0,
        "risk", COUNTY, "--scenarios", "600", "--seed", "2026", "--threads", "1", "--json"));
    c.add(run("objectives-county.json", 0, "objectives", COUNTY, "--json"));
    c.add(run("simulate-county-threat-ransomware.json", 0, "simulate", COUNTY, "--threat", "ransomware", "--json"));

    c.add(run("report-county.json", 0, "report", COUNTY, "--json"));
    c.add(run("report-county-storm.json", 0, "report", COUNTY, storm, "--json"));
    c.add(run("report-county-all-scenarios.json", 0,
        "report", COUNTY, storm, fuel, ransomware, strike, "--json"));

    // the example region, composed from its organisations' documents: the coordination report
    // names each node's document; and the power company's public view
    String region = Path.of("..", "examples", "region", "region.yaml").toString();
    c.add(run("report-region.json", 0, "report", region, "--json"));
    c.add(run("export-region-power-co-public.yaml", 0, "export", region, "--public", "--organisation", "power-co"));

    c.add(run("export-county.json", 0, "export", COUNTY, "--to", "json"));
    c.add(run("export-county.yaml", 0, "export", COUNTY, "--to", "yaml"));

    // import has no --json; its YAML on stdout is the other document the CLI makes from input
    c.add(run("import-bia.yaml", 0, "import",
        "--nodes", BIA.resolve("nodes.csv").toString(), "--requirements", BIA.resolve("requirements.csv").toString()));
    c.add(run("import-bia-impacts-threats.yaml", 0, "import",
        "--nodes", BIA.resolve("nodes.csv").toString(), "--requirements", BIA.resolve("requirements.csv").toString(),
        "--impacts", BIA.resolve("impacts.csv").toString(), "--threats", BIA.resolve("threats.csv").toString()));
    // the sector view: the hand-worked static example of docs/iim.md, and the illustrative table over time
    Path iim = Path.of("..", "examples", "iim");
    c.add(run("iim-two-sectors.json", 0, "iim", iim.resolve("two-sectors.csv").toString(),
        "--perturbation", "power=0.3", "--json"));
    c.add(run("iim-example-dynamic.json", 0, "iim", iim.resolve("transactions.csv").toString(), "--transactions",
        "--output-totals", iim.resolve("totals.csv").toString(), "--perturbation", "energy=0.25,transport=0.15",
        "--perturbation-until", "P7D", "--recovery", "energy=P10D,water=P5D,transport=P14D,ict=P7D,health=P21D,food=P10D",
        "--horizon", "P30D", "--step", "P1D", "--json"));
    return c.stream();
  }

  private static Arguments run(String golden, int status, String... args) {
    return Arguments.of(golden, status, List.of(args));
  }

  @ParameterizedTest(name = "{0} <- kuja {2}")
  @MethodSource("cases")
  void outputEqualsTheGoldenFile(String golden, int status, List<String> args) throws IOException {
    KujaTest.Run r = KujaTest.kuja(args.toArray(String[]::new));
    assertEquals(status, r.status(), () -> "exit status of kuja " + args + "; stderr:\n" + r.err());
    String actual = lines(r.out());
    assertTrue(!actual.isBlank(), () -> "kuja " + args + " printed nothing; stderr:\n" + r.err());

    Path file = GOLDEN.resolve(golden);
    if (UPDATE && WRITTEN.add(golden)) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(file)) {
      fail("no golden file " + file + "; generate it with -Dkuja.golden.update=true and review it");
    }
    String expected = lines(Files.readString(file, StandardCharsets.UTF_8));
    ObjectMapper mapper = golden.endsWith(".yaml") ? YAML : JSON;

    JsonNode expectedTree = parse(mapper, expected, file.toString());
    JsonNode actualTree = parse(mapper, actual, "the output of kuja " + args);
    if (!expectedTree.equals(actualTree) || !expected.equals(actual)) {
      Files.createDirectories(ACTUAL);
      Files.writeString(ACTUAL.resolve(golden), actual, StandardCharsets.UTF_8);
    }
    String hint = "kuja " + args + " differs from " + file + " (actual output in " + ACTUAL.resolve(golden)
        + "; if the change is intended, regenerate with -Dkuja.golden.update=true and review the diff)";
    assertEquals(expectedTree, actualTree, () -> "content: " + hint);
    if (!expected.equals(actual)) {
      fail("text (key order or formatting): " + hint + "\n" + firstDifference(expected, actual));
    }
  }

  /** Line endings normalised to \n: the only normalisation of the outputs. */
  private static String lines(String text) {
    return text.replace("\r\n", "\n");
  }

  private static JsonNode parse(ObjectMapper mapper, String text, String what) {
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError(what + " does not parse: " + e.getOriginalMessage(), e);
    }
  }

  private static String firstDifference(String expected, String actual) {
    List<String> e = expected.lines().toList();
    List<String> a = actual.lines().toList();
    int i = 0;
    while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) {
      i++;
    }
    return "first difference at line " + (i + 1) + ":\n  expected: "
        + (i < e.size() ? e.get(i) : "(end of file)") + "\n  actual:   " + (i < a.size() ? a.get(i) : "(end of file)");
  }
}
