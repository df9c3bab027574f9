package dev.kuja.io.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.kuja.io.Format;
import dev.kuja.model.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The shipped JSON Schemas accept every bundled document and everything Kuja writes. */
class SchemaTest {

  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final JsonSchema MODEL = FACTORY.getSchema(Schemas.model());
  private static final JsonSchema SCENARIO = FACTORY.getSchema(Schemas.scenario());
  private static final Path BUNDLED = Path.of("..", "examples", "models");

  private static JsonNode yaml(String text) throws IOException {
    return new YAMLMapper().readTree(text);
  }

  @Test
  void everyBundledDocumentIsValid() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(BUNDLED)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(files.size() >= 5, files::toString);
    for (Path f : files) {
      JsonNode doc = yaml(Files.readString(f));
      boolean scenario = doc.has("kuja-scenario");
      Set<ValidationMessage> errors = (scenario ? SCENARIO : MODEL).validate(doc);
      assertEquals(Set.of(), errors, f.toString());
      if (scenario) {
        ScenarioDocuments.read(f, ModelDocuments.read(BUNDLED.resolve("county.yaml")));
      } else {
        ModelDocuments.read(f);
      }
    }
  }

  @Provide
  Arbitrary<Model> richModels() {
    return RichModels.models(1, 12);
  }

  @Property(tries = 100)
  void whatKujaWritesIsValid(@ForAll("richModels") Model m) throws IOException {
    String json = ModelDocuments.write(m, Format.JSON);
    assertEquals(Set.of(), MODEL.validate(new ObjectMapper().readTree(json)), json);
  }

  @Test
  void everyDocumentOfTheExampleRegionIsValid() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of("..", "examples", "region"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(files.size() >= 10, files::toString);
    for (Path f : files) {
      assertEquals(Set.of(), MODEL.validate(yaml(Files.readString(f))), f.toString());
    }
    assertFalse(MODEL.validate(yaml("kuja: 1\nexternals: [{ id: g, kind: resource, provider: p, tolerance: PT1H }]\n"
        + "nodes: []\n")).isEmpty(), "a tolerance is a supplier's commitment");
  }

  @Test
  void theSchemaCatchesWhatTheReaderCatches() throws IOException {
    assertFalse(MODEL.validate(yaml("kuja: 1\nnodes: [{ id: a, kind: gadget }]\n")).isEmpty());
    assertFalse(MODEL.validate(yaml("kuja: 1\nnodes: [{ id: a, kind: resource, mtpd: PT1H }]\n")).isEmpty());
    assertFalse(MODEL.validate(yaml("kuja: 1\nnodes: [{ id: f, kind: function }]\n")).isEmpty());
    assertFalse(MODEL.validate(yaml("kuja: 1\nnodes: [{ id: a, kind: resource, requires: [{ of: [b] }] }]\n")).isEmpty());
    assertFalse(MODEL.validate(yaml("kuja: 1\nnodes: [{ id: a, kind: resource, recovery: 4h }]\n")).isEmpty());
    assertFalse(SCENARIO.validate(yaml("kuja-scenario: 1\nname: x\nhorizon: P1D\n"
        + "disruptions: [{ node: a, tag: b, start: PT0S }]\n")).isEmpty());
  }
}
