package dev.kuja.io.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
    private final Map<String, String> values = new HashMap<>();

    private Filling() {}

    private Filling put(String name, String value) {
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

    /** The filled-in text. */
    String render() {
      Set<String> missing = new LinkedHashSet<>(names);
      missing.removeAll(values.keySet());
      if (!missing.isEmpty()) {
        throw new IllegalStateException("no value for the placeholders " + missing);
      }
      int size = literals.stream().mapToInt(String::length).sum();
      for (String n : names) {
        size += values.get(n).length();
      }
      StringBuilder out = new StringBuilder(size);
      for (int i = 0; i < names.size(); i++) {
        out.append(literals.get(i)).append(values.get(names.get(i)));
      }
      return out.append(literals.get(names.size())).toString();
    }
  }
}
