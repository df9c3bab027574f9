package dev.kuja.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The syntaxes Kuja documents come in; both carry the same tree. */
public enum Format {
  YAML,
  JSON;

  /** The format a file name suggests: {@code .yaml}/{@code .yml} or {@code .json}. */
  public static Optional<Format> of(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return Optional.of(YAML);
    }
    if (name.endsWith(".json")) {
      return Optional.of(JSON);
    }
    return Optional.empty();
  }
}
