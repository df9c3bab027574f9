package dev.kuja.io;

import java.util.Objects;

/**
 * One problem in a document, where it is and what is wrong.
 *
 * @param source  the file name (or another name for the source)
 * @param line    1-based line, 0 when the problem concerns the whole document
 * @param column  1-based column, 0 when unknown
 * @param message what is wrong, in the modeller's words
 */
public record DocumentProblem(String source, int line, int column, String message) {

  public DocumentProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line:column}, or just the file when there is no line. */
  public String location() {
    return line > 0 ? source + ":" + line + ":" + column : source;
  }

  @Override
  public String toString() {
    return location() + ": " + message;
  }
}
