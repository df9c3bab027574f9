package dev.kuja.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kuja.model.Model;
import dev.kuja.model.Requirement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A sub-model in which the nodes left out stay up for good: their alternatives count as held. */
class RestrictWithOthersUpTest {

  private static final Model MODEL = Model.builder()
      .resource("grid")
      .resource("diesel")
      .resource("pump-1", n -> n.requires("grid"))
      .resource("pump-2", n -> n.requires("grid"))
      .resource("pump-3", n -> n.requires("diesel"))
      .function("water", n -> n.criticality("vital").mtpd("PT4H").recovery("PT1H")
          .requires(Requirement.kOf(2, "pump-1", "pump-2", "pump-3").withTolerance(Duration.ofHours(1)))
          .requires("diesel"))
      .build();

  @Test
  void alternativesLeftOutLowerKAndARequirementThatAlwaysHoldsIsDropped() {
    CompactModel cm = CompactModel.of(MODEL);
    int[] part = {cm.index("grid"), cm.index("pump-1"), cm.index("pump-2"), cm.index("water")};
    java.util.Arrays.sort(part);
    CompactModel sub = cm.restrictWithOthersUp(part);
    assertEquals(4, sub.n);
    int water = sub.index("water");
    // 2 of pump-1, pump-2, pump-3 with pump-3 always up: 1 of pump-1, pump-2; diesel always up: dropped
    assertEquals(1, sub.reqStart(water + 1) - sub.reqStart(water));
    int q = sub.reqStart(water);
    assertEquals(1, sub.reqK(q));
    assertEquals(2, sub.size(q));
    assertEquals("pump-1", sub.id(sub.alt(sub.altStart(q))));
    assertEquals("pump-2", sub.id(sub.alt(sub.altStart(q) + 1)));
    assertEquals(Duration.ofHours(1).toMillis(), sub.reqTol(q));
    assertEquals(Duration.ofHours(1).toMillis(), sub.recovery(water));
    // pump-1 still requires grid, which is inside
    assertEquals(1, sub.reqK(sub.reqStart(sub.index("pump-1"))));
    assertEquals(0, sub.reqStart(sub.index("grid") + 1) - sub.reqStart(sub.index("grid")));
  }

  @Test
  void theNodesMustBeAscending() {
    CompactModel cm = CompactModel.of(MODEL);
    assertThrows(IllegalArgumentException.class, () -> cm.restrictWithOthersUp(new int[] {3, 1}));
  }
}
