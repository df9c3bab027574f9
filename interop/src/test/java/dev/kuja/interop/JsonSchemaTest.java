package dev.kuja.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kuja.io.DocumentException;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.document.ScenarioDocuments;
import dev.kuja.model.IdRule;
import dev.kuja.model.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON Schemas in the two families of validators that editors and pipelines use: Python's
 * jsonschema (Debian's python3-jsonschema, patterns with Python's {@code re}) and ajv (ajv-cli,
 * ECMAScript patterns with the {@code u} flag). Both accept every bundled document and every
 * document Kuja writes, refuse the same bad documents that Kuja's reader refuses, and read the id
 * pattern exactly as Kuja's id rule, code point by code point.
 */
class JsonSchemaTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final Path SCHEMAS = Tools.ROOT.resolve("io/src/main/resources/dev/kuja/io");
  private static final Path MODEL = SCHEMAS.resolve("model.schema.json");
  private static final Path SCENARIO = SCHEMAS.resolve("scenario.schema.json");
  private static final Path COUNTY = Tools.EXAMPLES.resolve("models").resolve("county.yaml");

  /** python-jsonschema's errors per document. */
  static Map<String, List<String>> python(Path dir, Path schema, List<Path> documents) throws Exception {
    Path script = Tools.script(dir, "validate_schema.py");
    List<String> command = new ArrayList<>(List.of(Tools.PYTHON.toString(), script.toString(), schema.toString()));
    documents.forEach(d -> command.add(d.toString()));
    Tools.Result r = Tools.run(TIMEOUT, dir, command.toArray(String[]::new));
    assertEquals(0, r.status(), "python-jsonschema refuses " + schema.getFileName() + ":\n" + r.out() + r.err());
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String line : r.out().lines().toList()) {
      JsonNode j = Tools.JSON.readTree(line);
      if (j.has("document")) {
        List<String> errors = new ArrayList<>();
        j.get("errors").forEach(e -> errors.add(e.asText()));
        out.put(j.get("document").asText(), errors);
      }
    }
    assertEquals(documents.size(), out.size(), r.out());
    return out;
  }

  /** ajv's verdict per document: true when valid. */
  static Map<String, Boolean> ajv(Path dir, Path schema, List<Path> documents) {
    Path ajv = Tools.AJV.require();
    List<String> command = new ArrayList<>(List.of(ajv.toString(), "validate", "--spec=draft2020", "-c", "ajv-formats",
        "--all-errors", "--errors=text", "-s", schema.toString()));
    documents.forEach(d -> command.addAll(List.of("-d", d.toString())));
    Tools.Result r = Tools.run(TIMEOUT, dir, command.toArray(String[]::new));
    assertTrue(r.status() == 0 || r.status() == 1, "ajv failed:\n" + r.err());
    assertFalse(r.err().contains("schema " + schema + " is invalid"), "ajv refuses the schema: " + r.err());
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (Path d : documents) {
      boolean valid = r.out().lines().anyMatch(l -> l.equals(d + " valid"));
      boolean invalid = r.err().lines().anyMatch(l -> l.equals(d + " invalid"));
      assertTrue(valid != invalid, "ajv says nothing clear of " + d + ":\n" + r.out() + r.err());
      out.put(d.toString(), valid);
    }
    return out;
  }

  /** The documents Kuja writes: the county re-exported as JSON and YAML, and the BIA imported. */
  private static List<Path> written(Path dir) {
    Path json = dir.resolve("county-export.json");
    Path yaml = dir.resolve("county-export.yaml");
    Path bia = dir.resolve("bia-import.yaml");
    Tools.kuja("export", COUNTY.toString(), "--to", "json", "-o", json.toString()).ok("export json");
    Tools.kuja("export", COUNTY.toString(), "--to", "yaml", "-o", yaml.toString()).ok("export yaml");
    Path tables = Tools.EXAMPLES.resolve("bia");
    Tools.kuja("import", "--nodes", tables.resolve("nodes.csv").toString(), "--requirements",
        tables.resolve("requirements.csv").toString(), "-o", bia.toString()).ok("import");
    return List.of(json, yaml, bia);
  }

  @Test
  void everyBundledAndWrittenDocumentIsValidInBoth(@TempDir Path dir) throws Exception {
    Tools.PYTHON_JSONSCHEMA.require();
    Tools.AJV.require();
    List<Path> models = new ArrayList<>(Tools.bundledModels());
    models.addAll(written(dir));
    List<Path> scenarios = Tools.bundledScenarios();
    for (Map.Entry<Path, List<Path>> e : Map.of(MODEL, models, SCENARIO, scenarios).entrySet()) {
      Map<String, List<String>> py = python(dir, e.getKey(), e.getValue());
      py.forEach((doc, errors) -> assertEquals(List.of(), errors, "python-jsonschema on " + doc));
      ajv(dir, e.getKey(), e.getValue()).forEach((doc, valid) -> assertTrue(valid, "ajv on " + doc));
    }
  }

  @Test
  void badDocumentsAreRefusedByBothAndByKuja(@TempDir Path dir) throws Exception {
    Tools.PYTHON_JSONSCHEMA.require();
    Tools.AJV.require();
    Path bad = Path.of(JsonSchemaTest.class.getResource("bad").toURI());
    List<Path> models;
    List<Path> stricter;
    List<Path> scenarios;
    try (Stream<Path> s = Files.list(bad)) {
      List<Path> all = s.sorted().toList();
      models = all.stream().filter(p -> p.getFileName().toString().startsWith("model-")).toList();
      stricter = all.stream().filter(p -> p.getFileName().toString().startsWith("stricter-model-")).toList();
      scenarios = all.stream().filter(p -> p.getFileName().toString().startsWith("scenario-")).toList();
    }
    assertTrue(models.size() >= 8 && stricter.size() >= 2 && scenarios.size() >= 3, models + " " + scenarios);
    Model county = ModelDocuments.read(COUNTY);
    for (Path m : models) {
      assertThrows(DocumentException.class, () -> ModelDocuments.read(m), "Kuja reads " + m);
    }
    // the schemas are stricter than the reader (docs/documents.md#json-schemas): lower-case
    // labels, no white space around a duration
    for (Path m : stricter) {
      ModelDocuments.read(m);
    }
    for (Path s : scenarios) {
      assertThrows(DocumentException.class, () -> ScenarioDocuments.read(s, county), "Kuja reads " + s);
    }
    List<Path> schemaRefuses = new ArrayList<>(models);
    schemaRefuses.addAll(stricter);
    for (Map.Entry<Path, List<Path>> e : Map.of(MODEL, schemaRefuses, SCENARIO, scenarios).entrySet()) {
      python(dir, e.getKey(), e.getValue()).forEach((doc, errors) ->
          assertFalse(errors.isEmpty(), "python-jsonschema accepts " + doc));
      ajv(dir, e.getKey(), e.getValue()).forEach((doc, valid) -> assertFalse(valid, "ajv accepts " + doc));
    }
  }

  /** The accepted code points that a tool printed as [[lo, hi], …] ranges. */
  private static BitSet ranges(JsonNode list) {
    BitSet set = new BitSet();
    list.forEach(r -> set.set(r.get(0).asInt(), r.get(1).asInt() + 1));
    return set;
  }

  private static void sameAsTheRule(Tools.Result r, String engine) throws Exception {
    JsonNode j = Tools.JSON.readTree(r.ok(engine).out());
    List<BitSet> rule = IdRule.firstAndRest();
    assertEquals(rule.get(0), ranges(j.get("first")), engine + ": the first character of an id");
    assertEquals(rule.get(1), ranges(j.get("rest")), engine + ": the characters after the first");
  }

  @Test
  void pythonReadsTheIdPatternAsKujasRuleForEveryCodePoint(@TempDir Path dir) throws Exception {
    Tools.PYTHON_JSONSCHEMA.require();
    sameAsTheRule(Tools.run(TIMEOUT, dir, Tools.PYTHON.toString(), Tools.script(dir, "id_pattern.py").toString(),
        MODEL.toString()), "Python re");
  }

  @Test
  void ecmascriptReadsTheIdPatternAsKujasRuleForEveryCodePoint(@TempDir Path dir) throws Exception {
    Tools.AJV.require();
    sameAsTheRule(Tools.run(TIMEOUT, dir, "node", Tools.script(dir, "id_pattern.js").toString(), MODEL.toString()),
        "ECMAScript (node, u flag)");
  }
}
