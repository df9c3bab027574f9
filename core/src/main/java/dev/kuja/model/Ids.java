package dev.kuja.model;

import dev.kuja.model.Suggestions;
import java.util.Collection;
import java.util.regex.Pattern;

/** Id rules and "did you mean" suggestions. */
final class Ids {

  /** Letters (any script), digits and a few separators; no white space, commas or bars. */
  static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_.:/@+-]*");

  private Ids() {}

  static String problem(String id) {
    if (id.isBlank()) {
      return "id must not be empty";
    }
    if (!plainValid(id) && !VALID.matcher(id).matches()) {
      return "id '" + id + "' may contain only letters, digits and _ . : / @ + - "
          + "(no spaces, commas or bars), and must start with a letter, digit or _";
    }
    return null;
  }

  /**
   * True when the id is made of ASCII letters, digits and the separators alone, the first a
   * letter, digit or _: {@link #VALID} without its regular expression, for the ids of a large
   * model. False says nothing: the expression decides then.
   */
  static boolean plainValid(String id) {
    int length = id.length();
    if (length == 0) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = id.charAt(i);
      boolean word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      if (!word && (i == 0 || (c != '.' && c != ':' && c != '/' && c != '@' && c != '+' && c != '-'))) {
        return false;
      }
    }
    return true;
  }

  static String hint(String unknown, Collection<String> known) {
    return Suggestions.hint(unknown, known);
  }
}
