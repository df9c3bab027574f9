package dev.kuja.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Threats, impact thresholds and restoration commitments as model data, and their validation. */
class RiskDataTest {

  private static Model.Builder base() {
    return Model.builder()
        .organisation("power-co", "Power company")
        .organisation("empty-co", "Owns nothing")
        .resource("grid", r -> r.owner("power-co").tags("overhead-lines"))
        .resource("substation", r -> r.owner("power-co"))
        .function("care", f -> f.criticality("vital").mtpd("PT4H").requires("grid"));
  }

  private static List<String> problems(Model.Builder b) {
    ModelValidationException e = assertThrows(ModelValidationException.class, b::build);
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void threatsAreModelDataWithTheirOwnIds() {
    Threat storm = Threat.builder("storm").name("Winter storm").ratePerYear(0.3)
        .duration(new RepairTime.LogNormal(Duration.ofHours(20), 0.7)).tag("overhead-lines")
        .organisation("power-co").build();
    // a threat may share an id with a node: separate id spaces
    Model m = base().threat(storm).threat("grid", t -> t.probability(0.01).nodes("grid")).build();
    assertEquals(List.of("storm", "grid"), m.threats().stream().map(Threat::id).toList());
    assertEquals(Optional.of(storm), m.threat("storm"));
    assertEquals(m, m.toBuilder().build());
    assertNotEquals(m, m.toBuilder().removeThreat("grid").build());
    assertTrue(m.toString().endsWith(", 2 threats"), m.toString());
    assertEquals(List.of(Target.tag("overhead-lines"), Target.organisation("power-co")), storm.targets());
    assertEquals(List.of("grid", "substation"),
        Target.organisation("power-co").nodesIn(m).stream().map(Node::id).toList());
  }

  @Test
  void everyProblemOfEveryThreatAtOnceAfterTheNodes() {
    List<String> p = problems(base()
        .function("bad", f -> f.criticality("vital").mtpd("PT1H").rto("PT2H"))
        .threat(Threat.builder("storm").ratePerYear(-1).nodes("gird").organisation("nobody")
            .organisation("empty-co").tag("underground").build())
        .threat(Threat.builder("no targets").name(" ").build())
        .threat(Threat.builder("odd").probability(1.5)
            .duration(new RepairTime.Uniform(Duration.ofHours(5), Duration.ofHours(2))).nodes("grid").build())
        .threat(Threat.builder("storm").probability(0.1).nodes("grid").build()));
    assertEquals(List.of(
        "node 'bad' (rto): RTO PT2H is longer than MTPD PT1H; the recovery objective must fit inside the tolerable disruption",
        "threat 'storm' (id): threat id 'storm' is used more than once",
        "threat 'storm' (rate): rate -1.0 per year must be a finite non-negative number",
        "threat 'storm', target 1: names node 'gird', which is not a node; did you mean 'grid'?",
        "threat 'storm', target 2: names organisation 'nobody', which is not an organisation of the model",
        "threat 'storm', target 3: organisation 'empty-co' owns no node, so the threat would disrupt nothing there",
        "threat 'storm', target 4: no node has the tag 'underground'",
        "threat 'no targets' (id): id 'no targets' may contain only letters, digits and _ . : / @ + - "
            + "(no spaces, commas or bars), and must start with a letter, digit or _",
        "threat 'no targets' (name): name must not be empty",
        "threat 'no targets' (rate): a threat needs a rate per year or a probability per period",
        "threat 'no targets' (targets): the threat disrupts nothing: give it targets (nodes, organisations or tags)",
        "threat 'odd' (probability): probability 1.5 is not between 0 and 1",
        "threat 'odd' (duration): uniform duration has min PT5H above max PT2H"), p);
  }

  @Test
  void anyNodeMayDeclareAnRtoButOnlyFunctionsHaveImpacts() {
    Model m = base().supplier("fuel", s -> s.rto("PT8H")).build();
    assertEquals(Optional.of(Duration.ofHours(8)), m.requireNode("fuel").rto());
    assertEquals(List.of("node 'fuel' (impacts): only functions have impacts; this node is a supplier",
            "node 'fuel' (rto): rto must not be negative (PT-1H)"),
        problems(base().supplier("fuel", s -> s.rto(Duration.ofHours(-1))
            .impact(ImpactThreshold.of(Duration.ZERO, "health", ImpactLevel.MINOR)))));
  }

  @Test
  void impactLevelsOfACategoryRiseWithTime() {
    Model m = base().function("water", f -> f.criticality("vital")
        .impact("PT1H", "health", "serious").impact("PT4H", "health", "catastrophic")
        .impact(ImpactThreshold.of(Duration.ofDays(1), "finance", ImpactLevel.MODERATE)
            .withNote("overtime and outsourcing"))).build();
    Node water = m.requireNode("water");
    assertEquals(List.of("health", "finance"), water.impactCategories());
    assertEquals(Optional.empty(), water.impactLevelAfter(Duration.ZERO));
    assertEquals(Optional.empty(), water.impactLevelAfter(Duration.ofMinutes(59)));
    assertEquals(Optional.of(ImpactLevel.SERIOUS), water.impactLevelAfter(Duration.ofHours(1)));
    assertEquals(Optional.of(ImpactLevel.CATASTROPHIC), water.impactLevelAfter(Duration.ofDays(2)));

    assertEquals(List.of(
        "node 'f', impact 2 (level): category 'health' is moderate after PT4H but already serious after PT1H "
            + "(impact 1); levels of a category must rise with time",
        "node 'f', impact 3 (after): impact 1 of category 'health' is also reached after PT1H; "
            + "give each category one level per time",
        "node 'f', impact 3 (level): category 'health' is moderate after PT4H but already severe after PT1H "
            + "(impact 2); levels of a category must rise with time",
        "node 'f', impact 4 (category): category must not be empty",
        "node 'f', impact 5 (after): after is finer than a millisecond (PT0.0000001S); "
            + "Kuja keeps times to the millisecond",
        "node 'f', requirement 1 (alternatives): names 'nowhere', which is not a node"),
        problems(base().function("f", f -> f.criticality("vital").requires("nowhere")
            .impact("PT1H", "health", "serious").impact("PT4H", "health", "moderate")
            .impact("PT1H", "health", "severe").impact("PT2H", " ", "minor")
            .impact(ImpactThreshold.of(Duration.ofNanos(100), "finance", ImpactLevel.MINOR)))));
    assertEquals(List.of("node 'f', impact 1 (level): 'awful' is not an impact level "
            + "(minor, moderate, serious, severe, catastrophic)"),
        problems(base().function("f", f -> f.criticality("vital").impact("PT1H", "health", "awful"))));
  }

  @Test
  void impactLevelsHaveFinnishNames() {
    assertEquals(List.of("vähäinen", "kohtalainen", "merkittävä", "vakava", "erittäin vakava"),
        java.util.Arrays.stream(ImpactLevel.values()).map(ImpactLevel::finnish).toList());
    assertEquals(Optional.of(ImpactLevel.SEVERE), ImpactLevel.parse("Vakava"));
    assertEquals(Optional.of(ImpactLevel.CATASTROPHIC), ImpactLevel.parse("catastrophic"));
    assertEquals(5, ImpactLevel.CATASTROPHIC.rank());
  }

  /**
   * The worst case of a threat is its fixed duration, or the 95th percentile of its duration
   * rounded up to the minute: exponential with mean 10 h: −10 h · ln 0.05 = 10 h · 2.995732 =
   * 29.957 h = 29 h 57 min 26 s, so 29 h 58 min; uniform 2–12 h: 2 h + 0.95 · 10 h = 11 h 30 min
   * exactly; log-normal median 20 h, σ = 0.7: 20 h · e^(0.7 · 1.644854) = 20 h · e^1.151398 =
   * 20 h · 3.16266 = 63.2532 h = 63 h 15 min 11.5 s, so 63 h 16 min.
   */
  @Test
  void theWorstCaseIsTheNinetyFifthPercentile() {
    Threat.Builder t = Threat.builder("t").probability(0.1).nodes("grid");
    assertEquals(Optional.of(Duration.ofDays(2)), t.duration("P2D").build().worstCaseDuration());
    assertEquals(Optional.of(Duration.ofHours(29).plusMinutes(58)),
        t.duration(new RepairTime.Exponential(Duration.ofHours(10))).build().worstCaseDuration());
    assertEquals(Optional.of(Duration.ofMinutes(690)),
        t.duration(new RepairTime.Uniform(Duration.ofHours(2), Duration.ofHours(12))).build().worstCaseDuration());
    assertEquals(Optional.of(Duration.ofHours(63).plusMinutes(16)),
        t.duration(new RepairTime.LogNormal(Duration.ofHours(20), 0.7)).build().worstCaseDuration());
    assertEquals(Optional.of(Duration.ofSeconds(30)), t.duration("PT30S").build().worstCaseDuration());
    assertEquals(Optional.empty(), Threat.builder("t").probability(0.1).nodes("grid").build().worstCaseDuration());
  }
}
