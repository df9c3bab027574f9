package dev.kuja.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.CutSets;
import dev.kuja.analysis.SpofReport;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.simulation.Scenario;
import dev.kuja.simulation.SimulationResult;
import dev.kuja.simulation.Simulator;
import dev.kuja.testing.KujaArbitraries;
import dev.kuja.testing.KujaDomain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import org.junit.jupiter.api.Test;

/**
 * The report computes every analysis once, and what it shares gives the same answers. The
 * properties draw shrinkable models from {@link KujaArbitraries}.
 */
@Domain(DomainContext.Global.class)
@Domain(KujaDomain.class)
class ReportTest {

  @Provide
  Arbitrary<Model> upToTenNodes() {
    return KujaArbitraries.models().nodes(1, 10);
  }

  /**
   * Two hospitals' emergency care on generators that share one fuel supplier of another
   * organisation, and a records system on the county's power.
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
        .function("records-office", f -> f.owner("county").criticality("important")
            .requiresAny("records", "staff"))
        .build();
  }

  static Scenario fuelStrike() {
    return Scenario.builder("Fuel strike").horizon("P7D").disrupt("fuel-supplier", "PT0S", "P5D").build();
  }

  static Scenario staffFlu() {
    return Scenario.builder("Staff flu").horizon("P2D").disrupt("staff", "PT0S", "PT12H").build();
  }

  @Property(tries = 300)
  void cutSetsDerivedFromTheSpofRunEqualTheirOwnComputation(@ForAll Model m) {
    Analysis a = Analysis.of(m);
    Report r = Report.of(m);
    List<Node> functions = m.functions();
    assertEquals(functions.size(), r.cutSets().size());
    for (int i = 0; i < functions.size(); i++) {
      String f = functions.get(i).id();
      assertEquals(a.cutSets(f, 2), r.cutSets().get(i), m::toString);
      assertEquals(a.spofs(f), r.spofs().get(i), m::toString);
      assertSame(r.cutSets().get(i), r.cutSets(f));
    }
  }

  @Property(tries = 200)
  void extendingAnySpofReportEqualsCutSetsOfAnyOrder(
      @ForAll("upToTenNodes") Model m, @ForAll @IntRange(min = 1, max = 4) int order) {
    Analysis a = Analysis.of(m);
    for (Node n : m.nodes()) {
      CutSets expected = a.cutSets(n.id(), order);
      assertEquals(expected, a.cutSets(a.spofs(n.id()), order), () -> n.id() + " in " + m);
    }
  }

  @Property(tries = 300)
  void interfacesFromTheRankingEqualTheirOwnComputation(@ForAll Model m) {
    Analysis a = Analysis.of(m);
    assertEquals(a.interfaces(), a.interfaces(a.ranking()), m::toString);
    assertEquals(a.interfaces(), Report.of(m).interfaces(), m::toString);
    assertEquals(a.ranking(), Report.of(m).ranking(), m::toString);
  }

  @Test
  void theListenerHearsEveryStageInOrder() {
    Model m = hospital();
    SimulationResult flu = Simulator.of(m).run(staffFlu());
    List<String> heard = new ArrayList<>();
    Report r = Report.builder(m).scenario(fuelStrike()).simulation(flu)
        .scenarios(List.of(staffFlu())).listener(heard::add).build();
    assertEquals(List.of("single points of failure 1/2", "single points of failure 2/2", "ranking",
        "interfaces", "recovery objectives", "simulating Fuel strike", "simulating Staff flu"), heard);
    assertEquals(List.of("Fuel strike", "Staff flu", "Staff flu"),
        r.simulations().stream().map(s -> s.scenario().name()).toList());
    assertSame(flu, r.simulations().get(1), "a result given is kept as it is");
    assertEquals(flu, r.simulations().get(2), "a scenario given is simulated");
  }

  @Test
  void theReportHoldsEveryAnalysisOfTheModel() {
    Model m = hospital();
    Analysis a = Analysis.of(m);
    Report r = Report.builder(m).scenario(fuelStrike()).build();
    assertSame(m, r.model());
    assertEquals(a.spofs(), r.spofs());
    assertEquals(List.of(a.cutSets("emergency-care", 2), a.cutSets("records-office", 2)), r.cutSets());
    assertEquals(Set.of("gen-a", "gen-b"), r.cutSets("emergency-care").ofOrder(2).get(0));
    assertEquals(a.spofs("records-office"), r.spofs("records-office"));
    assertEquals(a.ranking(), r.ranking());
    assertEquals(a.interfaces(), r.interfaces());
    assertEquals(List.of(Simulator.of(m).run(fuelStrike())), r.simulations());
    assertTrue(r.mtpdBreached(), "the generators run dry after 72 hours, two days before the strike ends");
  }

  @Test
  void withoutScenariosNothingIsSimulated() {
    Report r = Report.of(hospital());
    assertEquals(List.of(), r.simulations());
    assertFalse(r.mtpdBreached());
    assertTrue(r.toString().contains("no scenario simulated"), r::toString);
  }

  @Test
  void theSummaryCountsWhatEachPartFound() {
    Report r = Report.builder(hospital()).scenario(staffFlu()).build();
    List<String> lines = r.toString().lines().toList();
    assertEquals(7, lines.size(), r::toString);
    assertEquals("Report of " + hospital(), lines.get(0));
    assertEquals("  2 functions: 4 single points of failure (1 common-cause), 4 double points of failure",
        lines.get(1));
    assertTrue(lines.get(2).startsWith("  ranking: "), lines.get(2));
    assertTrue(lines.get(3).startsWith("  interfaces: 2 requirements across organisations, 2 of them"),
        lines.get(3));
    assertEquals("  coordination: 1 pairs of organisations with critical interfaces", lines.get(4));
    // no function has impact thresholds: no risk matrix
    assertEquals("  recovery objectives: 0 declared RTOs longer than required, 0 functions whose "
        + "recovery time is at least their RTO", lines.get(5));
    assertTrue(lines.get(6).startsWith("  scenario 'Staff flu': "), lines.get(6));
  }

  /**
   * The hospital with impact thresholds on emergency care, a fuel strike as a threat of its risk
   * register, and a fuel supplier that promises to deliver again within four days. The report
   * holds the risk matrix of the threat and all causes, and the recovery objectives: the
   * generators hold 72 hours, emergency care has an RTO of 2 hours, so fuel may be out 74 hours
   * — the promise of 4 days is 22 hours too long.
   */
  @Test
  void theRiskMatrixAndTheRecoveryObjectivesArePartOfTheReport() {
    Model m = hospital().toBuilder()
        .edit("fuel-supplier", s -> s.rto("P4D"))
        .edit("emergency-care", f -> f.impact("PT1H", "health", "serious"))
        .threat("strike", t -> t.probability(0.1).duration("P5D").organisation("fuel-co"))
        .build();
    List<String> stages = new ArrayList<>();
    Report r = Report.builder(m).risk(dev.kuja.scenario.MonteCarlo.of(m).seed(3).scenarios(2_000))
        .listener(stages::add).build();
    assertEquals(List.of("single points of failure 1/2", "single points of failure 2/2", "ranking",
        "interfaces", "risk matrix", "recovery objectives"), stages);
    dev.kuja.scenario.RiskMatrix matrix = r.riskMatrix().orElseThrow();
    assertEquals(dev.kuja.scenario.RiskMatrix.of(dev.kuja.scenario.MonteCarlo.of(m).seed(3).scenarios(2_000)),
        matrix);
    assertTrue(matrix.threat("strike").orElseThrow().function("emergency-care").orElseThrow()
        .atLeast().get(dev.kuja.model.ImpactLevel.SERIOUS).contains(0.1), matrix::toString);
    dev.kuja.simulation.NodeObjectives fuel = r.objectives().node("fuel-supplier").orElseThrow();
    assertEquals(Duration.ofHours(74), fuel.requiredRto().orElseThrow().duration());
    assertEquals(java.util.Optional.of(Duration.ofHours(22)), fuel.gap());
    assertTrue(r.toString().contains("risk matrix: 1 threats, 1 threat/function pairs reach an impact level; 2,000 years each"),
        r::toString);
    assertThrows(IllegalArgumentException.class,
        () -> Report.builder(m).risk(dev.kuja.scenario.MonteCarlo.of(hospital())));
  }

