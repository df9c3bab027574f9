package dev.kuja.io.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.io.DocumentException;
import dev.kuja.io.Format;
import dev.kuja.io.hostile.Hostile;
import dev.kuja.model.Model;
import dev.kuja.model.Problem;
import dev.kuja.simulation.Scenario;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Documents are read strictly (issue 16, causes 1 and 2): nothing after the document, only
 * UTF-8, no control characters, each refused at its line and column; a byte-order mark is
 * accepted. The properties take any valid document, in either syntax, with names from all of
 * Unicode, and spoil it at any place.
 */
class StrictDocumentsTest {

  private static List<Problem> problems(Runnable read) {
    return assertThrows(DocumentException.class, read::run).problems();
  }

  private static String at(Problem p) {
    return p.location().map(l -> l.line() + ":" + l.column()).orElse("-");
  }

  // ------------------------------------------------------------------ cause 1: one document

  @Provide
  Arbitrary<String> trailers() {
    return Arbitraries.of("garbage{", "{}", "[1]", "x", "1", "\"s\"", "null", "kuja: 1", "- a", "{\"kuja\": 1}");
  }

  @Property(tries = 200)
  void whateverFollowsAModelDocumentIsRefusedWhereItBegins(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int size, @ForAll("trailers") String trailer,
      @ForAll @IntRange(min = 0, max = 2) int form) {
    Model m = Hostile.model(new Random(seed), size);
    for (Format f : Format.values()) {
      String doc = ModelDocuments.write(m, f);
      String glue = f == Format.JSON ? "\n" : switch (form) {
        case 0 -> "---\n";
        case 1 -> "...\n";
        default -> "...\n---\n";
      };
      String text = doc + (doc.endsWith("\n") ? "" : "\n") + glue + trailer + "\n";
      int trailerLine = Hostile.place(text.substring(0, text.length() - trailer.length() - 1))[0];
      List<Problem> p = problems(() -> ModelDocuments.read(text, "m." + f.name().toLowerCase(), f));
      assertEquals(1, p.size(), p.toString());
      assertTrue(p.get(0).message().contains("after the end of the document")
          || p.get(0).message().contains("a second YAML document"), p.get(0).toString());
      // where the extra text is (JSON: Jackson stops inside the token it could not read)
      assertEquals(trailerLine, p.get(0).location().orElseThrow().line(), text);
    }
  }

  @Test
  void scenarioDocumentsAreOneDocumentToo() {
    String scenario = "kuja-scenario: 1\nname: s\nhorizon: P1D\ndisruptions: []\n";
    List<Problem> p = problems(() -> ScenarioDocuments.read(scenario + "---\nkuja-scenario: 1\n", "s.yaml",
        Format.YAML, Optional.empty()));
    assertEquals(List.of("s.yaml:6:1: a second YAML document begins here; a file holds one document"),
        p.stream().map(Problem::toString).toList());
    p = problems(() -> ScenarioDocuments.read(scenario + "...\ngarbage\n", "s.yaml", Format.YAML,
        Optional.empty()));
    assertEquals("s.yaml:6:1: more text after the end of the document; a file holds one document",
        p.get(0).toString());
    p = problems(() -> ScenarioDocuments.read("{\"kuja-scenario\": 1, \"name\": \"s\", \"horizon\": \"P1D\","
        + " \"disruptions\": []} {}", "s.json", Format.JSON, Optional.empty()));
    assertEquals("s.json:1:72: more text after the end of the document; a file holds one JSON value",
        p.get(0).toString());
    // a comment after the end is no content
    assertEquals("s", ScenarioDocuments.read(scenario + "# the end\n", "s.yaml", Format.YAML,
        Optional.empty()).name());
  }

  // ------------------------------------------------------------------ cause 2: strict text

