package dev.kuja.io.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.kuja.io.DocumentException;
import dev.kuja.io.Format;
import dev.kuja.io.ReadOptions;
import dev.kuja.model.Model;
import dev.kuja.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad document gets a clear error naming file, line, column and the problem. */
class BadInputTest {

  private static List<String> problems(String yaml) {
    DocumentException e = assertThrows(DocumentException.class,
        () -> ModelDocuments.read(yaml, "county.yaml", Format.YAML));
    return e.problems().stream().map(Problem::toString).toList();
  }

  private static final String HEAD = """
      kuja: 1
      organisations:
        - { id: county, name: County }
      nodes:
        - { id: grid, kind: resource }
      """;

  @Test
  void anUnknownAlternativeIsPointedAtWithASuggestion() {
    List<String> p = problems(HEAD + """
          - id: emergency-care
            kind: function
            criticality: vital
            requires:
              - any: [generator, grdi]
          - { id: generator, kind: resource }
        """);
    assertEquals(List.of("county.yaml:10:26: node 'emergency-care', requirement 1 (alternatives): "
        + "names 'grdi', which is not a node; did you mean 'grid'?"), p);
  }

  @Test
  void unknownKeysAreErrorsWithAHint() {
    List<String> p = problems(HEAD + """
          - { id: f, kind: function, criticality: vital, mdtp: PT4H }
        """);
    assertEquals(List.of("county.yaml:6:50: unknown key 'mdtp' in node 'f'; did you mean 'mtpd'?"), p);
    assertTrue(problems("kuja: 1\nnodez: []\n").get(0)
        .equals("county.yaml:2:1: unknown key 'nodez' at the top of the model; did you mean 'nodes'?"));
  }

  @Test
  void duplicateKeysAreErrors() {
    List<String> p = problems(HEAD + """
          - id: f
            kind: function
            criticality: vital
            criticality: critical
        """);
    assertEquals(List.of("county.yaml:9:5: the key 'criticality' appears twice in this map"), p);
  }

  @Test
  void wrongTypesAndBadValues() {
    List<String> p = problems(HEAD + """
          - id: f
            kind: function
            criticality: deadly
            mtpd: 4 hours
            tags: { a: b }
            requires:
              - { of: [grid], k: two }
          - { id: x, kind: gadget }
        """);
    assertEquals(List.of(
        "county.yaml:8:18: criticality of node 'f' must be vital, critical, important or supporting, not 'deadly'",
        "county.yaml:9:11: mtpd of node 'f': '4 hours' is not an ISO-8601 duration (examples: PT15M, PT4H, P2D)",
        "county.yaml:10:11: tags of node 'f' must be a list, not a map",
        "county.yaml:12:26: k of requirement 1 of node 'f' must be a whole number, not the text 'two'",
        "county.yaml:13:20: kind of node 'x' must be function, resource or supplier, not 'gadget'"), p);
  }

  @Test
  void missingRequiredFields() {
    List<String> p = problems("""
        kuja: 1
        organisations:
          - { name: No id }
        nodes:
          - { kind: resource }
          - { id: y }
          - id: f
            kind: function
            requires:
              - { of: [y] }
        """);
    assertEquals(List.of(
        "county.yaml:3:5: an organisation needs 'id'",
        "county.yaml:5:5: a node needs 'id'",
        "county.yaml:6:5: node 'y' needs 'kind'",
        "county.yaml:7:5: node 'f' (criticality): a function needs a criticality (vital, critical, important, supporting)",
        "county.yaml:10:9: requirement 1 of node 'f' uses of: and needs k: (how many must operate)"), p);
  }

