package dev.kuja.io.report;

import dev.kuja.io.OutputFile;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text resource with {@code {{name}}} placeholders (lower-case letters and hyphens), filled in
 * one pass: a value is never scanned for placeholders itself, so text from the model cannot
 * reach into the template. Every placeholder must be given a value, and only those.
 *
 * <p>A value says how it is to be made safe for where it goes: {@link Filling#text text} is
 * HTML-escaped, {@link Filling#markup markup} is trusted (built by the caller, with everything
 * from the model escaped), {@link Filling#script script} is code whose {@code </script} is
 * defused, and {@link Filling#json json} is JSON with its markup characters written as
 * {@code \u003c}-style escapes.
 */
final class Template {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z][a-z-]*)}}");

  /** The text between placeholders: one more than {@link #names}. */
  private final List<String> literals;
  private final List<String> names;

  private Template(List<String> literals, List<String> names) {
    this.literals = literals;
    this.names = names;
  }

  /** Parses a template. */
  static Template of(String text) {
    List<String> literals = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    int at = 0;
    while (m.find()) {
      literals.add(text.substring(at, m.start()));
      names.add(m.group(1));
      at = m.end();
    }
    literals.add(text.substring(at));
    return new Template(List.copyOf(literals), List.copyOf(names));
  }

  /**
   * A resource in the package of {@code owner}, in UTF-8, line endings made \n whatever the
   * checkout did to them. The class's own lookup finds it in the jar, a named module or not.
   */
  static String resource(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + name + " of " + owner.getName()
            + " is missing from the Kuja io jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of the placeholders, each once, in order of first appearance. */
  Set<String> names() {
    return new LinkedHashSet<>(names);
  }

  /** Starts filling in the placeholders. */
  Filling fill() {
    return new Filling();
  }

  /** The values of one rendering. */
  final class Filling {
    /** A value: text, or JSON written as the page is written. */
    private final Map<String, Object> values = new HashMap<>();

    private Filling() {}

    private Filling put(String name, Object value) {
      Objects.requireNonNull(value, name);
      if (!names.contains(name)) {
        throw new IllegalArgumentException("the template has no placeholder {{" + name + "}}");
      }
      if (values.putIfAbsent(name, value) != null) {
        throw new IllegalArgumentException("{{" + name + "}} is filled twice");
      }
      return this;
    }

    /** Text, HTML-escaped for element content and quoted attribute values. */
    Filling text(String name, String text) {
      return put(name, HtmlReport.esc(text));
    }

    /** A number, as text. */
    Filling number(String name, long n) {
      return put(name, Long.toString(n));
    }

    /** Markup made by the caller, inserted as it is. */
    Filling markup(String name, String html) {
      return put(name, html);
    }

    /** A script of Kuja's or a library's, made safe inside a script element. */
    Filling script(String name, String code) {
      return put(name, HtmlReport.script(code));
    }

    /** JSON data, safe inside a script element. */
    Filling json(String name, String json) {
      return put(name, HtmlReport.scriptSafe(json));
    }

    /**
     * JSON data, safe inside a script element, written by {@code json} straight into the page as
     * it is written (its markup characters made {@code \u003c}-style escapes on the way), so
     * that the data of a national model is never held whole as text.
     */
    Filling json(String name, OutputFile.Content json) {
      return put(name, json);
    }

    /** The filled-in text. */
    String render() {
      StringWriter out = new StringWriter();
      try {
        write(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toString();
    }

    /** Writes the filled-in text to {@code out} (not closed). */
    void write(Writer out) throws IOException {
      Set<String> missing = new LinkedHashSet<>(names);
      missing.removeAll(values.keySet());
      if (!missing.isEmpty()) {
        throw new IllegalStateException("no value for the placeholders " + missing);
      }
      for (int i = 0; i < names.size(); i++) {
        out.write(literals.get(i));
        Object value = values.get(names.get(i));
        if (value instanceof String text) {
          out.write(text);
        } else {
          ((OutputFile.Content) value).writeTo(new ScriptSafe(out));
        }
      }
      out.write(literals.get(names.size()));
    }
  }

  /**
   * Makes JSON safe inside a script element as it passes, as {@link HtmlReport#scriptSafe} does:
   * '<', '>', '&' and the JavaScript line separators only ever occur inside strings in JSON,
   * where their escapes mean the same. Closing it does not close the page.
   */
  private static final class ScriptSafe extends FilterWriter {

    ScriptSafe(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      switch (c) {
        case '<' -> out.write("\\u003c");
        case '>' -> out.write("\\u003e");
        case '&' -> out.write("\\u0026");
        case '\u2028' -> out.write("\\u2028");
        case '\u2029' -> out.write("\\u2029");
        default -> out.write(c);
      }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      int start = off;
      for (int i = off; i < off + len; i++) {
        char c = buf[i];
        if (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
          out.write(buf, start, i - start);
          write(c);
          start = i + 1;
        }
      }
      out.write(buf, start, off + len - start);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
      write(str.toCharArray(), off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
