package dev.kuja.io.syntax;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.kuja.io.Format;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Generators for the documents Kuja writes. */
public final class Writers {

  private static final JsonFactory JSON = new JsonFactory();
  private static final YAMLFactory YAML = YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build();

  private Writers() {}

  public static JsonGenerator generator(Format format, Writer out) {
    try {
      if (format == Format.JSON) {
        return JSON.createGenerator(out).useDefaultPrettyPrinter();
      }
      return YAML.createGenerator(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
