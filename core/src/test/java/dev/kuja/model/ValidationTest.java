package dev.kuja.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every kind of bad model is refused with a message naming the element and the problem. */
class ValidationTest {

  /** A valid base to break in one place. */
  private static Model.Builder base() {
    return Model.builder()
        .organisation("county", "County")
        .resource("grid", r -> r.owner("county"))
        .resource("generator", r -> r.owner("county"));
  }

  private static Problem only(UnaryOperator<Model.Builder> breakIt) {
    ModelValidationException e =
        assertThrows(ModelValidationException.class, () -> breakIt.apply(base()).build());
    assertEquals(1, e.problems().size(), e::getMessage);
    return e.problems().get(0);
  }

  @Test
  void unknownAlternativeIsNamedWithASuggestion() {
    Problem p = only(b -> b.function("care", f -> f.criticality("vital").requires("grdi")));
    assertEquals("node 'care', requirement 1 (alternatives): names 'grdi', which is not a node; "
        + "did you mean 'grid'?", p.toString());
    assertEquals("care", p.element().id());
    assertEquals(0, p.element().index().getAsInt());
  }

  @Test
  void duplicateNodeIds() {
    Problem p = only(b -> b.resource("grid"));
    assertEquals("node 'grid' (id): node id 'grid' is used more than once", p.toString());
  }

  @Test
  void duplicateOrganisationIds() {
    Problem p = only(b -> b.organisation("county", "Another county"));
    assertTrue(p.toString().contains("organisation 'county'") && p.message().contains("more than once"));
  }

  @Test
  void kOutsideOneToN() {
    assertEquals("node 'x', requirement 1 (k): k = 3 is outside 1..2 (the number of alternatives)",
        only(b -> b.resource("x", r -> r.requiresKOf(3, "grid", "generator"))).toString());
    assertEquals("k", only(b -> b.resource("x", r -> r.requiresKOf(0, "grid"))).field().orElseThrow());
  }

  @Test
  void emptyRequirement() {
    assertTrue(only(b -> b.resource("x", r -> r.requiresAny())).message().contains("names no node"));
  }

  @Test
  void negativeDurations() {
    assertEquals("node 'x', requirement 1 (tolerance): tolerance must not be negative (PT-1H)",
        only(b -> b.resource("x", r -> r.requires("grid").tolerance(Duration.ofHours(-1)))).toString());
    assertTrue(only(b -> b.resource("x", r -> r.recovery(Duration.ofMinutes(-5))))
        .toString().startsWith("node 'x' (recovery): recovery must not be negative"));
    assertTrue(only(b -> b.function("f", f -> f.criticality("vital").mtpd(Duration.ofHours(-4))))
        .toString().startsWith("node 'f' (mtpd): mtpd must not be negative"));
  }

  @Test
  void subMillisecondAndHugeDurations() {
    assertTrue(only(b -> b.resource("x", r -> r.recovery(Duration.ofNanos(5))))
        .message().contains("finer than a millisecond"));
    assertTrue(only(b -> b.resource("x", r -> r.recovery(Duration.ofDays(40_000_000L))))
        .message().contains("longer than Kuja supports"));
  }

  @Test
  void unknownOwner() {
    assertEquals("node 'x' (owner): owner 'countty' is not an organisation of the model; "
        + "did you mean 'county'?", only(b -> b.resource("x", r -> r.owner("countty"))).toString());
  }

  @Test
  void nodeRequiringItself() {
    assertTrue(only(b -> b.resource("x", r -> r.requiresAny("x", "grid")))
        .message().contains("names the node itself"));
  }

  @Test
  void alternativeNamedTwice() {
    assertTrue(only(b -> b.resource("x", r -> r.requiresAny("grid", "grid")))
        .message().contains("names 'grid' more than once"));
  }

  @Test
  void functionWithoutCriticality() {
    assertEquals("node 'f' (criticality): a function needs a criticality "
        + "(vital, critical, important, supporting)", only(b -> b.function("f", f -> {})).toString());
  }

