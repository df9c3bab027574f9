package dev.kuja.model;

import java.util.Collection;
import java.util.Optional;
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

  /** The closest known id within a small edit distance, for "did you mean" hints. */
  static Optional<String> suggest(String unknown, Collection<String> known) {
    int limit = Math.max(1, unknown.length() / 3);
    String best = null;
    int bestDistance = limit + 1;
    for (String k : known) {
      if (Math.abs(k.length() - unknown.length()) >= bestDistance) {
        continue;
      }
      int d = distance(unknown, k, bestDistance);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return Optional.ofNullable(best);
  }

  static String hint(String unknown, Collection<String> known) {
    return suggest(unknown, known).map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  /** Levenshtein distance with transpositions counted as one edit, cut off at {@code cap}. */
  static int distance(String a, String b, int cap) {
    int n = a.length();
    int m = b.length();
    int[] prev2 = new int[m + 1];
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin >= cap) {
        return cap;
      }
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }
}
