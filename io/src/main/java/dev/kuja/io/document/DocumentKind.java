package dev.kuja.io.document;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kuja.io.ReadOptions;
import dev.kuja.io.syntax.Source;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What a document is, told by its version key (docs/cli.md#documents-on-the-command-line): a
 * top-level {@code kuja-scenario} key makes a scenario document, anything else a model
 * document. Commands that take both kinds sort their documents with it.
 */
public enum DocumentKind {
  /** A model document ({@code kuja: 1}). */
  MODEL,
  /** A scenario document ({@code kuja-scenario: 1}). */
  SCENARIO;

  /**
   * The kind of the document in {@code file}: its top-level keys are read until {@code kuja}
   * or {@code kuja-scenario} appears. A file that cannot be read, or whose syntax is broken
   * before either key, counts as a model, so that the model reader reports what is wrong with it.
   */
  public static DocumentKind of(Path file) {
    try {
      Source source = Source.of(file, ReadOptions.DEFAULT);
      try (JsonParser p = source.open()) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          return MODEL;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          if (key.equals("kuja-scenario")) {
            return SCENARIO;
          }
          if (key.equals("kuja")) {
            return MODEL;
          }
          p.nextToken();
          p.skipChildren();
        }
        return MODEL;
      }
    } catch (IOException | RuntimeException e) { // a DocumentException too: the model reader says it better
      return MODEL;
    }
  }
}