  @Provide
  Arbitrary<byte[]> badUtf8() {
    return Arbitraries.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xfe, (byte) 0xff},
        new byte[] {(byte) 0xc3, (byte) 0x28}, new byte[] {(byte) 0x80},
        new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
        new byte[] {(byte) 0xc0, (byte) 0xaf}, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0x28});
  }

  @Property(tries = 200)
  void aByteThatIsNotUtf8IsRefusedWhereItStands(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int size, @ForAll("badUtf8") byte[] bad,
      @ForAll @IntRange(min = 0, max = 1_000_000) int where) throws Exception {
    Model m = Hostile.model(new Random(seed), size);
    Path dir = Files.createTempDirectory("kuja-strict");
    try {
      for (Format f : Format.values()) {
        String doc = ModelDocuments.write(m, f);
        int cut = doc.offsetByCodePoints(0, where % doc.codePointCount(0, doc.length()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(doc.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(bad);
        bytes.writeBytes(doc.substring(cut).getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("m." + f.name().toLowerCase()), bytes.toByteArray());
        List<Problem> p = problems(() -> ModelDocuments.read(file));
        int[] place = Hostile.place(doc.substring(0, cut));
        assertEquals(1, p.size(), p.toString());
        assertEquals(place[0] + ":" + place[1], at(p.get(0)), p.toString());
        assertTrue(p.get(0).message().startsWith("not valid UTF-8: the byte 0x"), p.toString());
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(dir);
    }
  }

  @Provide
  Arbitrary<Character> controls() {
    return Arbitraries.chars().filter(c -> Character.getType(c) == Character.CONTROL
        && c != '\t' && c != '\n' && c != '\r').injectDuplicates(0.1);
  }

  @Property(tries = 200)
  void aControlCharacterIsRefusedWhereItStands(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int size, @ForAll("controls") char control,
      @ForAll @IntRange(min = 0, max = 1_000_000) int where) {
    Model m = Hostile.model(new Random(seed), size);
    for (Format f : Format.values()) {
      String doc = ModelDocuments.write(m, f);
      int cut = doc.offsetByCodePoints(0, where % doc.codePointCount(0, doc.length()));
      String text = doc.substring(0, cut) + control + doc.substring(cut);
      List<Problem> p = problems(() -> ModelDocuments.read(text, "m", f));
      int[] place = Hostile.place(doc.substring(0, cut));
      assertEquals(1, p.size(), p.toString());
      assertEquals(place[0] + ":" + place[1], at(p.get(0)), p.toString());
      assertEquals(String.format("the control character U+%04X cannot appear in a document; remove it",
          (int) control), p.get(0).message());
    }
  }

  @Property(tries = 100)
  void aByteOrderMarkAtTheStartIsDropped(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int size)
      throws Exception {
    Model m = Hostile.model(new Random(seed), size);
    for (Format f : Format.values()) {
      String doc = ModelDocuments.write(m, f);
      assertEquals(m, ModelDocuments.read("\uFEFF" + doc, "m", f));
    }
  }

  @Test
  void nulTabsAndBadBytesInPlainFiles(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path nul = Files.write(dir.resolve("nul.yaml"),
        "kuja: 1\nnodes:\n  - id: a\n    kind: resource\n\n    name: b\u0000c\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(nul + ":6:12: the control character U+0000 cannot appear in a document; remove it"),
        problems(() -> ModelDocuments.read(nul)).stream().map(Problem::toString).toList());
    Path tab = Files.writeString(dir.resolve("tab.yaml"), "kuja: 1\nnodes:\n  - id: a\n\tkind: resource\n");
    assertEquals(List.of(tab + ":4:1: tab characters cannot indent YAML; use spaces"),
        problems(() -> ModelDocuments.read(tab)).stream().map(Problem::toString).toList());
    byte[] name = {'x', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28};
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("kuja: 1\nnodes:\n  - { id: a, kind: resource, name: \"".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(name);
    bytes.writeBytes("\" }\n".getBytes(StandardCharsets.UTF_8));
    Path utf = Files.write(dir.resolve("utf.yaml"), bytes.toByteArray());
    assertEquals(List.of(utf + ":3:38: not valid UTF-8: the byte 0xFF cannot be read as text; save the file"
        + " with the encoding UTF-8"), problems(() -> ModelDocuments.read(utf)).stream().map(Problem::toString).toList());
    Path scenario = Files.write(dir.resolve("s.yaml"), new byte[] {'k', (byte) 0xc0, '\n'});
    assertEquals("1:2", at(problems(() -> ScenarioDocuments.read(scenario)).get(0)));
  }

  // ------------------------------------------------------------------ numbers, repairs, requirements

  private static List<String> modelProblems(String yaml) {
    return problems(() -> ModelDocuments.read(yaml, "m.yaml", Format.YAML)).stream()
        .map(Problem::toString).toList();
  }

  @Test
  void numbersMustBeFinite() {
    assertEquals(List.of(
        "m.yaml:3:51: rate of reliability of node 'a' must be a finite number, not .nan",
        "m.yaml:4:58: probability of reliability of node 'b' must be a finite number, not -.inf",
        "m.yaml:5:51: rate of reliability of node 'c' must be a finite number, not 1e999"),
        modelProblems("""
            kuja: 1
            nodes:
              - { id: a, kind: resource, reliability: { rate: .nan } }
              - { id: b, kind: resource, reliability: { probability: -.inf } }
              - { id: c, kind: resource, reliability: { rate: 1e999 } }
            """));
  }

  @Test
  void aParameterOfAnotherRepairDistributionIsRefused() {
    assertEquals(List.of(
        "m.yaml:3:85: 'mean' is not a parameter of a fixed repair time of node 'a' (it takes duration)",
        "m.yaml:4:98: 'sigma' is not a parameter of a uniform repair time of node 'b' (it takes min and max)"),
        modelProblems("""
            kuja: 1
            nodes:
              - { id: a, kind: resource, reliability: { rate: 1, repair: { distribution: fixed, mean: PT1H, duration: PT2H } } }
              - { id: b, kind: resource, reliability: { rate: 1, repair: { distribution: uniform, min: PT1H, sigma: 1, max: PT2H } } }
            """));
  }

  @Test
  void oneMistakeInARequirementHidesNoOther() {
    // a misspelt key, a bad tolerance and k with all: each is reported, and so are the
    // unknown alternative, the k out of range and the repeat in the same requirements
    assertEquals(List.of(
        "m.yaml:5:7: unknown key 'tolerence' in requirement 1 of node 'f'; did you mean 'tolerance'?",
        "m.yaml:5:30: node 'f', requirement 1 (alternatives): names 'grdi', which is not a node; did you mean 'grid'?",
        "m.yaml:6:29: node 'f', requirement 2 (k): k = 5 is outside 1..2 (the number of alternatives)",
        "m.yaml:6:43: tolerance of requirement 2 of node 'f': 'soon' is not an ISO-8601 duration (examples: PT15M, PT4H, P2D)",
        "m.yaml:7:19: node 'f', requirement 3 (alternatives): names 'grid' more than once",
        "m.yaml:7:29: requirement 3 of node 'f' gives k: with all:; k: goes with of:"),
        modelProblems("""
            kuja: 1
            nodes:
              - { id: grid, kind: resource }
              - { id: f, kind: resource, requires: [
                { tolerence: PT1H, any: [grdi] },
                { of: [grid, grid2], k: 5, tolerance: soon },
                { all: [grid, grid], k: 1 } ] }
              - { id: grid2, kind: resource }
            """));
  }

  // ------------------------------------------------------------------ scenario times

  @Test
  void scenarioTimesAreCheckedWhereTheyStand() {
    Model m = ModelDocuments.read("kuja: 1\nnodes: [{ id: grid, kind: resource }]\n", "m.yaml", Format.YAML);
    List<String> p = problems(() -> ScenarioDocuments.read("""
        kuja-scenario: 1
        name: s
        horizon: P1D
        disruptions:
          - { node: grid, start: PT0.0001S }
          - { node: grid, start: PT1H, duration: PT0.0000001S }
          - { node: grid, start: P1D }
          - { node: grid, start: P2D, duration: PT1H }
        """, "s.yaml", Format.YAML, Optional.of(m))).stream().map(Problem::toString).toList();
    assertEquals(List.of(
        "s.yaml:5:26: start of disruption 1 is finer than a millisecond (PT0.0001S); Kuja keeps times to the millisecond",
        "s.yaml:6:42: duration of disruption 2 is finer than a millisecond (PT0.0000001S); Kuja keeps times to the millisecond",
        "s.yaml:7:26: disruption 3 starts at P1D, not before the horizon P1D, so it would change nothing; start it earlier or lengthen the horizon",
        "s.yaml:8:26: disruption 4 starts at P2D, not before the horizon P1D, so it would change nothing; start it earlier or lengthen the horizon"),
        p);
    assertEquals(List.of("s.yaml:3:10: horizon is longer than Kuja supports (at most P36500000D)"),
        problems(() -> ScenarioDocuments.read("kuja-scenario: 1\nname: s\nhorizon: P999999999999D\n"
            + "disruptions: []\n", "s.yaml", Format.YAML, Optional.of(m))).stream().map(Problem::toString).toList());
    // the same rules hold for scenarios built in Java
    assertThrows(dev.kuja.simulation.ScenarioValidationException.class,
        () -> Scenario.builder("s").horizon("P1D").disrupt("grid", "P2D").build());
    assertThrows(dev.kuja.simulation.ScenarioValidationException.class,
        () -> Scenario.builder("s").horizon("P999999999999D").build());
  }
}
