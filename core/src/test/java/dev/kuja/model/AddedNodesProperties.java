package dev.kuja.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The nodes a model builder holds ({@link AddedNodes}, an open-addressing table over the list of
 * what was added) behave as the {@code LinkedHashMap} they replace: after any sequence of adds,
 * replacements and removals, with ids that collide in the table and ids added again after
 * their removal, they hold the same ids with the same values in the same order.
 */
class AddedNodesProperties {

  /** What to do (add, replace, remove, look up) with which id. */
  record Op(int what, int id) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    // few ids, so that most operations meet an id already there; "Aa" and "BB" share a hash code
    return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 40))
        .as(Op::new).list().ofMaxSize(400);
  }

  private static String id(int i) {
    return switch (i % 4) {
      case 0 -> "n" + i;
      case 1 -> "Aa".repeat(1 + i / 4);
      case 2 -> "BB".repeat(1 + i / 4);
      default -> "x/" + i;
    };
  }

  @Property(tries = 500)
  void actAsALinkedHashMap(@ForAll("ops") List<Op> ops) {
    AddedNodes added = new AddedNodes();
    Map<String, Object> expected = new LinkedHashMap<>();
    for (Op op : ops) {
      String id = id(op.id());
      switch (op.what()) {
        case 0 -> {
          Object node = new Node.Builder(id, NodeKind.RESOURCE);
          assertEquals(expected.putIfAbsent(id, node) == null, added.add(id, node), id);
        }
        case 1 -> {
          if (expected.containsKey(id)) {
            Object node = new Node.Builder(id, NodeKind.SUPPLIER).build();
            expected.put(id, node);
            added.replace(id, node);
          }
        }
        case 2 -> assertEquals(expected.remove(id) != null, added.remove(id), id);
        default -> assertSame(expected.get(id), added.get(id), id);
      }
      assertEquals(expected.size(), added.size());
    }
    List<Object> values = new ArrayList<>();
    added.values().forEach(values::add);
    assertEquals(new ArrayList<>(expected.values()), values);
    assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(added.ids()));
    for (int i = 0; i <= 40; i++) {
      String id = id(i);
      assertSame(expected.get(id), added.get(id), id);
      assertEquals(expected.containsKey(id), added.ids().contains(id), id);
    }
  }
}
