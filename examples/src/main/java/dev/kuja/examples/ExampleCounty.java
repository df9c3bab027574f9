package dev.kuja.examples;

import dev.kuja.io.Format;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.document.ScenarioDocuments;
import dev.kuja.model.Model;
import dev.kuja.simulation.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The bundled example: a wellbeing services county, its two municipalities, and the utilities,
 * ICT services and suppliers they rely on ({@code examples/models/county.yaml}), with four
 * scenarios. Every figure in it is illustrative; see the comments in the document.
 */
public final class ExampleCounty {

  private static final Model MODEL = ModelDocuments.read(resource("county.yaml"), "county.yaml", Format.YAML);

  private ExampleCounty() {}

  /** The example model. */
  public static Model model() {
    return MODEL;
  }

  /** An autumn storm: the city grid down for 48 h, Small Town's for 72 h, the roads cut for 24 h. */
  public static Scenario storm() {
    return scenario("storm.yaml");
  }

  /** Ransomware takes both data centres for five days. */
  public static Scenario ransomware() {
    return scenario("ransomware.yaml");
  }

  /** Two weeks without fuel deliveries. */
  public static Scenario fuel() {
    return scenario("fuel.yaml");
  }

  /** Home care staff strike for three days. */
  public static Scenario strike() {
    return scenario("strike.yaml");
  }

  private static Scenario scenario(String name) {
    return ScenarioDocuments.read(resource(name), name, Format.YAML, Optional.of(MODEL));
  }

  private static String resource(String name) {
    try (InputStream in = ExampleCounty.class.getResourceAsStream("models/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the example document " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
