package dev.kuja.io.syntax;

import dev.kuja.model.Durations;
import dev.kuja.model.Suggestions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads the fields of one map element, reporting every unknown key (with a hint), missing
 * required key and value of the wrong type at its place. Plain scalars are accepted as text.
 */
public final class Fields {

  private final Tree map;
  private final String what;
  private final Problems problems;
  /** Keys whose value had a problem (or were a misspelling of), so validation does not repeat it. */
  public final Set<String> faulty = new java.util.HashSet<>();

  public Fields(Tree map, String what, Problems problems, Set<String> allowed) {
    this.map = map;
    this.what = what;
    this.problems = problems;
    for (Map.Entry<String, int[]> k : map.keys.entrySet()) {
      if (!allowed.contains(k.getKey())) {
        Optional<String> hint = Suggestions.closest(k.getKey(), allowed);
        hint.ifPresent(faulty::add);
        problems.add(k.getValue()[0], k.getValue()[1], "unknown key '" + k.getKey() + "' in " + what
            + hint.map(h -> "; did you mean '" + h + "'?")
                .orElse(" (known keys: " + String.join(", ", allowed) + ")"));
      }
    }
  }

  /** Reads a map element, or reports that the element is not a map. */
  public static Optional<Fields> of(Tree t, String what, Problems problems, Set<String> allowed) {
    if (t.kind != Tree.Kind.MAP) {
      problems.at(t, what + " must be a map, not " + t.describe());
      return Optional.empty();
    }
    return Optional.of(new Fields(t, what, problems, allowed));
  }

  public boolean has(String key) {
    return map.map.containsKey(key);
  }

  public Tree tree(String key) {
    return map.get(key);
  }

  private void wrong(String key, Tree v, String expected) {
    faulty.add(key);
    problems.at(v, key + " of " + what + " must be " + expected + ", not " + v.describe());
  }

  public Optional<String> text(String key, boolean required) {
    Tree v = map.get(key);
    if (v == null) {
      if (required) {
        faulty.add(key);
        problems.at(map, what + " needs '" + key + "'");
      }
      return Optional.empty();
    }
    if (v.kind == Tree.Kind.STRING || v.kind == Tree.Kind.NUMBER || v.kind == Tree.Kind.BOOLEAN) {
      return Optional.of(v.text);
    }
    wrong(key, v, "text");
    return Optional.empty();
  }

  public Optional<Duration> duration(String key, boolean required) {
    Optional<String> text = text(key, required);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      Duration d = Durations.parse(text.get());
      if (d.isNegative()) {
        faulty.add(key);
        problems.at(map.get(key), key + " of " + what + " must not be negative (" + text.get() + ")");
        return Optional.empty();
      }
      return Optional.of(d);
    } catch (IllegalArgumentException e) {
      faulty.add(key);
      problems.at(map.get(key), key + " of " + what + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  public OptionalInt integer(String key, boolean required) {
    Tree v = map.get(key);
    if (v == null) {
      if (required) {
        faulty.add(key);
        problems.at(map, what + " needs '" + key + "'");
      }
      return OptionalInt.empty();
    }
    if (v.kind == Tree.Kind.NUMBER) {
      try {
        return OptionalInt.of(Integer.parseInt(v.text));
      } catch (NumberFormatException e) {
        // falls through to the message below
      }
    }
    wrong(key, v, "a whole number");
    return OptionalInt.empty();
  }

  public OptionalDouble number(String key) {
    Tree v = map.get(key);
    if (v == null) {
      return OptionalDouble.empty();
    }
    if (v.kind == Tree.Kind.NUMBER) {
      double d;
      try {
        d = Double.parseDouble(v.text);
      } catch (NumberFormatException e) {
        d = Double.NaN; // YAML's .nan, .inf and -.inf
      }
      if (Double.isFinite(d)) {
        return OptionalDouble.of(d);
      }
      faulty.add(key);
      problems.at(v, key + " of " + what + " must be a finite number, not " + v.text);
      return OptionalDouble.empty();
    }
    wrong(key, v, "a number");
    return OptionalDouble.empty();
  }

  /** A list of texts. */
  public Optional<List<String>> texts(String key) {
    Tree v = map.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v.kind != Tree.Kind.LIST) {
      wrong(key, v, "a list");
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (Tree item : v.list) {
      if (item.isScalar() && item.kind != Tree.Kind.NULL) {
        out.add(item.text);
      } else {
        faulty.add(key);
        problems.at(item, "items of " + key + " of " + what + " must be text, not " + item.describe());
      }
    }
    return Optional.of(out);
  }

  /** A map of texts. */
  public Optional<Map<String, String>> textMap(String key) {
    Tree v = map.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v.kind != Tree.Kind.MAP) {
      wrong(key, v, "a map");
      return Optional.empty();
    }
    Map<String, String> out = new LinkedHashMap<>();
    v.map.forEach((k, item) -> {
      if (item.isScalar() && item.kind != Tree.Kind.NULL) {
        out.put(k, item.text);
      } else {
        faulty.add(key);
        problems.at(item, "value of '" + k + "' in " + key + " of " + what + " must be text, not "
            + item.describe());
      }
    });
    return Optional.of(out);
  }
}
