package dev.kuja.io.syntax;

import com.fasterxml.jackson.core.JsonParser;
import dev.kuja.io.DocumentException;
import dev.kuja.io.Format;
import dev.kuja.io.ReadOptions;
import dev.kuja.model.Problem;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A document to read, checked against the limits before any parsing; can be opened again. */
public final class Source {

  private final String name;
  private final Format format;
  private final Path file;
  private final String text;
  private final ReadOptions options;

  private Source(String name, Format format, Path file, String text, ReadOptions options) {
    this.name = name;
    this.format = format;
    this.file = file;
    this.text = text;
    this.options = options;
  }

  public static Source of(Path file, ReadOptions options) {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw problem(name, Files.exists(file) ? "is not a file" : "no such file");
    }
    Format format = Format.of(file).orElseThrow(() -> problem(name,
        "cannot tell the format: name the file .yaml, .yml or .json"));
    try {
      long size = Files.size(file);
      if (size > options.maxBytes()) {
        throw problem(name, "the document is " + size + " bytes, more than the limit of "
            + options.maxBytes());
      }
    } catch (IOException e) {
      throw problem(name, "cannot be read: " + e.getMessage());
    }
    return new Source(name, format, file, null, options);
  }

  public static Source of(String text, String name, Format format, ReadOptions options) {
    if (text.length() > options.maxBytes()) {
      throw problem(name, "the document is longer than the limit of " + options.maxBytes() + " bytes");
    }
    return new Source(name, format, null, text, options);
  }

  private static DocumentException problem(String name, String message) {
    return new DocumentException(List.of(Problem.inDocument(Problem.Location.of(name), message)));
  }

  public String name() {
    return name;
  }

  public Format format() {
    return format;
  }

  /**
   * A parser for the fast path of reading (see the model reader), with the same limits: JSON
   * from a file is parsed from its bytes, checked to be well-formed UTF-8 on the way (Jackson's
   * byte parser refuses raw control characters but decodes some malformed sequences; the reader
   * checks the characters of every text it takes), YAML through the {@link StrictReader} as
   * {@link #open()} does.
   */
  public JsonParser openFast() throws IOException {
    if (format == Format.JSON && file != null) {
      return TreeReader.factory(format, options).createParser(new Utf8Check(Files.newInputStream(file)));
    }
    return open();
  }

  public JsonParser open() throws IOException {
    // strict: bad UTF-8 and control characters stop reading at their place (StrictReader)
    Reader reader = text != null ? StrictReader.of(new StringReader(text))
        : StrictReader.of(Files.newInputStream(file));
    return TreeReader.factory(format, options).createParser(reader);
  }
}
