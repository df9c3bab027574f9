package dev.kuja.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The nodes of a model of {@link Validator#PARALLEL_FROM} nodes and more are first checked in
 * parts at once; the problems are still those of the check node by node (the one a map of
 * another kind gets), every one, in order, with their hints.
 */
class LargeModelValidationTest {

  private static final int SIZE = Validator.PARALLEL_FROM + 20_000;
  private static final Map<String, Organisation> ORGANISATIONS =
      ImmutableMap.of("o", new Organisation("o", "O", java.util.Optional.of("company")));

  /** A chain of nodes, each needing the one before, with mistakes at the given nodes. */
  private static NodeTable chain(List<Integer> mistakes) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < SIZE; i++) {
      Node.Builder b = new Node.Builder("r" + i, NodeKind.RESOURCE).owner("o");
      if (mistakes.contains(i)) {
        b.requires("missing-" + i).requires(Requirement.kOf(3, "r0", "r1")).owner("nobody");
      } else if (i > 1) {
        b.requires(Requirement.anyOf("r" + (i - 1), "r0")).requires("r1");
      }
      nodes.add(b.build());
    }
    return NodeTable.of(nodes);
  }

  private static void sameAsNodeByNode(NodeTable nodes) {
    List<Problem> byParts = Validator.validate(ORGANISATIONS, nodes, Map.of());
    List<Problem> oneByOne = Validator.validate(ORGANISATIONS, new LinkedHashMap<>(nodes), Map.of());
    assertEquals(oneByOne, byParts);
  }

  @Test
  void aValidLargeModelHasNoProblem() {
    NodeTable nodes = chain(List.of());
    assertTrue(Validator.validate(ORGANISATIONS, nodes, Map.of()).isEmpty());
    sameAsNodeByNode(nodes);
  }

  @Test
  void aLargeModelWithProblemsHasTheProblemsOfTheCheckNodeByNode() {
    // mistakes in the first part and in the last, each part's check sees one
    NodeTable nodes = chain(List.of(7, SIZE - 3));
    List<Problem> problems = Validator.validate(ORGANISATIONS, nodes, Map.of());
    assertEquals(6, problems.size(), problems::toString);
    assertEquals(List.of("r7", "r7", "r7", "r" + (SIZE - 3), "r" + (SIZE - 3), "r" + (SIZE - 3)),
        problems.stream().map(p -> p.element().id()).toList());
    sameAsNodeByNode(nodes);
  }
}