  @Test
  void everyProblemIsReportedAtOnceInDocumentOrder() {
    List<String> p = problems("""
        kuja: 1
        nodes:
          - { id: a, kind: resource, owner: nobody }
          - { id: a, kind: resource }
          - { id: b, kind: resource, recovery: -PT1H, requires: [{ any: [a, a] }] }
          - { id: c, kind: resource, requires: [{ of: [a, b], k: 3, tolerance: PT1H }] }
        """);
    assertEquals(List.of(
        "county.yaml:3:37: node 'a' (owner): owner 'nobody' is not an organisation of the model",
        "county.yaml:4:11: node 'a' (id): node id 'a' is used more than once",
        "county.yaml:5:40: recovery of node 'b' must not be negative (-PT1H)",
        "county.yaml:5:69: node 'b', requirement 1 (alternatives): names 'a' more than once",
        "county.yaml:6:58: node 'c', requirement 1 (k): k = 3 is outside 1..2 (the number of alternatives)"), p);
  }

  @Test
  void threatsAndImpactThresholdsAreCheckedWhereTheyStand() {
    List<String> p = problems("""
        kuja: 1
        organisations:
          - { id: power-co, name: Power company }
        nodes:
          - { id: grid, kind: resource, owner: power-co, rto: PT8H, tags: [overhead] }
          - id: care
            kind: function
            criticality: vital
            requires: [grid]
            impacts:
              - { after: PT1H, category: health, level: serious }
              - { after: PT4H, category: health, level: moderate }
              - { after: 4 hours, category: health, level: severe }
              - { after: PT2H, category: finance, level: awful }
              - { after: PT2H, category: finance, level: minor, colour: red }
          - { id: fuel, kind: supplier, impacts: [{ after: PT1H, category: health, level: minor }] }
        threats:
          - id: storm
            rate: 0.3
            duration: { distribution: lognormal, median: PT20H }
            targets:
              - { tag: overhead }
              - { node: gird }
              - { organisation: power-c }
              - { node: grid, tag: overhead }
          - { id: strike, probability: 1.2, duration: P2D, targets: [{ organisation: power-co }] }
          - { id: quiet, targets: [] }
          - { id: storm, rate: 1, targets: [{ tag: underground }] }
        """);
    assertEquals(List.of(
        "county.yaml:12:49: node 'care', impact 2 (level): category 'health' is moderate after PT4H but "
            + "already serious after PT1H (impact 1); levels of a category must rise with time",
        "county.yaml:13:18: after of impact 3 of node 'care': '4 hours' is not an ISO-8601 duration "
            + "(examples: PT15M, PT4H, P2D)",
        "county.yaml:14:50: level of impact 4 of node 'care' must be minor, moderate, serious, severe or "
            + "catastrophic, not 'awful'",
        "county.yaml:15:57: unknown key 'colour' in impact 5 of node 'care' (known keys: after, category, level, note)",
        "county.yaml:16:42: node 'fuel' (impacts): only functions have impacts; this node is a supplier",
        "county.yaml:20:15: duration of threat 'storm' needs 'sigma' for a lognormal distribution",
        "county.yaml:23:17: threat 'storm', target 2: names node 'gird', which is not a node; did you mean 'grid'?",
        "county.yaml:24:25: threat 'storm', target 3: names organisation 'power-c', which is not an "
            + "organisation of the model; did you mean 'power-co'?",
        "county.yaml:25:9: target 4 of threat 'storm' needs exactly one of node:, organisation: or tag:, "
            + "not node and tag",
        "county.yaml:26:32: threat 'strike' (probability): probability 1.2 is not between 0 and 1",
        "county.yaml:27:5: threat 'quiet' (rate): a threat needs a rate per year or a probability per period",
        "county.yaml:27:27: threat 'quiet' (targets): the threat disrupts nothing: give it targets "
            + "(nodes, organisations or tags)",
        "county.yaml:28:11: threat 'storm' (id): threat id 'storm' is used more than once"), p);
  }

