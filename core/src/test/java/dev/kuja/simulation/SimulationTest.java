package dev.kuja.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.kuja.model.Model;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Timelines worked out by hand from the rules of docs/cascades.md#the-three-rules. */
class SimulationTest {

  static Duration h(long hours) {
    return Duration.ofHours(hours);
  }

  static List<String> spans(SimulationResult r, String node) {
    List<String> out = new ArrayList<>();
    for (Outage o : r.timeline(node)) {
      out.add(o.from() + ".." + o.to().map(Duration::toString).orElse("open"));
    }
    return out;
  }

  /** A data centre behind a 30-minute UPS, with a two-hour restart after power returns. */
  static Model dataCentre() {
    return Model.builder()
        .resource("grid")
        .resource("ups-room", r -> r.requires("grid").tolerance("PT30M"))
        .resource("dc", r -> r.requires("grid").recovery("PT2H"))
        .function("records", f -> f.criticality("vital").mtpd("PT1H").requires("ups-room"))
        .build();
  }

  @Test
  void theUpsRunsOutAfterThirtyMinutes() {
    SimulationResult r = Simulator.of(dataCentre()).run(
        Scenario.builder("grid 2 h").horizon("PT12H").disrupt("grid", "PT0S", "PT2H").build());
    // grid [0, 2h); the UPS room's requirement breaks at 0 and bites at 30 min; power returns
    // at 2 h and with no recovery time the room and the records come back at once
    assertEquals(List.of("PT0S..PT2H"), spans(r, "grid"));
    assertEquals(List.of("PT30M..PT2H"), spans(r, "ups-room"));
    assertEquals(List.of("PT30M..PT2H"), spans(r, "records"));
    FunctionOutcome records = r.function("records").orElseThrow();
    assertEquals(Optional.of(Duration.ofMinutes(30)), records.firstImpact());
    assertEquals(Duration.ofMinutes(90), records.downtime());
    assertTrue(records.mtpdExceeded());
    assertEquals(Duration.ofMinutes(30), records.mtpdExcess());
  }

  @Test
  void aShortBlipIsBridgedByTheUps() {
    SimulationResult r = Simulator.of(dataCentre()).run(
        Scenario.builder("blip").horizon("PT12H").disrupt("grid", "PT1H", "PT30M").build());
    // the requirement is broken on [1h, 1h30m): exactly the tolerance, so it never bites
    assertEquals(List.of(), spans(r, "ups-room"));
    assertFalse(r.function("records").orElseThrow().affected());
  }

  @Test
  void recoveryTimeRunsAfterPowerReturns() {
    SimulationResult r = Simulator.of(dataCentre()).run(
        Scenario.builder("grid 1 h").horizon("PT12H").disrupt("grid", "PT0S", "PT1H").build());
    // dc's cause is [0, 1h); it stays down for its 2-hour recovery after: [0, 3h)
    assertEquals(List.of("PT0S..PT3H"), spans(r, "dc"));
  }

  /** A hospital with grid power and two generators holding 72 h of fuel each. */
  static Model hospital() {
    return Model.builder()
        .organisation("county", "County")
        .resource("grid")
        .supplier("fuel-delivery")
        .resource("gen-1", g -> g.requires("fuel-delivery").tolerance("PT72H").recovery("PT1H"))
        .resource("gen-2", g -> g.requires("fuel-delivery").tolerance("PT72H").recovery("PT1H"))
        .resource("power", p -> p.requiresAny("grid", "gen-1", "gen-2"))
        .function("emergency-care", f -> f.owner("county").criticality("vital").mtpd("PT4H")
            .rto("PT2H").requires("power"))
        .build();
  }

  static Scenario storm(String duration) {
    return Scenario.builder("storm " + duration).horizon("P7D")
        .disrupt("grid", "PT0S", duration).disrupt("fuel-delivery", "PT0S", duration).build();
  }

  @Test
  void fortyEightHoursOfStormAreBridgedByTheFuelStock() {
    SimulationResult r = Simulator.of(hospital()).run(storm("PT48H"));
    // fuel is missing on [0, 48h), shorter than the 72 h in the tanks: generators never stop
    assertEquals(List.of(), spans(r, "gen-1"));
    assertEquals(List.of(), spans(r, "power"));
    assertTrue(r.mtpdBreaches().isEmpty());
  }

