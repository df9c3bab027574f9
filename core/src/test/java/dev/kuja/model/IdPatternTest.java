package dev.kuja.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema's id pattern is the model's id rule, code point by code point (Python's
 * jsonschema and ajv read the same schema in the interop module's tests).
 */
class IdPatternTest {

  private static IdPattern.Rule rule;
  private static String generated;

  @BeforeAll
  static void generate() {
    rule = IdPattern.rule();
    generated = IdPattern.pattern(rule);
  }

  @Test
  void theSchemaCarriesThePatternOfTheModelsRule() throws Exception {
    for (Path schema : IdPattern.SCHEMAS) {
      assertTrue(IdPattern.inSchema(schema).equals(generated), schema + "'s id pattern is not the "
          + "model's id rule: run dev.kuja.model.IdPattern.main from the core module (its test "
          + "class path) and commit the schema");
    }
  }

  @Test
  void theCharacterClassHoldsExactlyTheRule() {
    // the pattern is ^(?![S])[C]+(?![\s\S]): C must be every character allowed after the first,
    // and C without S every character allowed first
    String p = generated;
    assertTrue(p.startsWith("^(?![") && p.endsWith("]+(?![\\s\\S])"), p);
    int mid = p.indexOf("])[");
    BitSet separators = parse(p.substring(5, mid));
    BitSet all = parse(p.substring(mid + 3, p.length() - "]+(?![\\s\\S])".length()));
    assertEquals(rule.rest(), all);
    BitSet first = (BitSet) all.clone();
    first.andNot(separators);
    assertEquals(rule.first(), first);
    assertEquals(List.of('+', '-', '.', '/', ':', '@'),
        separators.stream().mapToObj(c -> (char) c).toList());
  }

  /** The code points of a character class body as {@link IdPattern} writes it. */
  private static BitSet parse(String body) {
    BitSet set = new BitSet();
    int[] cps = body.codePoints().toArray();
    for (int i = 0; i < cps.length; ) {
      int lo = cps[i] == '\\' ? cps[++i] : cps[i];
      i++;
      if (i + 1 < cps.length && cps[i] == '-') {
        int hi = cps[i + 1] == '\\' ? cps[i + 2] : cps[i + 1];
        i += cps[i + 1] == '\\' ? 3 : 2;
        set.set(lo, hi + 1);
      } else {
        set.set(lo);
      }
    }
    return set;
  }

  @Test
  void javasRegexReadsThePatternAsTheRule() {
    // find(), as networknt and Python's re.search apply a schema pattern: at every edge of a
    // range, and on the texts that tell a true end of text from a line end
    Pattern p = Pattern.compile(generated);
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      if (rule.rest().get(c) != rule.rest().get(Math.max(0, c - 1))
          || rule.first().get(c) != rule.first().get(Math.max(0, c - 1)) || c % 97 == 0) {
        for (int d : new int[] {Math.max(0, c - 1), c}) {
          String s = new String(Character.toChars(d));
          assertEquals(rule.first().get(d), p.matcher(s).find(), () -> "first " + Integer.toHexString(d));
          assertEquals(rule.rest().get(d), p.matcher("a" + s).find(), () -> "after a: " + Integer.toHexString(d));
        }
      }
    }
    for (String id : List.of("\u00e4mp\u00e4ri", "\uD835\uDD18", "_x", "x.y:z/w@v+u-t", "112-centre")) {
      assertTrue(p.matcher(id).find(), id);
    }
    for (String id : List.of("a\n", "a\r\n", "a\u2028", "a\u0085", "", ".x", "a b", "a,b", "a|b", "-a")) {
      assertFalse(p.matcher(id).find(), () -> "'" + id + "' must be refused");
    }
    assertTrue(rule.first().get('\u00e4') && rule.first().get(0x1D518) && rule.first().get('_') && rule.first().get('7'));
    assertFalse(rule.first().get('.') || rule.first().get(' ') || rule.rest().get(',') || rule.rest().get('|'));
  }
}
