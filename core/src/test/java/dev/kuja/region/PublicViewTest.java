package dev.kuja.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.analysis.Analysis;
import dev.kuja.model.External;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.NodeKind;
import dev.kuja.model.Requirement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hand-worked public view of docs/regional.md#hand-worked-example-a-public-view. */
class PublicViewTest {

  /**
   * A power company with two published grids that share a substation; the substation needs two
   * lines (any one will do) and a control room that runs on the telecom operator's network for
   * 4 hours, then holds the substation for 12 hours more. The city grid has a feeder of its own;
   * the town grid a feeder or a generator on the fuel distributor's deliveries.
   */
  static Model region() {
    return Model.builder()
        .organisation("county", "County")
        .organisation("power-co", "Power company")
        .organisation("tele-co", "Telecom operator")
        .organisation("fuel-co", "Fuel distributor")
        .function("care", f -> f.owner("county").criticality("vital").requiresAny("grid", "generator"))
        .resource("generator", r -> r.owner("county").requires("fuel").tolerance("P3D"))
        .function("town-water", f -> f.owner("county").criticality("critical").requires("grid-town"))
        .resource("grid", r -> r.owner("power-co").recovery("PT1H").requires("substation").requires("city-feeder"))
        .resource("grid-town", r -> r.owner("power-co").requires("substation")
            .requiresAny("town-feeder", "town-generator"))
        .resource("substation", r -> r.owner("power-co").requiresAny("line-1", "line-2")
            .requires("control").tolerance("PT12H"))
        .resource("control", r -> r.owner("power-co").requires("telecom").tolerance("PT4H"))
        .resource("line-1", r -> r.owner("power-co"))
        .resource("line-2", r -> r.owner("power-co"))
        .resource("city-feeder", r -> r.owner("power-co"))
        .resource("town-feeder", r -> r.owner("power-co"))
        .resource("town-generator", r -> r.owner("power-co").requires("fuel").tolerance("P1D"))
        .resource("telecom", r -> r.owner("tele-co"))
        .supplier("fuel", s -> s.owner("fuel-co"))
        .build();
  }

  @Test
  void thePowerCompanyPublishesItsGridsAndTheirCommonCause() {
    PublicView view = PublicView.of(region(), "power-co");
    assertEquals(List.of("grid", "grid-town"), view.published());
    assertEquals(Map.of("power-co:shared-1", "substation"), view.standIns());
    Model m = view.model();
    assertEquals(List.of("grid", "grid-town", "power-co:shared-1", "telecom"),
        m.nodes().stream().map(Node::id).toList());
    assertEquals(List.of(Requirement.on("power-co:shared-1")), m.requireNode("grid").requirements());
    assertEquals(Duration.ofHours(1), m.requireNode("grid").recovery());
    assertEquals(List.of(Requirement.on("power-co:shared-1")), m.requireNode("grid-town").requirements());
    assertEquals(List.of(new Requirement(List.of("telecom"), 1, Duration.ofHours(16))),
        m.requireNode("power-co:shared-1").requirements());
    assertEquals(List.of(External.of("telecom", NodeKind.RESOURCE, "tele-co")), m.externals());
    assertTrue(m.isExternal("telecom"));
    assertEquals(List.of("power-co", "tele-co"), m.organisations().stream().map(o -> o.id()).toList());
    assertTrue(view.exactTimes());
  }

  @Test
  void everyInternalNodeHasItsImage() {
    PublicView view = PublicView.of(region(), "power-co");
    assertEquals(Optional.of("grid"), view.image("city-feeder"));
    assertEquals(Optional.of("grid-town"), view.image("town-generator"));
    assertEquals(Optional.of("power-co:shared-1"), view.image("substation"));
    assertEquals(Optional.of("power-co:shared-1"), view.image("control"));
    assertEquals(Optional.of("power-co:shared-1"), view.image("line-2"));
    assertEquals(Optional.of("fuel"), view.image("fuel"));
    assertThrows(NoSuchElementException.class, () -> view.image("nowhere"));
  }

