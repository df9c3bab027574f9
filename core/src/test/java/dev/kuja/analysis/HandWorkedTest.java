package dev.kuja.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.kuja.model.Model;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Small models whose answers are worked out by hand in the comments. */
class HandWorkedTest {

  /**
   * A hospital running on its own power plant: two generators, each with 72 h of fuel, both
   * filled by the same fuel supplier. Patient records run on that power behind a 30-minute UPS.
   *
   * <pre>
   * emergency-care ── power ── any of {gen-a, gen-b} ── fuel-supplier (tolerance 72 h each)
   *                └─ all of {records, staff};  records ── power (tolerance 30 min)
   * </pre>
   */
  static Model hospital() {
    return Model.builder()
        .name("hospital")
        .organisation("county", "Wellbeing services county", "wellbeing-services-county")
        .organisation("fuel-co", "Fuel company", "company")
        .supplier("fuel-supplier", s -> s.owner("fuel-co"))
        .resource("gen-a", r -> r.owner("county").requires("fuel-supplier").tolerance("PT72H"))
        .resource("gen-b", r -> r.owner("county").requires("fuel-supplier").tolerance("PT72H"))
        .resource("power", r -> r.owner("county").requiresAny("gen-a", "gen-b"))
        .resource("records", r -> r.owner("county").requires("power").tolerance("PT30M"))
        .resource("staff", r -> r.owner("county"))
        .function("emergency-care", f -> f.owner("county").criticality("vital").mtpd("PT4H").rto("PT2H")
            .requires("power").requiresAll("records", "staff"))
        .build();
  }

  @Nested
  class Hospital {
    final Analysis a = Analysis.of(hospital());

    @Test
    void theSharedFuelSupplierIsACommonCauseSpof() {
      SpofReport r = a.spofs("emergency-care");
      // power, records and staff sit on serial requirements: direct. The fuel supplier takes
      // both generators, so "any of" fails: common-cause. Neither generator alone matters.
      assertEquals(Set.of("power", "records", "staff", "fuel-supplier"), Set.copyOf(r.nodes()));
      assertEquals(List.of("fuel-supplier"), r.commonCause().stream().map(Spof::node).toList());
      assertEquals(List.of("power", "records", "staff"),
          r.direct().stream().map(Spof::node).sorted().toList());
      Spof fuel = r.commonCause().get(0);
      assertEquals("fuel-supplier", fuel.path().get(0));
      assertTrue(Set.of("gen-a", "gen-b").contains(fuel.path().get(1)), fuel::toString);
      assertEquals(List.of("power", "emergency-care"), fuel.path().subList(2, 4));
      assertEquals(List.of("records", "emergency-care"), r.spofs().stream()
          .filter(s -> s.node().equals("records")).findFirst().orElseThrow().path());
    }

    @Test
    void fuelInTheTanksKeepsTheSupplierOutOfAShortHorizon() {
      // the tanks last 72 h: within 48 h losing the supplier harms nothing; within 4 days it does
      assertFalse(a.spofs("emergency-care", Duration.ofHours(48)).contains("fuel-supplier"));
      assertTrue(a.spofs("emergency-care", Duration.ofDays(4)).contains("fuel-supplier"));
      assertTrue(a.spofs("emergency-care", Duration.ZERO).contains("power"));
      // records lose power at once but their UPS holds 30 minutes
      assertEquals(Duration.ofMinutes(30), a.failureTimes("power").time("records").orElseThrow());
    }

    @Test
    void failureTimesFollowTheBuffers() {
      // fuel-supplier at 0; both generators at 72 h; power at 72 h (its last alternative gone);
      // emergency-care at 72 h via power; records at 72 h 30 min via the UPS.
      FailureTimes t = a.failureTimes("fuel-supplier");
      assertEquals(Map.of(
          "fuel-supplier", Duration.ZERO,
          "gen-a", Duration.ofHours(72),
          "gen-b", Duration.ofHours(72),
          "power", Duration.ofHours(72),
          "emergency-care", Duration.ofHours(72),
          "records", Duration.ofHours(72).plusMinutes(30)), t.times());
      assertEquals(Set.of("fuel-supplier"), t.failedBy(Duration.ofHours(71)));
      assertEquals(List.of("fuel-supplier", "emergency-care", "gen-a", "gen-b", "power", "records"),
          List.copyOf(t.times().keySet()), "ordered by time, then id");
    }

    @Test
    void oneGeneratorIsNotEnoughToFailButBothAre() {
      assertEquals(Set.of("gen-a"), a.impact("gen-a").failed());
      assertEquals(Set.of("gen-a", "gen-b", "power", "records", "emergency-care"),
          a.impact("gen-a", "gen-b").failed());
      assertEquals(Set.of("emergency-care"), a.impact("gen-a", "gen-b").functions());
      // within 10 minutes the records still run on their UPS
      assertFalse(a.impact(List.of("gen-a", "gen-b"), Duration.ofMinutes(10)).contains("records"));
    }

