package dev.kuja.io.export;

import java.util.Locale;

/**
 * Text that XML 1.0 can carry, for the XML exports (GraphML, Open-PSA MEF;
 * docs/documents.md#exports). XML 1.0 has no way to write most control characters — not even as
 * character references — nor unpaired surrogates or U+FFFE and U+FFFF; a document holding one
 * is not well-formed, and every XML tool refuses it. Such a character is written instead as the
 * six characters {@code \}{@code uXXXX} (its code in hexadecimal), which reads back as what it
 * was to a person. Model validation already refuses control characters in a model's texts, so
 * on a valid model this changes nothing; it makes the exports well-formed whatever they are
 * given. Markup ({@code < & > "}) is escaped by the XML writer, as usual.
 */
final class XmlText {

  private XmlText() {}

  /** True for a character XML 1.0 can carry (surrogates are checked in pairs by {@link #of}). */
  static boolean allowed(char c) {
    return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
  }

  /** The text with every character XML 1.0 cannot carry written as {@code \}{@code uXXXX}. */
  static String of(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1));
      if (pair || allowed(c)) {
        if (out != null) {
          out.append(c);
          if (pair) {
            out.append(text.charAt(i + 1));
          }
        }
        if (pair) {
          i++;
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
    }
    return out == null ? text : out.toString();
  }
}