  @Test
  void aDocumentWithThreatsAndImpactsReadsAsTheModelItDescribes() {
    Model m = ModelDocuments.read("""
        kuja: 1
        nodes:
          - { id: grid, kind: resource, rto: PT8H, tags: [overhead] }
          - id: care
            kind: function
            criticality: vital
            rto: PT1H
            requires: [grid]
            impacts:
              - { after: PT1H, category: health, level: serious }
              - { after: P1D, category: finance, level: moderate, note: overtime and outsourcing }
        threats:
          - id: storm
            name: Winter storm
            rate: 0.3
            duration: { distribution: lognormal, median: PT20H, sigma: 0.7 }
            targets: [{ tag: overhead }, { node: care }]
          - { id: strike, probability: 0.02, duration: P2D, targets: [{ node: grid }] }
        """, "county.yaml", Format.YAML);
    assertEquals(Optional.of(Duration.ofHours(8)), m.requireNode("grid").rto());
    assertEquals(List.of(
            dev.kuja.model.ImpactThreshold.of(Duration.ofHours(1), "health", dev.kuja.model.ImpactLevel.SERIOUS),
            dev.kuja.model.ImpactThreshold.of(Duration.ofDays(1), "finance", dev.kuja.model.ImpactLevel.MODERATE)
                .withNote("overtime and outsourcing")),
        m.requireNode("care").impacts());
    assertEquals(List.of(
        dev.kuja.model.Threat.builder("storm").name("Winter storm").ratePerYear(0.3)
            .duration(new dev.kuja.model.RepairTime.LogNormal(Duration.ofHours(20), 0.7))
            .tag("overhead").nodes("care").build(),
        dev.kuja.model.Threat.builder("strike").probability(0.02).duration("P2D").nodes("grid").build()),
        m.threats());
  }

  @Test
  void versionsAndShapes() {
    assertEquals(List.of("county.yaml:1:1: a model document needs 'kuja: 1' (the format version)"),
        problems("nodes: []\n"));
    assertEquals(List.of("county.yaml:1:7: this reader knows format version 1 of model documents, not the number 2"),
        problems("kuja: 2\nnodes: []\n"));
    assertEquals(List.of("county.yaml:1:1: a model document is a map with the keys kuja, name, organisations, nodes and threats"),
        problems("- just\n- a list\n"));
    assertEquals(List.of("county.yaml:1:1: this is a scenario document, not a model (it starts with kuja-scenario)"),
        problems("kuja-scenario: 1\n"));
  }

  @Test
  void syntaxErrorsNameTheirPlace() {
    List<String> p = problems("kuja: 1\nnodes:\n  - { id: a, kind: resource\n  - b\n");
    assertEquals(1, p.size());
    // where SnakeYAML found the problem (the end of the text), and where the unclosed map began
    assertEquals("county.yaml:5:1: not valid YAML: expected ',' or '}', but got <stream end>"
        + " (while parsing a flow mapping at 3:5)", p.get(0));
    DocumentException json = assertThrows(DocumentException.class,
        () -> ModelDocuments.read("{\"kuja\": 1, \"nodes\": [}", "m.json", Format.JSON));
    assertTrue(json.getMessage().startsWith("m.json:1:"), json.getMessage());
    assertTrue(json.getMessage().contains("not valid JSON"), json.getMessage());
  }

  @Test
  void yamlAliasesAreRefused() {
    List<String> p = problems("""
        kuja: 1
        nodes:
          - &a { id: grid, kind: resource }
          - { id: x, kind: resource, requires: [*a] }
        """);
    assertEquals(1, p.size());
    assertTrue(p.get(0).contains("YAML aliases (*a) are not supported"), p.get(0));
  }