    @Test
    void cutSetsOfOrderTwoAddTheGeneratorPair() {
      CutSets c = a.cutSets("emergency-care", 2);
      assertEquals(List.of(Set.of("fuel-supplier"), Set.of("power"), Set.of("records"),
          Set.of("staff"), Set.of("gen-a", "gen-b")), c.sets());
      assertEquals(List.of(Set.of("gen-a", "gen-b")), c.ofOrder(2));
      // order 3 adds nothing: every larger killing set contains one of these
      assertEquals(c.sets(), a.cutSets("emergency-care", 3).sets());
    }

    @Test
    void rankingPutsTheSpofsOfTheVitalFunctionFirst() {
      Ranking r = a.ranking();
      assertEquals(List.of("fuel-supplier", "power", "records", "staff"),
          r.critical().stream().map(Ranking.Entry::node).toList());
      assertEquals(8.0, r.entry("fuel-supplier").orElseThrow().score());
      assertEquals(List.of("emergency-care"), r.entry("power").orElseThrow().functions());
      assertEquals(0.0, r.entry("gen-a").orElseThrow().score());
      assertEquals(List.of(), r.entry("emergency-care").orElseThrow().functions(),
          "a function is not counted as its own SPOF");
    }

    @Test
    void dependencyTiersFollowTheSupplyChain() {
      DependencyClosure d = a.dependencies("emergency-care");
      assertEquals(List.of("power", "records", "staff"), d.atTier(1));
      assertEquals(List.of("gen-a", "gen-b"), d.atTier(2));
      assertEquals(List.of("fuel-supplier"), d.atTier(3));
      assertEquals(3, d.depth());
      DependencyClosure up = a.dependents("fuel-supplier");
      assertEquals(2, up.tier("power").orElseThrow());
      assertEquals(3, up.tier("emergency-care").orElseThrow());
    }

    @Test
    void theFuelInterfaceIsASpofOfEmergencyCare() {
      InterfaceReport r = a.interfaces();
      assertEquals(1, r.groups().size());
      InterfaceReport.Group g = r.groups().get(0);
      assertEquals("county", g.dependentOrganisation());
      assertEquals("fuel-co", g.providerOrganisation());
      assertEquals(List.of("gen-a", "gen-b"),
          g.interfaces().stream().map(InterfaceReport.Interface::dependent).toList());
      assertTrue(g.interfaces().stream().allMatch(i -> i.spofOf().equals(List.of("emergency-care"))));
      assertFalse(g.interfaces().get(0).redundant());
    }

    @Test
    void resultsReadWellInJShell() {
      String spofs = a.spofs("emergency-care").toString();
      assertTrue(spofs.startsWith("SPOFs of emergency-care: 4 (3 direct, 1 common-cause)"), spofs);
      assertTrue(spofs.contains("common-cause  fuel-supplier"), spofs);
      assertTrue(a.ranking().toString().contains("1. fuel-supplier"), a.ranking()::toString);
      assertTrue(a.cutSets("emergency-care", 2).toString().contains("order 2 (1): {gen-a, gen-b}"));
    }

    @Test
    void unknownIdsAreRefusedWithAHint() {
      NoSuchElementException e =
          assertThrows(NoSuchElementException.class, () -> a.spofs("emergency-cara"));
      assertEquals("no node 'emergency-cara' in the model; did you mean 'emergency-care'?", e.getMessage());
      assertThrows(NoSuchElementException.class, () -> a.impact("nowhere"));
      assertThrows(IllegalArgumentException.class, () -> a.cutSets("emergency-care", 0));
      assertThrows(IllegalArgumentException.class,
          () -> a.impact(List.of("power"), Duration.ofHours(-1)));
    }
  }

  /**
   * The grid's control system needs telecom (2 h of SCADA battery); the telecom network needs
   * the grid (4 h of base-station battery). Water distribution needs both.
   */
  static Model powerTelecom() {
    return Model.builder()
        .organisation("utility", "Electricity distribution company")
        .organisation("operator", "Telecom operator")
        .organisation("city", "City")
        .resource("transmission", r -> r.owner("utility"))
        .resource("grid", r -> r.owner("utility").requires("transmission")
            .requires("telecom").tolerance("PT2H"))
        .resource("telecom", r -> r.owner("operator").requires("grid").tolerance("PT4H"))
        .function("water", f -> f.owner("city").criticality("vital").requires("grid").requires("telecom"))
        .build();
  }

