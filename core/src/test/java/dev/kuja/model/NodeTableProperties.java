package dev.kuja.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

/**
 * The nodes of a model by id ({@link NodeTable}) are the map the model kept before: equal to,
 * and hashing as, an {@code ImmutableMap} of the same nodes, finding every node by its id and
 * nothing for an id it lacks, keeping the model's order, and refusing an id twice.
 */
class NodeTableProperties {

  private static List<Node> nodes(List<Integer> numbers) {
    List<Node> nodes = new ArrayList<>();
    for (int i : numbers) {
      // ids of the same hash code too ("Aa" and "BB"), to meet collisions
      String id = i % 3 == 0 ? "Aa".repeat(1 + i % 5) + "BB".repeat(i / 5) : "n" + i;
      nodes.add(new Node.Builder(id, i % 2 == 0 ? NodeKind.RESOURCE : NodeKind.SUPPLIER).build());
    }
    return nodes;
  }

  @Property(tries = 300)
  void isTheMapOfTheNodesById(@ForAll @Size(max = 60) @UniqueElements List<@IntRange(min = 0, max = 200) Integer> numbers) {
    List<Node> nodes = nodes(numbers);
    Map<String, Node> expected = new LinkedHashMap<>();
    nodes.forEach(n -> expected.put(n.id(), n));
    if (expected.size() < nodes.size()) {
      assertThrows(IllegalArgumentException.class, () -> NodeTable.of(nodes));
      return;
    }
    NodeTable table = NodeTable.of(nodes);
    ImmutableMap<String, Node> map = ImmutableMap.copyOf(expected);
    assertEquals(map, table);
    assertEquals(table, map);
    assertEquals(map.hashCode(), table.hashCode());
    assertEquals(nodes, table.list());
    assertEquals(new ArrayList<>(expected.keySet()), table.ids());
    assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(table.keySet()));
    assertEquals(nodes, new ArrayList<>(table.values()));
    for (Node n : nodes) {
      assertSame(n, table.get(n.id()));
      assertSame(n, table.get(new String(n.id()))); // by value, not by identity
    }
    for (int i = 0; i <= 200; i++) {
      String absent = "m" + i;
      assertNull(table.get(absent));
      assertEquals(false, table.containsKey(absent));
      assertEquals(false, table.keySet().contains(absent));
    }
    assertNull(table.get(42));
  }

  /**
   * A model's table made over its builder's (nothing removed) or afresh (something removed)
   * finds every node the model has, by an equal id, and nothing else: nodes added, some edited
   * (a builder in place of a node), some removed, ids of one hash code among them.
   */
  @Property(tries = 300)
  void aModelFindsItsNodesWhateverTheBuilderDid(
      @ForAll @Size(max = 60) @UniqueElements List<@IntRange(min = 0, max = 200) Integer> numbers,
      @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 200) Integer> edited,
      @ForAll @Size(max = 3) List<@IntRange(min = 0, max = 200) Integer> removed) {
    List<Node> nodes = nodes(numbers);
    Map<String, Node> expected = new LinkedHashMap<>();
    nodes.forEach(n -> expected.putIfAbsent(n.id(), n));
    Model.Builder b = Model.builder();
    expected.values().forEach(b::node);
    List<Node> all = new ArrayList<>(expected.values());
    for (int e : edited) {
      if (!all.isEmpty()) {
        b.edit(all.get(e % all.size()).id(), nb -> nb.tags("edited"));
      }
    }
    for (int r : removed) {
      if (!all.isEmpty()) {
        String id = all.remove(r % all.size()).id();
        b.remove(id);
        expected.remove(id);
      }
    }
    Model m = b.build();
    assertEquals(new ArrayList<>(expected.keySet()), m.nodes().stream().map(Node::id).toList());
    for (String id : expected.keySet()) {
      assertEquals(id, m.node(new String(id)).orElseThrow().id());
    }
    for (int i = 0; i <= 200; i++) {
      assertEquals(false, m.node("m" + i).isPresent());
    }
    for (int r : removed) {
      String id = nodes(List.of(r)).get(0).id();
      assertEquals(expected.containsKey(id), m.node(id).isPresent());
    }
  }
}
