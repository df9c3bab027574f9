package dev.kuja.analysis;

import java.util.Collection;
import java.util.stream.Collectors;

/** Lists of ids in {@code toString}s, cut so a national model does not print a million ids. */
final class Listing {

  private Listing() {}

  static String of(Collection<String> ids, int max) {
    String shown = ids.stream().limit(max).collect(Collectors.joining(", ", "[", ""));
    return shown + (ids.size() > max ? ", … and " + (ids.size() - max) + " more]" : "]");
  }
}
