package dev.kuja.cli;

import static dev.kuja.cli.KujaTest.kuja;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.model.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several documents on every command (docs/cli.md#documents-on-the-command-line) and the regional outputs. */
class RegionCommandsTest {

  static final Path REGION = Path.of("..", "examples", "region");
  static final String TOP = REGION.resolve("region.yaml").toString();

  static String doc(String name) {
    return REGION.resolve(name).toString();
  }

  @Test
  void everyCommandTakesSeveralDocuments() throws Exception {
    String[] three = {doc("town.yaml"), doc("power-co.yaml"), doc("tso.yaml")};
    KujaTest.Run v = kuja("validate", three[0], three[1], three[2]);
    assertEquals(0, v.status(), v.err());
    assertTrue(v.out().startsWith(String.join(", ", three) + ": valid. "), v.out());
    KujaTest.Run spof = kuja("spof", three[0], three[1], three[2], "--function", "town-water-supply", "--json");
    assertEquals(0, spof.status(), spof.err());
    List<String> nodes = new ArrayList<>();
    spof.json().get("functions").get(0).get("spofs").forEach(s -> nodes.add(s.get("node").asText()));
    assertTrue(nodes.contains("substation"), nodes.toString());
    assertEquals(0, kuja("rank", three[0], three[1], three[2]).status());
    assertEquals(0, kuja("impact", three[0], three[1], three[2], "--fail", "grid-town").status());
    assertEquals(0, kuja("cutsets", three[0], three[1], three[2], "--function", "town-water-supply").status());
  }

  @Test
  void modelsAndScenariosAreToldApartByTheirVersionKey() throws Exception {
    String storm = Path.of("..", "examples", "models", "storm.yaml").toString();
    KujaTest.Run a = kuja("simulate", storm, TOP, "--json");
    assertEquals(0, a.status(), a.err());
    KujaTest.Run b = kuja("simulate", TOP, storm, "--json");
    assertEquals(a.out(), b.out());
    KujaTest.Run none = kuja("simulate", TOP);
    assertEquals(2, none.status());
    assertTrue(none.err().contains("give a SCENARIO document"), none.err());
    KujaTest.Run wrong = kuja("spof", TOP, storm);
    assertEquals(2, wrong.status());
    assertTrue(wrong.err().contains(storm + ":"), wrong.err());
    assertTrue(wrong.err().contains("this is a scenario document, not a model"), wrong.err());
    KujaTest.Run report = kuja("report", storm, TOP, "--json");
    assertEquals(0, report.status(), report.err());
    assertEquals(1, report.json().get("scenarios").size());
  }

  @Test
  void theReportOfTheRegionHasItsCoordinationAndCommitments() throws Exception {
    KujaTest.Run r = kuja("report", TOP);
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("COORDINATION: WHO MUST PLAN WITH WHOM"), r.out());
    assertTrue(r.out().contains("SERVICE COMMITMENTS AT THE INTERFACES"), r.out());
    assertTrue(r.out().contains("  substation -> transmission  [power-co.yaml -> tso.yaml]"),
        r.out());
    JsonNode j = kuja("report", TOP, "--json").json();
    JsonNode first = j.get("coordination").get("pairs").get(0);
    assertEquals("power-co", first.get("dependent").asText());
    assertEquals("tso", first.get("provider").asText());
    assertEquals(doc("tso.yaml"), first.get("interfaces").get(0).get("providerSource").asText());
    assertEquals(10, j.get("commitments").size());
    assertEquals("mismatch", j.get("commitments").get(3).get("status").asText());
  }

  @Test
  void thePublicExport(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("power-co-public.yaml");
    KujaTest.Run r = kuja("export", TOP, "--public", "--organisation", "power-co", "-o", out.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.err().contains("conservative failure times for power-co:shared-1"), r.err());
    Model view = ModelDocuments.read(out);
    assertEquals(List.of("power-co:shared-1", "grid", "grid-town", "transmission", "telecom-core", "fuel-delivery"),
        view.nodes().stream().map(n -> n.id()).toList());
    // shared with the others' documents, it composes in place of power-co's own
    KujaTest.Run town = kuja("validate", out.toString(), doc("town.yaml"), doc("tso.yaml"));
    assertEquals(0, town.status(), town.err());
    KujaTest.Run json = kuja("export", TOP, "--public", "--organisation", "power-co", "--to", "json");
    assertTrue(json.out().startsWith("{"), json.out());
    assertEquals(2, kuja("export", TOP, "--public").status());
    assertEquals(2, kuja("export", TOP, "--public", "--organisation", "power-co", "--to", "dot").status());
    KujaTest.Run unknown = kuja("export", TOP, "--public", "--organisation", "powerco");
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().contains("did you mean 'power-co'?"), unknown.err());
  }

  @Test
  void badDocumentsStopEveryCommandWithNothingWritten(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.yaml"), """
        kuja: 1
        organisations: [{ id: a, name: A }]
        nodes: [{ id: x, kind: resource, owner: a }]
        """);
    Path b = Files.writeString(dir.resolve("b.yaml"), """
        kuja: 1
        include: [missing.yaml]
        organisations: [{ id: a, name: A again }]
        nodes: [{ id: x, kind: resource }]
        """);
    Path out = dir.resolve("out.yaml");
    KujaTest.Run r = kuja("export", a.toString(), b.toString(), "--to", "yaml", "-o", out.toString());
    assertEquals(2, r.status());
    assertFalse(Files.exists(out), "nothing written");
    assertTrue(r.err().contains(b + ":2:11: includes 'missing.yaml'"), r.err());
    Path html = dir.resolve("out.html");
    KujaTest.Run report = kuja("report", a.toString(), b.toString(), "--html", html.toString());
    assertEquals(2, report.status());
    assertFalse(Files.exists(html), "nothing written");
    // with the include fixed, every problem of both documents at once
    Files.writeString(b, Files.readString(b).replace("include: [missing.yaml]\n", ""));
    KujaTest.Run all = kuja("validate", a.toString(), b.toString());
    assertEquals(2, all.status());
    assertEquals(List.of(
        b + ":2:23: organisation 'a' (id): organisation 'a' is declared here as 'A again' (no type), but as 'A' (no type) in " + a + ":2:23",
        b + ":3:15: node 'x' (id): node id 'x' is also defined in " + a + ":3:15"), all.err().lines().toList());
  }

  @Test
  void includeCyclesAndExternalsOfAnotherKindStopTheReport(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.yaml"), """
        kuja: 1
        include: [b.yaml]
        organisations: [{ id: a, name: A }, { id: b, name: B }]
        nodes: [{ id: f, kind: function, owner: a, criticality: vital, requires: [x] }]
        externals: [{ id: x, kind: supplier, provider: b }]
        """);
    Path b = Files.writeString(dir.resolve("b.yaml"), """
        kuja: 1
        include: [a.yaml]
        organisations: [{ id: b, name: B }]
        nodes: [{ id: x, kind: resource, owner: b }]
        """);
    Path html = dir.resolve("out.html");
    KujaTest.Run cycle = kuja("report", a.toString(), "--html", html.toString());
    assertEquals(2, cycle.status());
    assertEquals(List.of(b + ":2:11: include cycle: " + a + " includes " + b + " includes " + a),
        cycle.err().lines().toList());
    assertFalse(Files.exists(html), "nothing written");
    Files.writeString(b, Files.readString(b).replace("include: [a.yaml]\n", ""));
    KujaTest.Run kind = kuja("report", a.toString(), "--html", html.toString());
    assertEquals(2, kind.status());
    assertEquals(List.of(a + ":5:28: node 'x' (external): kind supplier does not match node 'x', a resource, "
        + "defined in " + b + ":3:15"), kind.err().lines().toList());
    assertFalse(Files.exists(html), "nothing written");
  }

  @Test
  void noCommandWritesOverADocumentTheModelIncludes(@TempDir Path dir) throws Exception {
    for (String name : List.of("region.yaml", "town.yaml", "power-co.yaml", "tso.yaml", "tele-co.yaml",
        "fuel-co.yaml", "city.yaml", "county.yaml", "ict-co.yaml", "pharma-co.yaml", "gas-co.yaml",
        "food-co.yaml", "laundry-co.yaml", "state.yaml", "heat-co.yaml")) {
      Files.copy(REGION.resolve(name), dir.resolve(name));
    }
    String town = Files.readString(dir.resolve("town.yaml"));
    String top = dir.resolve("region.yaml").toString();
    KujaTest.Run export = kuja("export", top, "--to", "yaml", "-o", dir.resolve("town.yaml").toString());
    assertEquals(2, export.status(), export.err());
    assertTrue(export.err().contains("town.yaml"), export.err());
    KujaTest.Run view = kuja("export", top, "--public", "--organisation", "town", "-o", dir.resolve("town.yaml").toString());
    assertEquals(2, view.status(), view.err());
    KujaTest.Run html = kuja("report", top, "--html", dir.resolve("town.yaml").toString());
    assertEquals(2, html.status(), html.err());
    assertEquals(town, Files.readString(dir.resolve("town.yaml")), "the included document is untouched");
  }
}