  @Nested
  class PowerTelecomCycle {
    final Analysis a = Analysis.of(powerTelecom());

    @Test
    void aCycleWithoutACauseStaysUp() {
      assertEquals(Set.of("water"), a.impact("water").failed());
    }

    @Test
    void lossOfTransmissionTakesTheGridNowAndTelecomAfterItsBatteries() {
      FailureTimes t = a.failureTimes("transmission");
      assertEquals(Duration.ZERO, t.time("grid").orElseThrow());
      assertEquals(Duration.ZERO, t.time("water").orElseThrow());
      assertEquals(Duration.ofHours(4), t.time("telecom").orElseThrow());
      assertEquals(Set.of("transmission", "grid", "water"),
          a.impact(List.of("transmission"), Duration.ofHours(3)).failed());
      assertEquals(Set.of("transmission", "grid", "water", "telecom"), a.impact("transmission").failed());
    }

    @Test
    void lossOfTelecomTakesTheGridAfterTwoHours() {
      assertEquals(Duration.ofHours(2), a.failureTimes("telecom").time("grid").orElseThrow());
    }

    @Test
    void everyNodeOfTheCycleIsADirectSpofOfWater() {
      SpofReport r = a.spofs("water");
      assertEquals(List.of("grid", "telecom", "transmission"), r.nodes());
      assertTrue(r.commonCause().isEmpty());
      assertEquals(List.of("transmission", "grid", "water"), r.spofs().get(2).path());
      // within one hour only the immediate ones count: transmission reaches water through the
      // grid at once; telecom reaches water directly at once too.
      assertEquals(List.of("grid", "telecom", "transmission"),
          a.spofs("water", Duration.ofHours(1)).nodes());
    }

    @Test
    void cutSetsTerminateOnTheCycle() {
      assertEquals(List.of(Set.of("grid"), Set.of("telecom"), Set.of("transmission")),
          a.cutSets("water", 3).sets());
    }

    @Test
    void interfacesAreGroupedByOrganisationPair() {
      InterfaceReport r = a.interfaces();
      assertEquals(4, r.interfaces().size());
      InterfaceReport.Group cityUtility = r.groups().stream()
          .filter(g -> g.dependentOrganisation().equals("city") && g.providerOrganisation().equals("utility"))
          .findFirst().orElseThrow();
      assertEquals(List.of("water"), cityUtility.interfaces().get(0).spofOf());
      assertTrue(r.toString().contains("city -> utility: 1 interfaces, 1 SPOF"), r::toString);
    }
  }

  /**
   * Water supply needs two of three pumps. Pumps 1 and 2 hang on power feed A, pump 3 on feed B.
   * Feed A takes two pumps at once: a common-cause SPOF. Feed B takes one: not a SPOF.
   */
  static Model pumps() {
    return Model.builder()
        .resource("power-a").resource("power-b")
        .resource("pump-1", r -> r.requires("power-a"))
        .resource("pump-2", r -> r.requires("power-a"))
        .resource("pump-3", r -> r.requires("power-b"))
        .function("water-supply", f -> f.criticality("critical")
            .requiresKOf(2, "pump-1", "pump-2", "pump-3").tolerance("PT2H"))
        .build();
  }

  @Nested
  class TwoOfThreePumps {
    final Analysis a = Analysis.of(pumps());

    @Test
    void feedAIsACommonCauseSpofAndFeedBIsNot() {
      SpofReport r = a.spofs("water-supply");
      assertEquals(List.of("power-a"), r.nodes());
      assertTrue(r.spofs().get(0).commonCause());
    }

    @Test
    void oneLostPumpIsTolerated() {
      assertEquals(Set.of("pump-3"), a.impact("pump-3").failed());
      assertEquals(Set.of("pump-1", "pump-3", "water-supply"), a.impact("pump-1", "pump-3").failed());
      // the reservoir bridges two hours
      assertEquals(Duration.ofHours(2),
          a.failureTimes("pump-1", "pump-3").time("water-supply").orElseThrow());
      assertFalse(a.spofs("water-supply", Duration.ofHours(1)).contains("power-a"));
    }

    @Test
    void doublePointsOfFailureAreEveryPairTakingTwoPumps() {
      // pairs that fail two pumps and do not contain power-a:
      // {pump-1, pump-2}, {pump-1, pump-3}, {pump-1, power-b}, {pump-2, pump-3}, {pump-2, power-b}
      CutSets c = a.cutSets("water-supply", 2);
      assertEquals(List.of(Set.of("power-a"), Set.of("power-b", "pump-1"), Set.of("power-b", "pump-2"),
          Set.of("pump-1", "pump-2"), Set.of("pump-1", "pump-3"), Set.of("pump-2", "pump-3")), c.sets());
    }
  }
}
