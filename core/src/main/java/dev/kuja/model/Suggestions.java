package dev.kuja.model;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" hints: the closest known word within a small edit distance. */
public final class Suggestions {

  private Suggestions() {}

  /** The closest known word within one edit (short words) or two or more (longer ones). */
  public static Optional<String> closest(String unknown, Collection<String> known) {
    int limit = unknown.length() <= 3 ? 1 : Math.max(2, unknown.length() / 4);
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

  /** "; did you mean 'x'?" or nothing. */
  public static String hint(String unknown, Collection<String> known) {
    return closest(unknown, known).map(s -> "; did you mean '" + s + "'?").orElse("");
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