  @Test
  void aliasBombsAreRefusedQuickly() {
    StringBuilder bomb = new StringBuilder("kuja: 1\na: &a [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 0; i < 20; i++) {
      char prev = (char) ('a' + i);
      char next = (char) ('a' + i + 1);
      bomb.append(next).append(": &").append(next).append(" [*").append(prev).append(", *")
          .append(prev).append(", *").append(prev).append(", *").append(prev).append("]\n");
    }
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      List<String> p = problems(bomb.toString());
      assertTrue(p.get(p.size() - 1).contains("aliases"), p.toString());
    });
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "kuja: 1\nname: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      List<String> p = problems(deep);
      assertEquals(1, p.size(), p.toString());
      assertTrue(p.get(0).contains("too large or too deeply nested") || p.get(0).contains("not valid YAML"),
          p.get(0));
    });
    DocumentException json = assertThrows(DocumentException.class, () -> ModelDocuments.read(
        "{\"kuja\": 1, \"name\": " + "[".repeat(5000) + "]".repeat(5000) + "}", "m.json", Format.JSON));
    assertTrue(json.getMessage().contains("too large or too deeply nested"), json.getMessage());
  }

  @Test
  void oversizedFilesAreRefusedBeforeParsing(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.yaml");
    Files.writeString(big, "kuja: 1\nnodes: []\n# " + "x".repeat(10_000) + "\n");
    DocumentException e = assertThrows(DocumentException.class,
        () -> ModelDocuments.read(big, new ReadOptions(1000, 32)));
    assertTrue(e.getMessage().startsWith(big + ": the document is "), e.getMessage());
    assertTrue(e.getMessage().endsWith("bytes, more than the limit of 1000"), e.getMessage());
  }

  @Test
  void filesThatAreNotThereOrHaveNoFormat(@TempDir Path dir) throws Exception {
    assertEquals(dir.resolve("none.yaml") + ": no such file",
        assertThrows(DocumentException.class, () -> ModelDocuments.read(dir.resolve("none.yaml"))).getMessage());
    Path txt = Files.writeString(dir.resolve("model.txt"), "kuja: 1");
    assertEquals(txt + ": cannot tell the format: name the file .yaml, .yml or .json",
        assertThrows(DocumentException.class, () -> ModelDocuments.read(txt)).getMessage());
  }

  @Test
  void scenarioDocumentsAreCheckedAgainstTheModel() {
    Model m = ModelDocuments.read(HEAD + "  - { id: dc, kind: resource, owner: county, tags: [north] }\n",
        "county.yaml", Format.YAML);
    DocumentException e = assertThrows(DocumentException.class, () -> ScenarioDocuments.read("""
        kuja-scenario: 1
        name: typos
        horizon: P7D
        disruptions:
          - { node: gird, start: PT0S, duration: PT48H }
          - { organisation: conty, start: PT6H }
          - { tag: south, start: PT0S }
          - { node: grid, tag: north, start: PT0S }
          - { node: grid, start: later, duration: PT0S }
        """, "storm.yaml", Format.YAML, Optional.of(m)));
    assertEquals(List.of(
        "storm.yaml:5:13: disruption 1 (gird): no node 'gird' in the model; did you mean 'grid'?",
        "storm.yaml:6:21: disruption 2 (organisation conty): no organisation 'conty' in the model; did you mean 'county'?",
        "storm.yaml:7:12: disruption 3 (tag south): no node has the tag 'south'",
        "storm.yaml:8:5: disruption 4 needs exactly one of node:, organisation: or tag:, not node and tag",
        "storm.yaml:9:26: start of disruption 5: 'later' is not an ISO-8601 duration (examples: PT15M, PT4H, P2D)",
        "storm.yaml:9:43: duration of disruption 5 must be positive (leave it out for an open-ended disruption)"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void scenarioShapes() {
    DocumentException e = assertThrows(DocumentException.class, () -> ScenarioDocuments.read(
        "kuja-scenario: 1\nname: x\nhorizn: P1D\ndisruptions: []\n", "s.yaml", Format.YAML, Optional.empty()));
    assertEquals(List.of("s.yaml:1:1: the scenario needs 'horizon'",
        "s.yaml:3:1: unknown key 'horizn' in the scenario; did you mean 'horizon'?"),
        e.problems().stream().map(Problem::toString).toList());
  }
}
