package dev.kuja.model;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.StringJoiner;
import java.util.function.Function;

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

  /** How many items {@link #abbreviated} shows at each end of a long list. */
  public static final int SHOWN_AT_EACH_END = 5;

  /**
   * A list for people to read, joined with {@code separator}: whole when it has at most {@code 2
   * · SHOWN_AT_EACH_END + 2} items, otherwise its first and last {@value #SHOWN_AT_EACH_END}
   * around "… N more …". Text output stays linear in the size of a model this way (a chain of
   * 20,000 nodes has 20,000 SPOFs, each with a path of up to 20,000 ids); JSON output keeps lists
   * whole. Reads the list once, front to back (only the items shown, when it has random access).
   */
  public static <T> String abbreviated(List<T> items, Function<? super T, String> show, String separator) {
    int size = items.size();
    int shown = SHOWN_AT_EACH_END;
    if (size <= 2 * shown + 2) {
      StringJoiner all = new StringJoiner(separator);
      items.forEach(item -> all.add(show.apply(item)));
      return all.toString();
    }
    StringJoiner out = new StringJoiner(separator);
    if (items instanceof RandomAccess) {
      for (int i = 0; i < shown; i++) {
        out.add(show.apply(items.get(i)));
      }
      out.add("… " + (size - 2 * shown) + " more …");
      for (int i = size - shown; i < size; i++) {
        out.add(show.apply(items.get(i)));
      }
      return out.toString();
    }
    ArrayDeque<T> last = new ArrayDeque<>(shown + 1);
    int i = 0;
    for (T item : items) {
      if (i++ < shown) {
        out.add(show.apply(item));
      } else {
        last.addLast(item);
        if (last.size() > shown) {
          last.removeFirst();
        }
      }
    }
    out.add("… " + (size - 2 * shown) + " more …");
    last.forEach(item -> out.add(show.apply(item)));
    return out.toString();
  }

  /** {@link #abbreviated(List, Function, String)} of texts. */
  public static String abbreviated(List<String> items, String separator) {
    return abbreviated(items, Function.identity(), separator);
  }

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