  @Test
  void ninetySixHoursOfStormEmptyTheTanks() {
    SimulationResult r = Simulator.of(hospital()).run(storm("PT96H"));
    // the tanks run dry at 72 h; the grid returns at 96 h, so power is back then; the
    // generators, refuelled at 96 h, need their hour to restart: [72h, 97h)
    assertEquals(List.of("PT72H..PT97H"), spans(r, "gen-1"));
    assertEquals(List.of("PT72H..PT96H"), spans(r, "power"));
    FunctionOutcome care = r.function("emergency-care").orElseThrow();
    assertEquals(List.of("PT72H..PT96H"), spans(r, "emergency-care"));
    assertEquals(h(24), care.longestOutage());
    assertTrue(care.mtpdExceeded());
    assertEquals(h(20), care.mtpdExcess());
    assertTrue(care.rtoExceeded());
    // why: emergency-care <- power <- a generator <- the disrupted fuel deliveries
    CausalChain chain = care.chains().get(0);
    assertEquals(4, chain.links().size(), chain::toString);
    assertEquals(List.of("emergency-care", "power"), chain.nodes().subList(0, 2));
    assertTrue(Set.of("gen-1", "gen-2").contains(chain.nodes().get(2)));
    assertEquals("fuel-delivery", chain.nodes().get(3));
    assertInstanceOf(Cause.Disrupted.class, chain.links().get(3).cause());
    Cause.RequirementLost lost = (Cause.RequirementLost) chain.links().get(2).cause();
    assertEquals(Duration.ZERO, lost.since());
    assertEquals(h(72), lost.requirement().tolerance());
  }

  @Test
  void theReportReadsWell() {
    String report = Simulator.of(hospital()).run(storm("PT96H")).toString();
    assertTrue(report.startsWith("Scenario 'storm PT96H' over P7D: 6 nodes went down, "
        + "1 of 1 functions affected, 1 MTPD breached"), report);
    assertTrue(report.contains("emergency-care P3D        P1D        P1D        PT4H     +PT20H"),
        report);
    assertTrue(report.contains("locked (need a black start): none"), report);
    assertTrue(report.contains("why emergency-care:"), report);
  }

  /** Grid control needs telecom (2 h battery); telecom needs the grid (4 h battery). */
  static Model powerTelecom(String recovery) {
    return Model.builder()
        .resource("transmission")
        .resource("grid", g -> g.requires("transmission").requires("telecom").tolerance("PT2H")
            .recovery(recovery))
        .resource("telecom", t -> t.requires("grid").tolerance("PT4H").recovery(recovery))
        .function("water", f -> f.criticality("vital").requires("grid"))
        .build();
  }

  @Test
  void telecomRidesOutAGridOutageThatEndsAsItsBatteriesDo() {
    SimulationResult r = Simulator.of(powerTelecom("PT1H")).run(Scenario.builder("3 h").horizon("P1D")
        .disrupt("transmission", "PT0S", "PT3H").build());
    // grid: cause [0, 3h) + 1 h recovery = [0, 4h). Telecom's requirement is broken on
    // [0, 4h): exactly its 4 h tolerance, so it never bites
    assertEquals(List.of("PT0S..PT4H"), spans(r, "grid"));
    assertEquals(List.of(), spans(r, "telecom"));
    assertTrue(r.locked().isEmpty());
  }

  @Test
  void aLongerOutageLocksTheCycle() {
    SimulationResult r = Simulator.of(powerTelecom("PT1H")).run(Scenario.builder("6 h").horizon("P1D")
        .disrupt("transmission", "PT0S", "PT6H").build());
    // telecom fails at 4 h; at 6 h transmission returns but the grid's requirement on telecom
    // has been broken since 4 h, past its 2 h tolerance: the grid stays down, telecom too
    assertEquals(List.of("PT0S..open"), spans(r, "grid"));
    assertEquals(List.of("PT4H..open"), spans(r, "telecom"));
    assertEquals(Set.of("grid", "telecom", "water"), r.locked());
    assertTrue(r.toString().contains("locked (need a black start): grid, telecom, water"));
  }

  @Test
  void withoutRecoveryTimesTheCycleComesBackTogether() {
    SimulationResult r = Simulator.of(powerTelecom("PT0S")).run(Scenario.builder("6 h").horizon("P1D")
        .disrupt("transmission", "PT0S", "PT6H").build());
    // at 6 h neither grid nor telecom has a cause of its own: the least solution is both up
    assertEquals(List.of("PT0S..PT6H"), spans(r, "grid"));
    assertEquals(List.of("PT4H..PT6H"), spans(r, "telecom"));
    assertTrue(r.locked().isEmpty());
  }

  @Test
  void organisationAndTagDisruptionsHitEveryMatchingNode() {
    Model m = Model.builder()
        .organisation("city", "City")
        .resource("a", x -> x.owner("city").tags("north"))
        .resource("b", x -> x.owner("city"))
        .resource("c", x -> x.tags("north"))
        .build();
    SimulationResult r = Simulator.of(m).run(Scenario.builder("mixed").horizon("PT10H")
        .disruptOrganisation("city", "PT1H", "PT2H").disruptTag("north", "PT2H").build());
    // a: [1h, 3h) ∪ [2h, ∞) = [1h, ∞); b: [1h, 3h); c: [2h, ∞)
    assertEquals(List.of("PT1H..open"), spans(r, "a"));
    assertEquals(List.of("PT1H..PT3H"), spans(r, "b"));
    assertEquals(List.of("PT2H..open"), spans(r, "c"));
    assertTrue(r.isDown("b", h(2)) && !r.isDown("b", h(3)));
  }

