package dev.kuja.io.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.analysis.Analysis;
import dev.kuja.io.DocumentException;
import dev.kuja.io.Format;
import dev.kuja.model.External;
import dev.kuja.model.Model;
import dev.kuja.model.NodeKind;
import dev.kuja.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several documents, one model (docs/regional.md#composing-documents): a small region of a
 * county, a power company and a fuel distributor, each keeping its own document.
 */
class CompositionTest {

  @TempDir Path dir;

  static final String COUNTY = """
      kuja: 1
      name: The region
      organisations:
        - { id: county, name: County, type: wellbeing-services-county }
        - { id: power-co, name: Power company, type: company }
        - { id: fuel-co, name: Fuel distributor, type: company }
      nodes:
        - id: care
          kind: function
          owner: county
          criticality: vital
          mtpd: PT4H
          requires: [{ any: [grid, generator] }]
        - { id: generator, kind: resource, owner: county, requires: [{ all: [fuel], tolerance: P3D }] }
      externals:
        - { id: grid, kind: resource, name: City grid, provider: power-co, rto: PT4H }
        - { id: fuel, kind: supplier, provider: fuel-co, rto: P2D, tolerance: PT24H }
      """;

  static final String POWER = """
      kuja: 1
      organisations:
        - { id: power-co, name: Power company, type: company }
        - { id: fuel-co, name: Fuel distributor, type: company }
      nodes:
        - { id: grid, kind: resource, owner: power-co, recovery: PT1H, requires: [substation] }
        - { id: substation, kind: resource, owner: power-co, requires: [{ any: [line, backup] }] }
        - { id: line, kind: resource, owner: power-co }
        - { id: backup, kind: resource, owner: power-co, requires: [{ all: [fuel], tolerance: PT12H }] }
      externals:
        - { id: fuel, kind: supplier, provider: fuel-co }
      """;

  static final String FUEL = """
      kuja: 1
      organisations:
        - { id: fuel-co, name: Fuel distributor, type: company }
      nodes:
        - { id: fuel, kind: supplier, owner: fuel-co, requires: [depot] }
        - { id: depot, kind: supplier, owner: fuel-co }
      """;

  static final String REGION = """
      kuja: 1
      name: The region, composed
      include: [county.yaml, parts/power.yaml]
      """;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private List<String> problems(List<Path> files) {
    DocumentException e = assertThrows(DocumentException.class, () -> ModelDocuments.read(files));
    return e.problems().stream().map(Problem::toString).toList();
  }

  private String rel(Path p) {
    return p.toString();
  }

  @Test
  void threeDocumentsMakeOneModelAndEveryNodeKeepsItsDocument() throws IOException {
    Path county = write("county.yaml", COUNTY);
    Path power = write("power.yaml", POWER);
    Path fuel = write("fuel.yaml", FUEL);
    Model m = ModelDocuments.read(List.of(county, power, fuel));
    assertEquals(Optional.of("The region"), m.name(), "the first document's name");
    assertEquals(List.of("care", "generator", "grid", "substation", "line", "backup", "fuel", "depot"),
        m.nodes().stream().map(n -> n.id()).toList());
    assertEquals(Optional.of(rel(county)), m.source("care"));
    assertEquals(Optional.of(rel(power)), m.source("grid"));
    assertEquals(Optional.of(rel(fuel)), m.source("depot"));
    assertEquals(List.of(rel(county), rel(power), rel(fuel)), m.sources());
    assertEquals(3, m.organisations().size(), "identical organisations declared again are one");
    // the externals are bound to the providers' nodes: nothing is made from them
    assertFalse(m.isExternal("grid"));
    assertFalse(m.isExternal("fuel"));
    assertEquals(List.of("substation"), m.requireNode("grid").requirements().get(0).alternatives());
    assertEquals(3, m.externals().size(), "county's grid and fuel, power-co's fuel");
    // and the analyses see across the documents: the county's generator and the power
    // company's backup share the fuel distributor, so fuel and the power line are a double point
    // of failure of care that neither document shows alone
    assertTrue(Analysis.of(m).cutSets("care", 2).sets().contains(Set.of("fuel", "line")));
    assertTrue(Analysis.of(m).cutSets("care", 2).sets().contains(Set.of("depot", "line")));
  }

  @Test
  void aDocumentAloneAnalysesItsExternalsAsNodesOfTheirProviders() throws IOException {
    Model m = ModelDocuments.read(write("county.yaml", COUNTY));
    assertTrue(m.isExternal("grid"));
    assertTrue(m.isExternal("fuel"));
    assertEquals(NodeKind.SUPPLIER, m.requireNode("fuel").kind());
    assertEquals(Optional.of("power-co"), m.requireNode("grid").owner());
    assertEquals("City grid", m.requireNode("grid").name());
    assertTrue(m.requireNode("grid").requirements().isEmpty());
    assertEquals(List.of(External.of("grid", NodeKind.RESOURCE, "power-co").withName("City grid")
            .withRto(Duration.ofHours(4)),
        External.of("fuel", NodeKind.SUPPLIER, "fuel-co").withRto(Duration.ofDays(2))
            .withTolerance(Duration.ofHours(24))), m.externals());
    assertEquals(List.of(Set.of("fuel", "grid"), Set.of("generator", "grid")),
        Analysis.of(m).cutSets("care", 2).sets());
  }

  @Test
  void aTopDocumentIncludesOthersRelativeToItself() throws IOException {
    write("county.yaml", COUNTY);
    write("parts/power.yaml", POWER);
    write("parts/fuel.yaml", FUEL);
    Path region = write("region.yaml", REGION.replace("parts/power.yaml]", "parts/power.yaml, parts/fuel.yaml]"));
    Model m = ModelDocuments.read(region);
    assertEquals(Optional.of("The region, composed"), m.name());
    assertEquals(8, m.size());
    assertEquals(Optional.of(dir.resolve("parts/power.yaml").toString()), m.source("substation"));
    assertFalse(m.isExternal("fuel"));
  }

  @Test
  void aDocumentIncludedTwiceIsReadOnce() throws IOException {
    write("fuel.yaml", FUEL);
    write("power.yaml", POWER.replace("kuja: 1\n", "kuja: 1\ninclude: [fuel.yaml]\n"));
    Path county = write("county.yaml", COUNTY.replace("kuja: 1\n", "kuja: 1\ninclude: [power.yaml, fuel.yaml]\n"));
    assertEquals(8, ModelDocuments.read(county).size());
  }

  @Test
  void writingAComposedModelGivesOneDocumentThatReadsBackEqual() throws IOException {
    Model m = ModelDocuments.read(List.of(write("county.yaml", COUNTY), write("power.yaml", POWER),
        write("fuel.yaml", FUEL)));
    String yaml = ModelDocuments.write(m, Format.YAML);
    assertEquals(m, ModelDocuments.read(yaml, "all.yaml", Format.YAML));
    Model alone = ModelDocuments.read(write("alone.yaml", COUNTY));
    assertEquals(alone, ModelDocuments.read(ModelDocuments.write(alone, Format.JSON), "alone.json", Format.JSON));
    assertTrue(ModelDocuments.write(alone, Format.YAML).contains("externals:"));
  }

  // ------------------------------------------------------------------------------ bad input

  @Test
  void anIdDefinedInTwoDocumentsNamesBothPlaces() throws IOException {
    Path county = write("county.yaml", COUNTY.replace("externals:\n",
        "  - { id: substation, kind: resource, owner: county }\nexternals:\n"));
    Path power = write("power.yaml", POWER);
    assertEquals(List.of(power + ":7:11: node 'substation' (id): node id 'substation' is also defined in "
        + county + ":15:11"), problems(List.of(county, power, write("fuel.yaml", FUEL))));
  }

  @Test
  void includeCyclesAreRefusedWhereTheyClose() throws IOException {
    write("a.yaml", "kuja: 1\ninclude: [b.yaml]\n");
    write("b.yaml", "kuja: 1\ninclude: [c.yaml]\n");
    write("c.yaml", "kuja: 1\ninclude: [a.yaml]\n");
    List<String> p = problems(List.of(dir.resolve("a.yaml")));
    assertEquals(List.of(dir.resolve("c.yaml") + ":2:11: include cycle: " + dir.resolve("a.yaml")
        + " includes " + dir.resolve("b.yaml") + " includes " + dir.resolve("c.yaml") + " includes "
        + dir.resolve("a.yaml")), p);
  }

  @Test
  void missingAndUnreadableDocumentsAreLocatedWhereTheyAreNamed() throws IOException {
    Files.createDirectories(dir.resolve("folder.yaml"));
    Path top = write("top.yaml", "kuja: 1\ninclude:\n  - gone.yaml\n  - folder.yaml\n  - notes.txt\n");
    write("notes.txt", "hello");
    List<String> p = problems(List.of(top, dir.resolve("absent.yaml")));
    assertEquals(List.of(
        top + ":3:5: includes 'gone.yaml' (" + dir.resolve("gone.yaml") + "), which does not exist",
        top + ":4:5: includes 'folder.yaml' (" + dir.resolve("folder.yaml") + "), which is not a file",
        top + ":5:5: includes 'notes.txt' (" + dir.resolve("notes.txt")
            + "), which cannot be read: cannot tell the format: name the file .yaml, .yml or .json",
        dir.resolve("absent.yaml") + ": no such file"), p);
  }

  @Test
  void anExternalBoundToANodeOfAnotherKindIsAnError() throws IOException {
    Path county = write("county.yaml", COUNTY);
    Path power = write("power.yaml", POWER);
    Path fuel = write("fuel.yaml", FUEL.replace("{ id: fuel, kind: supplier", "{ id: fuel, kind: resource"));
    assertEquals(List.of(
        county + ":17:23: node 'fuel' (external): kind supplier does not match node 'fuel', a resource, defined in "
            + fuel + ":5:11",
        power + ":11:23: node 'fuel' (external): kind supplier does not match node 'fuel', a resource, defined in "
            + fuel + ":5:11"),
        problems(List.of(county, power, fuel)));
  }

  @Test
  void conflictingOrganisationsNameBothPlaces() throws IOException {
    Path county = write("county.yaml", COUNTY);
    Path power = write("power.yaml", POWER.replace("{ id: power-co, name: Power company, type: company }",
        "{ id: power-co, name: Power Company Ltd, type: company }"));
    assertEquals(List.of(power + ":3:11: organisation 'power-co' (id): organisation 'power-co' is declared "
        + "here as 'Power Company Ltd' (company), but as 'Power company' (company) in " + county + ":5:11"),
        problems(List.of(county, power, write("fuel.yaml", FUEL))));
  }

  @Test
  void aReferenceNoDocumentDefinesIsAnErrorUnlessDeclaredExternal() throws IOException {
    Path county = write("county.yaml", COUNTY.replace("  - { id: fuel, kind: supplier, provider: fuel-co, rto: P2D, tolerance: PT24H }\n", ""));
    assertEquals(List.of(county + ":14:72: node 'generator', requirement 1 (alternatives): names 'fuel', "
        + "which is not a node"), problems(List.of(county)));
  }

  @Test
  void externalsOfTheirOwnAreChecked() throws IOException {
    Path county = write("county.yaml", """
        kuja: 1
        organisations: [{ id: county, name: County }]
        nodes:
          - { id: care, kind: function, owner: county, criticality: vital, requires: [grid, fuel, net] }
        externals:
          - { id: grid, kind: resource, provider: power-co, tolerance: PT1H }
          - { id: fuel, kind: sipplier, provider: county }
          - { id: net, kind: resource, provider: county, rto: 4 hours, colour: blue }
        """);
    assertEquals(List.of(
        county + ":6:43: node 'grid' (external): provider 'power-co' is not an organisation of the model",
        county + ":6:64: node 'grid' (external): tolerance is a supplier's commitment that deliveries "
            + "continue; a resource has none",
        county + ":7:23: kind of external 'fuel' must be function, resource or supplier, not 'sipplier'",
        county + ":8:55: rto of external 'net': '4 hours' is not an ISO-8601 duration (examples: PT15M, PT4H, P2D)",
        county + ":8:64: unknown key 'colour' in external 'net' (known keys: id, kind, name, provider, rto, tolerance)"),
        problems(List.of(county)));
  }

  @Test
  void everyProblemOfEveryDocumentAtOnce() throws IOException {
    Path county = write("county.yaml", COUNTY.replace("mtpd: PT4H", "mtpd: 4h"));
    Path power = write("power.yaml", POWER.replace("requires: [substation]", "requires: [substaton]"));
    List<String> p = problems(List.of(county, power, write("fuel.yaml", FUEL)));
    assertEquals(2, p.size(), p::toString);
    assertTrue(p.get(0).startsWith(county + ":12:11: mtpd of node 'care'"), p::toString);
    assertTrue(p.get(1).startsWith(power + ":6:77: node 'grid', requirement 1 (alternatives): names "
        + "'substaton', which is not a node; did you mean 'substation'?"), p::toString);
  }

  @Test
  void aScenarioAmongTheModelsIsRefused() throws IOException {
    Path storm = write("storm.yaml", "kuja-scenario: 1\nname: Storm\nhorizon: P1D\ndisruptions: []\n");
    List<String> p = problems(List.of(write("county.yaml", COUNTY), storm));
    assertEquals(List.of(storm + ":1:1: this is a scenario document, not a model (it starts with kuja-scenario)"), p);
  }

  @Test
  void threatsComposeAndAThreatDefinedTwiceNamesBothPlaces() throws IOException {
    Path county = write("county.yaml", COUNTY + "threats:\n  - { id: storm, rate: 0.3, duration: PT20H, targets: [{ node: line }] }\n");
    Path power = write("power.yaml", POWER);
    Path fuel = write("fuel.yaml", FUEL);
    Model m = ModelDocuments.read(List.of(county, power, fuel));
    assertEquals(1, m.threats().size(), "a threat of one document may target a node of another");
    Path again = write("again.yaml", "kuja: 1\nthreats:\n  - { id: storm, rate: 0.1, duration: PT2H, targets: [{ node: depot }] }\n");
    assertEquals(List.of(again + ":3:11: threat 'storm' (id): threat id 'storm' is also defined in " + county + ":19:11"),
        problems(List.of(county, power, fuel, again)));
  }
}
