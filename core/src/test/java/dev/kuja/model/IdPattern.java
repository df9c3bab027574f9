package dev.kuja.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the id pattern of the JSON Schemas (in the io module) from the model's own id rule,
 * {@code Ids.VALID}, so that the schema and the code cannot drift apart. The rule is read code
 * point by code point (every code point alone and after an "a"), and written as one pattern that
 * Python's {@code re},
 * ECMAScript with the {@code u} flag (ajv) and {@code java.util.regex} (networknt) all read the
 * same way:
 *
 * <pre>^(?![SEPARATORS])[EXPLICIT RANGES]+(?![\s\S])</pre>
 *
 * <ul>
 *   <li>explicit ranges instead of {@code \p{L}\p{N}}, which Python's {@code re} cannot compile
 *       and which every engine reads with its own version of Unicode;
 *   <li>a look-ahead for the characters that may not come first, so that the big class is
 *       written once;
 *   <li>{@code (?![\s\S])}, the true end of the text in all three dialects, instead of {@code $},
 *       which in Python and Java also matches before a final line break ({@code "a\n"}).
 * </ul>
 *
 * Run {@link #main} to write the pattern into the schemas after the rule changes; {@code
 * IdPatternTest} fails until then.
 */
final class IdPattern {

  /** The schemas that carry the id pattern, relative to the core module. */
  static final Path[] SCHEMAS = {Path.of("..", "io", "src", "main", "resources", "dev", "kuja", "io", "model.schema.json")};

  /** The line of the id pattern in a schema: {@code "pattern": "…"} right after the id's type. */
  static final Pattern LINE = Pattern.compile(
      "(\"\\$defs\": \\{\\s*\"id\": \\{\\s*\"type\": \"string\",\\s*\"pattern\": )\"((?:[^\"\\\\]++|\\\\.)*+)\"");

  private IdPattern() {}

  /** The code points the model's rule accepts first ({@code first}) and later ({@code rest}). */
  record Rule(BitSet first, BitSet rest) {}

  /** Reads the model's id rule for every code point. */
  static Rule rule() {
    BitSet first = new BitSet(Character.MAX_CODE_POINT + 1);
    BitSet rest = new BitSet(Character.MAX_CODE_POINT + 1);
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      String s = new String(Character.toChars(c));
      first.set(c, Ids.VALID.matcher(s).matches());
      rest.set(c, Ids.VALID.matcher("a" + s).matches());
    }
    return new Rule(first, rest);
  }

  /** The portable pattern of the rule. */
  static String pattern(Rule rule) {
    BitSet separators = (BitSet) rule.rest().clone();
    separators.andNot(rule.first());
    BitSet notLater = (BitSet) rule.first().clone();
    notLater.andNot(rule.rest());
    if (!notLater.isEmpty()) {
      throw new IllegalStateException("the id rule accepts first what it refuses later: " + notLater
          + "; the pattern's shape no longer fits it");
    }
    StringBuilder sb = new StringBuilder("^(?![");
    ranges(separators, sb);
    sb.append("])[");
    ranges(rule.rest(), sb);
    return sb.append("]+(?![\\s\\S])").toString();
  }

  /**
   * The set as character-class ranges, every character literal except those a class escapes;
   * ASCII punctuation first and one by one, so that no range hides one.
   */
  private static void ranges(BitSet all, StringBuilder sb) {
    BitSet set = (BitSet) all.clone();
    for (int c = 0x21; c < 0x7F; c++) {
      if (set.get(c) && !Character.isLetterOrDigit(c)) {
        literal(c, sb);
        set.clear(c);
      }
    }
    for (int lo = set.nextSetBit(0); lo >= 0; ) {
      int hi = set.nextClearBit(lo) - 1;
      if (hi - lo >= 3) {
        literal(lo, sb);
        sb.append('-');
        literal(hi, sb);
      } else {
        for (int c = lo; c <= hi; c++) {
          literal(c, sb);
        }
      }
      lo = set.nextSetBit(hi + 1);
    }
  }

  private static void literal(int c, StringBuilder sb) {
    if ("\\]^-[".indexOf(c) >= 0) {
      sb.append('\\');
    }
    sb.appendCodePoint(c);
  }

  /** A string as JSON text, ASCII only: everything else as {@code \\uXXXX} (surrogate pairs above the BMP). */
  static String json(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7F) {
        sb.append(c);
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  /** The id pattern in a schema's text, decoded from its JSON string. */
  static String inSchema(Path schema) throws IOException {
    Matcher m = LINE.matcher(Files.readString(schema, StandardCharsets.UTF_8));
    if (!m.find()) {
      throw new IllegalStateException("no id pattern in " + schema);
    }
    String t = m.group(2);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c != '\\') {
        sb.append(c);
      } else if (t.charAt(i + 1) == 'u') {
        sb.append((char) Integer.parseInt(t.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        sb.append(t.charAt(++i));
      }
    }
    return sb.toString();
  }

  /** Writes the pattern generated from the model's rule into the schemas (run from the core module). */
  public static void main(String[] args) throws IOException {
    String text = json(pattern(rule()));
    for (Path schema : SCHEMAS) {
      String s = Files.readString(schema, StandardCharsets.UTF_8);
      Matcher m = LINE.matcher(s);
      if (!m.find()) {
        throw new IllegalStateException("no id pattern in " + schema);
      }
      Files.writeString(schema, s.substring(0, m.start()) + m.group(1) + "\"" + text + "\""
          + s.substring(m.end()), StandardCharsets.UTF_8);
      System.out.println("wrote the id pattern into " + schema);
    }
  }
}
