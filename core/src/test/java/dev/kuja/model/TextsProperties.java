package dev.kuja.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * No free text of a model holds a control character (docs/model.md#identifiers; issue 16,
 * cause 3): whatever text holds one, in whichever field, validation names the field, the
 * character and its position; text without one is accepted as it is.
 */
class TextsProperties {

  /** A field of a model that holds free text, and the model with {@code text} in it. */
  private static final List<Function<String, Model.Builder>> FIELDS = List.of(
      t -> base().name(t),
      t -> base().organisation("o2", t, "type"),
      t -> base().organisation("o2", "name", t),
      t -> base().resource("r", r -> r.name(t)),
      t -> base().resource("r", r -> r.tags("ok", t)),
      t -> base().resource("r", r -> r.attribute(t, "value")),
      t -> base().resource("r", r -> r.attribute("site", t)),
      t -> base().function("f", f -> f.criticality("vital").mbco(t)));

  private static final List<String> NAMES = List.of("name", "name", "type", "name", "tags",
      "attributes", "attributes", "mbco");

  private static Model.Builder base() {
    return Model.builder().organisation("o", "Organisation", "company").resource("grid");
  }

  @Provide
  Arbitrary<Character> forbidden() {
    return Arbitraries.chars().filter(c -> Character.getType(c) == Character.CONTROL
        || c == '\u2028' || c == '\u2029' || c == '\uFFFE' || c == '\uFFFF' || Character.isSurrogate(c));
  }

  @Property(tries = 500)
  void aTextWithAControlCharacterIsRefusedInEveryField(@ForAll String text, @ForAll("forbidden") char bad,
      @ForAll @IntRange(min = 0, max = 1000) int where, @ForAll @IntRange(min = 0, max = 7) int field) {
    // keep the rest of the text free of forbidden characters, so the one inserted is the first
    String clean = text.codePoints().filter(cp -> Texts.problem(new String(Character.toChars(cp))).isEmpty())
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    int at = clean.offsetByCodePoints(0, where % (clean.codePointCount(0, clean.length()) + 1));
    String hostile = "x" + clean.substring(0, at) + bad + clean.substring(at);
    ModelValidationException e = assertThrows(ModelValidationException.class,
        () -> FIELDS.get(field).apply(hostile).build());
    assertEquals(1, e.problems().size(), e.getMessage());
    Problem p = e.problems().get(0);
    assertEquals(Optional.of(NAMES.get(field)), p.field());
    assertTrue(p.message().contains(String.format(Locale.ROOT, "U+%04X at position %d;", (int) bad, at + 2)),
        p.message());
    assertTrue(p.message().endsWith("texts cannot hold control characters (tabs and line breaks included)"),
        p.message());
  }

  @Property(tries = 300)
  void aTextWithoutOneIsKept(@ForAll String text, @ForAll @IntRange(min = 0, max = 7) int field) {
    String clean = "x" + text.codePoints()
        .filter(cp -> Texts.problem(new String(Character.toChars(cp))).isEmpty())
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    Model m = FIELDS.get(field).apply(clean).build();
    assertTrue(m.name().equals(Optional.of(clean)) || m.organisations().stream()
        .anyMatch(o -> o.name().equals(clean) || o.type().equals(Optional.of(clean)))
        || m.nodes().stream().anyMatch(n -> n.name().equals(clean) || n.tags().contains(clean)
            || n.attributes().containsKey(clean) || n.attributes().containsValue(clean)
            || n.mbco().equals(Optional.of(clean))), m.toString());
  }

  @org.junit.jupiter.api.Test
  void anIdWithALineBreakIsOneProblemThoughTheNameDefaultsToIt() {
    ModelValidationException e = assertThrows(ModelValidationException.class,
        () -> Model.builder().resource("a\nb").organisation("o\u001b", "o\u001b", "t").build());
    assertEquals(List.of(Optional.of("id"), Optional.of("id")), e.problems().stream().map(Problem::field).toList());
  }

  @Property(tries = 200)
  void theRuleIsTheCharacterClass(@ForAll char c) {
    boolean forbidden = Character.getType(c) == Character.CONTROL || Character.isSurrogate(c)
        || c == '\u2028' || c == '\u2029' || c == '\uFFFE' || c == '\uFFFF';
    assertEquals(forbidden, Texts.problem("a" + c + "b").isPresent());
  }
}
