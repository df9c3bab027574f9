package dev.kuja.io.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schemas of Kuja's documents, for editors and other tools: point a YAML or JSON editor
 * at them to get completion and checking while writing a model.
 */
public final class Schemas {

  private Schemas() {}

  /** The JSON Schema (2020-12) of model documents, format version 1. */
  public static String model() {
    return load("/dev/kuja/io/model.schema.json");
  }

  /** The JSON Schema (2020-12) of scenario documents, format version 1. */
  public static String scenario() {
    return load("/dev/kuja/io/scenario.schema.json");
  }

  private static String load(String name) {
    try (InputStream in = Schemas.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the schema " + name + " is missing from the Kuja io jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