  @Test
  void functionAttributesOnOtherKinds() {
    assertEquals("node 'x' (mtpd): only functions have mtpd; this node is a resource",
        only(b -> b.resource("x", r -> r.mtpd("PT4H"))).toString());
    assertTrue(only(b -> b.supplier("s", r -> r.criticality(Criticality.VITAL)))
        .toString().contains("only functions have criticality; this node is a supplier"));
  }

  @Test
  void rtoLongerThanMtpd() {
    assertTrue(only(b -> b.function("f", f -> f.criticality("vital").mtpd("PT4H").rto("PT6H")))
        .message().contains("RTO PT6H is longer than MTPD PT4H"));
  }

  @Test
  void textThatIsNotADurationOrCriticality() {
    assertEquals("node 'f' (mtpd): '4 hours' is not an ISO-8601 duration (examples: PT15M, PT4H, P2D)",
        only(b -> b.function("f", f -> f.criticality("vital").mtpd("4 hours"))).toString());
    assertTrue(only(b -> b.function("f", f -> f.criticality("vitall")))
        .message().contains("'vitall' is not a criticality"));
    assertTrue(only(b -> b.resource("x", r -> r.tolerance("PT1H")))
        .message().contains("tolerance given before any requirement"));
  }

  @Test
  void badIds() {
    assertTrue(only(b -> b.resource("has space")).message().contains("may contain only letters"));
    assertTrue(only(b -> b.resource("a,b")).message().contains("no spaces, commas or bars"));
    assertEquals("id must not be empty", only(b -> b.resource("")).message());
  }

  @Test
  void reliabilityOutOfRange() {
    assertTrue(only(b -> b.resource("x", r -> r.failureProbability(1.5)))
        .message().contains("failure probability 1.5 is not between 0 and 1"));
    assertTrue(only(b -> b.resource("x", r -> r.reliability(Reliability.rate(1,
        new RepairTime.Uniform(Duration.ofHours(5), Duration.ofHours(1))))))
        .message().contains("min PT5H above max PT1H"));
  }

  @Test
  void editingOrRemovingAnUnknownNode() {
    assertTrue(only(b -> b.edit("gridd", n -> n.name("x"))).message().contains("did you mean 'grid'"));
    assertTrue(only(b -> b.remove("nope")).message().contains("cannot remove 'nope'"));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    ModelValidationException e = assertThrows(ModelValidationException.class, () -> base()
        .resource("grid")                                                    // duplicate id
        .resource("a", r -> r.owner("nobody").requires("missing"))          // 2 problems
        .function("f", f -> f.mtpd("PT1H").rto("PT2H"))                     // 2 problems
        .resource("b", r -> r.requiresKOf(5, "grid").tolerance("later"))    // 2 problems
        .build());
    assertEquals(7, e.problems().size(), e::getMessage);
    String[] lines = e.getMessage().split("\n");
    assertEquals("The model has 7 problems:", lines[0]);
    assertEquals(8, lines.length);
    assertTrue(e.getMessage().contains("node 'b' (tolerance): 'later' is not an ISO-8601 duration"));
  }

  @Test
  void variantsLeaveTheBaselineAlone() {
    Model baseline = base().function("f", f -> f.criticality("vital").requires("grid")).build();
    Model variant = baseline.toBuilder()
        .edit("f", f -> f.clearRequirements().requiresAny("grid", "generator").tolerance("PT1H"))
        .build();
    assertEquals(baseline, baseline.toBuilder().build());
    assertEquals(List.of(Requirement.on("grid")), baseline.requireNode("f").requirements());
    assertEquals(List.of(Requirement.anyOf("grid", "generator").withTolerance("PT1H")),
        variant.requireNode("f").requirements());
    assertTrue(!baseline.equals(variant));
    ModelValidationException e = assertThrows(ModelValidationException.class,
        () -> baseline.toBuilder().remove("grid").build());
    assertTrue(e.getMessage().contains("names 'grid', which is not a node"));
  }
}
