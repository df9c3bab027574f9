package dev.kuja.model;

import java.util.BitSet;
import java.util.List;

/**
 * Kuja's id rule code point by code point ({@code IdPattern}, in core's tests), for the interop
 * tests to compare with what other regular-expression engines make of the schema's pattern.
 */
public final class IdRule {

  private IdRule() {}

  /** The code points allowed first in an id, and those allowed after the first. */
  public static List<BitSet> firstAndRest() {
    IdPattern.Rule rule = IdPattern.rule();
    return List.of(rule.first(), rule.rest());
  }
}
