package dev.kuja.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The rule for the free texts of a model — names, types, tags, attributes, MBCOs and the model's
 * name (docs/model.md#identifiers): any Unicode text except control characters (tab and line
 * breaks included, U+2028 and U+2029 too), unpaired surrogates and the non-characters U+FFFE
 * and U+FFFF. Such
 * characters cannot be shown on a terminal without acting on it, cannot be written in XML 1.0,
 * and are never part of a name a person meant.
 */
public final class Texts {

  private Texts() {}

  /** What is wrong with the text, naming its first bad character; empty when it is fine. */
  public static Optional<String> problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String what = null;
      if (Character.getType(c) == Character.CONTROL) {
        what = "the control character";
      } else if (Character.getType(c) == Character.LINE_SEPARATOR
          || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
        what = "the line break";
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        what = "the unpaired surrogate";
      } else if (c == '\uFFFE' || c == '\uFFFF') {
        what = "the non-character";
      }
      if (what != null) {
        return Optional.of("holds " + what + " " + String.format(Locale.ROOT, "U+%04X", (int) c)
            + " at position " + (i + 1) + "; texts cannot hold control characters (tabs and line"
            + " breaks included)");
      }
    }
    return Optional.empty();
  }
}
