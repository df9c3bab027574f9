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
    if (!VALID.matcher(id).matches()) {
      return "id '" + id + "' may contain only letters, digits and _ . : / @ + - "
          + "(no spaces, commas or bars), and must start with a letter, digit or _";
    }
    return null;
  }

  static String hint(String unknown, Collection<String> known) {
    return Suggestions.hint(unknown, known);
  }
}
