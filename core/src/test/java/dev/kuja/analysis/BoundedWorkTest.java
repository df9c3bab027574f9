package dev.kuja.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.hostile.LargeK;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.NodeKind;
import dev.kuja.model.Problem;
import dev.kuja.model.Requirement;
import dev.kuja.model.ValidationException;
import dev.kuja.report.Report;
import dev.kuja.testing.Oracle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Work and output are bounded (issue 16, cause 8, and the reviewer's b): k-of-n costs no more
 * for a large k, minimal failure sets stop at a budget naming the order that fits, and text
 * output stays linear in the size of the model.
 */
class BoundedWorkTest {

  /** A function needing {@code k} of {@code n} leaves. */
  private static Model kOfN(int n, int k) {
    Model.Builder b = Model.builder();
    List<String> leaves = IntStream.range(0, n).mapToObj(i -> "a" + i).toList();
    leaves.forEach(b::resource);
    return b.function("f", f -> f.criticality("vital")
        .requirements(List.of(new Requirement(leaves, k, Duration.ZERO)))).build();
  }

  @Property(tries = 150)
  void failureSetsWithLargeKAreTheOraclesSets(@ForAll long seed, @ForAll @IntRange(min = 2, max = 11) int size,
      @ForAll @IntRange(min = 1, max = 10) int maxN, @ForAll @IntRange(min = 1, max = 4) int order) {
    Model m = LargeK.model(new Random(seed), size, maxN);
    Analysis a = Analysis.of(m);
    for (Node f : m.nodes()) {
      Set<Set<String>> found = new HashSet<>(a.cutSets(f.id(), order).sets());
      assertEquals(Oracle.cutSets(m, f.id(), order), found, f.id());
    }
  }

  @Property(tries = 100)
  void spofsWithLargeKAreTheOraclesSpofs(@ForAll long seed, @ForAll @IntRange(min = 2, max = 40) int size,
      @ForAll @IntRange(min = 1, max = 30) int maxN) {
    Model m = LargeK.model(new Random(seed), size, maxN);
    Analysis a = Analysis.of(m);
    for (Node f : m.functions()) {
      assertEquals(Oracle.spofs(m, f.id(), Oracle.NEVER), new HashSet<>(a.spofs(f.id()).nodes()), f.id());
    }
  }

  @Test
  void aRequirementThatNoFewNodesCanBreakIsAnsweredAtOnce() {
    // any one of 200 leaves keeps f up: no set of 8 can bring it down (it took minutes and GBs)
    Model m = kOfN(200, 1);
    assertEquals(List.of(), Analysis.of(m).cutSets("f", 8).sets());
    // 193 of 200: eight leaves must fail, so there is nothing up to order 7 ...
    Model tight = kOfN(60, 53);
    assertEquals(List.of(), Analysis.of(tight).cutSets("f", 7).sets());
    // ... and the C(60, 8) sets of order 8 are beyond the budget, which names order 7
    ValidationException e = assertThrows(ValidationException.class, () -> Analysis.of(tight).cutSets("f", 8));
    assertEquals(List.of("order: the minimal failure sets of 'f' up to order 8 are too many to enumerate"
        + " within the budget (2,000,000 sets or 20,000,000 steps of work); order 7 is the largest that"
        + " fits; ask for that or lower"), e.problems().stream().map(Problem::description).toList());
  }

  @Test
  void aReportWhoseDoublePointsOfFailureAreTooManySaysSo() {
    // 2,999 of 3,000: every pair of leaves is a double point of failure (4.5 million of them)
    Model m = kOfN(3000, 2999);
    ValidationException e = assertThrows(ValidationException.class, () -> Report.of(m));
    assertEquals("order: the minimal failure sets of 'f' up to order 2 are too many to enumerate within"
        + " the budget (2,000,000 sets or 20,000,000 steps of work); only order 1, its single points of"
        + " failure, fits", e.problems().get(0).description());
  }

  @Test
  void aRequirementNeedingHalfOfAHundredThousandCostsNoMoreThanOne() {
    // the SPOF search tests every leaf; each test is O(log n) at the requirement, not O(k · n)
    Model m = kOfN(100_000, 50_000);
    long began = System.nanoTime();
    assertEquals(List.of(), Analysis.of(m).spofs("f").spofs());
    assertEquals(0.0, Analysis.of(m).ranking().entry("a0").orElseThrow().score());
    // a generous bound, far below the minutes it took: not a speed claim (bench/ makes those)
    assertTrue(System.nanoTime() - began < 60_000_000_000L);
  }

  @Property(tries = 20)
  void textOutputIsLinearInTheModel(@ForAll @IntRange(min = 30, max = 1500) int length) {
    // a chain: every node is a SPOF of every function above it, with a path as long as the gap
    Model.Builder b = Model.builder().resource("n0");
    for (int i = 1; i < length; i++) {
      String below = "n" + (i - 1);
      b.node("n" + i, NodeKind.FUNCTION, n -> n.criticality("vital").requires(below));
    }
    Model m = b.build();
    Analysis a = Analysis.of(m);
    long chars = 0;
    for (Node f : m.functions()) {
      chars += a.spofs(f.id()).toString().length();
    }
    // at most SHOWN lines per function, each with at most 2 · 5 ids and "… N more …"
    assertTrue(chars < 4_000L * length, chars + " characters for " + length + " nodes");
    String top = a.spofs("n" + (length - 1)).toString();
    assertTrue(top.endsWith("… and " + (length - 1 - SpofReport.SHOWN) + " more SPOFs, further away"), top);
    List<String> lines = top.lines().toList();
    assertTrue(lines.get(SpofReport.SHOWN).contains("n" + (length - 1 - SpofReport.SHOWN) + " -> n"
        + (length - SpofReport.SHOWN) + " -> "), lines.get(SpofReport.SHOWN));
    assertTrue(lines.get(SpofReport.SHOWN).contains(" -> … " + (SpofReport.SHOWN + 1 - 10) + " more … -> "),
        lines.get(SpofReport.SHOWN));
    // the value keeps the whole path
    assertEquals(length, a.spofs("n" + (length - 1)).spofs().get(length - 2).path().size());
  }

  @Test
  void longListsAreAbbreviatedAtBothEnds() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ids.add("x" + i);
      String text = dev.kuja.model.Texts.abbreviated(ids, ", ");
      String linked = dev.kuja.model.Texts.abbreviated(new java.util.LinkedList<>(ids), ", ");
      assertEquals(text, linked);
      if (ids.size() <= 12) {
        assertEquals(String.join(", ", ids), text);
      } else {
        assertEquals("x0, x1, x2, x3, x4, … " + (ids.size() - 10) + " more …, " + String.join(", ",
            ids.subList(ids.size() - 5, ids.size())), text);
      }
    }
  }
}