  @Test
  void mistakesAreRefused() {
    Model m = hospital();
    Analysis a = Analysis.of(m);
    Report r = Report.of(m);
    assertThrows(NoSuchElementException.class, () -> r.spofs("staff"), "not a function");
    assertThrows(NoSuchElementException.class, () -> r.cutSets("nothing"));
    SpofReport timed = a.spofs("emergency-care", Duration.ofHours(1));
    assertThrows(IllegalArgumentException.class, () -> a.cutSets(timed, 2), "failure sets know no time");
    assertThrows(IllegalArgumentException.class, () -> a.cutSets(a.spofs("emergency-care"), 0));
    assertThrows(IllegalArgumentException.class,
        () -> a.cutSets(a.spofs("emergency-care"), Analysis.MAX_CUT_SET_ORDER + 1));
    Model other = Model.builder().name("other").resource("grid")
        .function("care", f -> f.criticality("vital").requires("grid")).build();
    assertThrows(IllegalArgumentException.class, () -> a.interfaces(Analysis.of(other).ranking()),
        "a ranking of another model");
  }

  @Test
  void theCoordinationIsReadOffTheSpofChains() {
    Report r = Report.of(hospital());
    // fuel-supplier is a common-cause SPOF of emergency-care (vital): fuel-supplier -> gen-b ->
    // power -> emergency-care crosses from the county to the fuel company at gen-b; the
    // records office is only important and does not count
    assertEquals(new Coordination(List.of("county", "fuel-co"), List.of(new Coordination.Pair("county", "fuel-co",
            List.of(new Coordination.CriticalInterface("gen-b", "fuel-supplier", 0, false, List.of("emergency-care")))))),
        r.coordination());
    assertEquals(String.join("\n",
        "needs \\ from  county  fuel-co",
        "county             -        1",
        "fuel-co            .        -"), r.coordination().matrix().replace(System.lineSeparator(), "\n"));
    assertEquals(List.of(), r.commitments().checks(), "no externals, no commitments");
  }
}