  @Test
  void theListenerHearsEveryChangeInOrder() {
    List<String> heard = new ArrayList<>();
    SimulationResult r = Simulator.of(hospital())
        .listener((t, node, down, cause) -> heard.add(t + " " + node + (down ? " down" : " up")))
        .run(storm("PT96H"));
    long changes = r.timelines().values().stream().flatMap(List::stream)
        .mapToLong(o -> o.to().isPresent() ? 2 : 1).sum();
    assertEquals(changes, heard.size());
    assertEquals("PT0S grid down", heard.get(0));
    assertTrue(heard.contains("PT96H power up"), heard::toString);
    List<Duration> times = heard.stream().map(s -> Duration.parse(s.split(" ")[0])).toList();
    assertEquals(times.stream().sorted().toList(), times);
  }

  @Test
  void scenarioMistakesAreAllReported() {
    ScenarioValidationException e = assertThrows(ScenarioValidationException.class,
        () -> Scenario.builder("bad").disrupt("grid", "soon", "PT1H").disrupt("grid", "PT0S", "PT0S")
            .build());
    assertEquals(List.of(
        "disruption 1 (grid), start: 'soon' is not an ISO-8601 duration (examples: PT15M, PT4H, P2D)",
        "horizon: a scenario needs a horizon, e.g. P7D",
        "disruption 2 (grid): duration must be positive, not PT0S (leave it out for an open-ended disruption)"),
        e.problems().stream().map(Object::toString).toList());
  }

  @Test
  void scenarioThatDoesNotFitTheModelIsRefusedWithEveryProblem() {
    Scenario s = Scenario.builder("typos").horizon("P1D")
        .disrupt("gird", "PT0S", "PT1H").disruptOrganisation("county", "PT0S")
        .disruptTag("nowhere", "PT0S").build();
    ScenarioValidationException e =
        assertThrows(ScenarioValidationException.class, () -> Simulator.of(dataCentre()).run(s));
    assertEquals(List.of(
        "disruption 1 (gird): no node 'gird' in the model; did you mean 'grid'?",
        "disruption 2 (organisation county): no organisation 'county' in the model",
        "disruption 3 (tag nowhere): no node has the tag 'nowhere'"),
        e.problems().stream().map(Object::toString).toList());
    assertTrue(e.getMessage().startsWith("Scenario 'typos' has 3 problems:"));
  }

  @Test
  void aCycleWhoseRecoveriesOutlastItsTolerancesBlinksForEverAndIsNotLocked() {
    // a and b need each other with 5 h of tolerance and take 5 h to recover. a is disrupted
    // for 1 h: b's tolerance runs out at 5 h; a is back at 6 h, b at 11 h — but a's
    // requirement on b has been broken since 5 h and bites at 10 h; and so on, every 5 h
    Model m = Model.builder()
        .resource("a", r -> r.recovery("PT5H").requires("b").tolerance("PT5H"))
        .resource("b", r -> r.recovery("PT5H").requires("a").tolerance("PT5H"))
        .build();
    SimulationResult r = Simulator.of(m).run(
        Scenario.builder("blink").horizon("PT30H").disrupt("a", "PT0S", "PT1H").build());
    assertEquals(List.of("PT0S..PT6H", "PT10H..PT16H", "PT20H..PT26H"), spans(r, "a"));
    assertEquals(List.of("PT5H..PT11H", "PT15H..PT21H", "PT25H..open"), spans(r, "b"));
    assertEquals(Set.of(), r.locked());
  }

  @Test
  void aTargetSaysWhichNodesItHitsAndWhatIsWrongWithIt() {
    Model m = Model.builder().organisation("city", "City").organisation("empty", "Empty")
        .resource("grid", r -> r.owner("city").tags("north"))
        .resource("pump", r -> r.owner("city"))
        .build();
    assertEquals(List.of("grid", "pump"), new dev.kuja.model.Target.OfOrganisation("city").nodesIn(m)
        .stream().map(dev.kuja.model.Node::id).toList());
    assertEquals(Optional.empty(), new dev.kuja.model.Target.OfTag("north").problemIn(m));
    assertEquals(List.of(), new dev.kuja.model.Target.OfOrganisation("empty").nodesIn(m));
    assertEquals(Optional.empty(), new dev.kuja.model.Target.OfOrganisation("empty").problemIn(m));
    assertEquals(Optional.of("no organisation 'town' in the model"),
        new dev.kuja.model.Target.OfOrganisation("town").problemIn(m));
    assertTrue(new dev.kuja.model.Target.OfNode("grdi").problemIn(m).orElseThrow().contains("did you mean 'grid'"));
    assertEquals(List.of(), new dev.kuja.model.Target.OfNode("grdi").nodesIn(m));
  }
}
