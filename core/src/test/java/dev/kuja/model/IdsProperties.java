package dev.kuja.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The quick test of plain ids ({@link Ids#plainValid}) never accepts an id the rule refuses, and
 * on ASCII ids it decides exactly as the rule's regular expression ({@link Ids#VALID}).
 */
class IdsProperties {

  @Provide
  Arbitrary<String> asciiIds() {
    return Arbitraries.strings().withChars("aZ09_.:/@+- ,|\t\u007f").withCharRange('!', '~').ofMaxLength(12);
  }

  @Property(tries = 3000)
  void onAsciiTheQuickTestIsTheRule(@ForAll("asciiIds") String id) {
    assertEquals(Ids.VALID.matcher(id).matches(), Ids.plainValid(id), id);
  }

  @Property(tries = 3000)
  void theQuickTestNeverAcceptsWhatTheRuleRefuses(@ForAll String id) {
    if (Ids.plainValid(id)) {
      assertTrue(Ids.VALID.matcher(id).matches(), id);
    }
    // and the id's problem is the rule's, whichever way it is decided
    assertEquals(id.isBlank() || !Ids.VALID.matcher(id).matches(), Ids.problem(id) != null, id);
  }
}