  @Test
  void theOthersSeeTheSameFailureSetsThroughTheView() {
    Model whole = region();
    Model composed = PublicView.of(whole, "power-co").composed();
    Analysis a = Analysis.of(whole);
    Analysis b = Analysis.of(composed);
    // care: no SPOF; its pairs through the substation, its control or the city feeder appear
    // as pairs through the stand-in or the grid
    assertEquals(List.of(Set.of("fuel", "grid"), Set.of("fuel", "power-co:shared-1"), Set.of("fuel", "telecom"),
            Set.of("generator", "grid"), Set.of("generator", "power-co:shared-1"), Set.of("generator", "telecom")),
        b.cutSets("care", 2).sets());
    assertEquals(10, a.cutSets("care", 2).sets().size());
    assertEquals(List.of(Set.of("control"), Set.of("grid-town"), Set.of("substation"), Set.of("telecom"),
            Set.of("fuel", "town-feeder"), Set.of("line-1", "line-2"), Set.of("town-feeder", "town-generator")),
        a.cutSets("town-water", 2).sets());
    assertEquals(List.of(Set.of("grid-town"), Set.of("power-co:shared-1"), Set.of("telecom")),
        b.cutSets("town-water", 2).sets());
    // and the same times: the telecom network down takes the grids 16 hours later
    assertEquals(Optional.of(Duration.ofHours(16)), a.failureTimes("telecom").time("town-water"));
    assertEquals(Optional.of(Duration.ofHours(16)), b.failureTimes("telecom").time("town-water"));
    assertEquals(a.failureTimes("telecom").time("grid"), b.failureTimes("telecom").time("grid"));
    // the fuel distributor alone takes only the county's generator, in both
    assertEquals(a.impact("fuel").failed().stream().filter(id -> !id.startsWith("town-gen")).toList(),
        List.copyOf(b.impact("fuel").failed()));
  }

  @Test
  void differentDelaysInsideAreGivenConservatively() {
    Model whole = Model.builder()
        .organisation("a", "A").organisation("b", "B")
        .function("f", f -> f.owner("b").criticality("vital").requires("s"))
        .resource("s", r -> r.owner("a").requiresAny("x", "y"))
        .resource("x", r -> r.owner("a").requires("in-1").tolerance("PT4H"))
        .resource("y", r -> r.owner("a").requires("in-2").tolerance("PT8H"))
        .resource("in-1", r -> r.owner("b"))
        .resource("in-2", r -> r.owner("b"))
        .build();
    PublicView view = PublicView.of(whole, "a");
    assertFalse(view.exactTimes());
    assertEquals(List.of("s"), view.approximated());
    assertEquals(List.of(new Requirement(List.of("in-1", "in-2"), 1, Duration.ofHours(4))),
        view.model().requireNode("s").requirements());
    // both inputs lost at once: f fails at 8 h in truth, at 4 h in the view — never later
    assertEquals(Optional.of(Duration.ofHours(8)), Analysis.of(whole).failureTimes("in-1", "in-2").time("f"));
    assertEquals(Optional.of(Duration.ofHours(4)), Analysis.of(view.composed()).failureTimes("in-1", "in-2").time("f"));
  }

  @Test
  void anUnknownOrganisationIsRefusedWithAHint() {
    NoSuchElementException e = assertThrows(NoSuchElementException.class,
        () -> PublicView.of(region(), "power-c"));
    assertEquals("no organisation 'power-c' in the model; did you mean 'power-co'?", e.getMessage());
  }

  @Test
  void theViewKeepsTheCommitmentsItsOwnDocumentsWereGiven() {
    Model whole = Model.builder()
        .organisation("a", "A").organisation("b", "B")
        .from("b.yaml")
        .function("f", f -> f.owner("b").criticality("vital").requires("s"))
        .resource("in", r -> r.owner("b"))
        .from("a.yaml")
        .resource("s", r -> r.owner("a").requires("in"))
        .external(External.of("in", NodeKind.RESOURCE, "b").withRto(Duration.ofHours(2)))
        .build();
    assertEquals(List.of(External.of("in", NodeKind.RESOURCE, "b").withRto(Duration.ofHours(2))),
        PublicView.of(whole, "a").model().externals());
  }

  @Test
  void aCycleInsideTheOrganisationSettles() {
    // found by PublicViewProperties: x and y hold each other, z needs x and the other's input;
    // the published service fails when either input of the other organisation does
    Model whole = Model.builder()
        .organisation("a", "A").organisation("b", "B")
        .resource("in-1", r -> r.owner("b"))
        .resource("in-2", r -> r.owner("b"))
        .resource("x", r -> r.owner("a").requires("y"))
        .resource("y", r -> r.owner("a").requires("z").requires("x").requires("in-2"))
        .resource("z", r -> r.owner("a").requiresAll("x", "in-1"))
        .resource("service", r -> r.owner("a").requires("x"))
        .function("f", f -> f.owner("b").criticality("vital").requires("service"))
        .build();
    PublicView view = PublicView.of(whole, "a");
    assertEquals(List.of(Requirement.on("in-1"), Requirement.on("in-2")),
        view.model().requireNode("service").requirements());
    assertTrue(view.exactTimes());
  }
}
