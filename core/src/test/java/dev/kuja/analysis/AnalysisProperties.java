package dev.kuja.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Requirement;
import dev.kuja.testing.Oracle;
import dev.kuja.testing.KujaArbitraries;
import dev.kuja.testing.KujaDomain;
import dev.kuja.testing.NodeSet;
import dev.kuja.testing.Slots;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.EdgeReversedGraph;

/**
 * The fast analyses agree with the brute-force oracle of docs/analyses.md on small random models.
 * Models (1..12 nodes) and failure sets come from the Kuja domain and shrink; a target node is a
 * {@link Slots slot reference}.
 */
@Domain(DomainContext.Global.class)
@Domain(KujaDomain.class)
class AnalysisProperties {

  @Provide
  Arbitrary<Model> upToTenNodes() {
    return KujaArbitraries.models().nodes(1, 10);
  }

  /** Models with tolerances, where ties of failure times are rarer, and without, where they abound. */
  @Provide
  Arbitrary<Model> withAndWithoutBuffers() {
    return Arbitraries.oneOf(KujaArbitraries.models(), KujaArbitraries.models().withoutBuffers());
  }

  @Property(tries = 300)
  void failureTimesAgreeWithOracle(@ForAll Model m, @ForAll NodeSet picked) {
    List<String> failed = picked.inOrFirst(m);
    Map<String, Long> expected = new HashMap<>();
    Oracle.failureTimes(m, failed).forEach((id, t) -> {
      if (t != Oracle.NEVER) {
        expected.put(id, t);
      }
    });
    Map<String, Long> actual = new HashMap<>();
    Analysis.of(m).failureTimes(failed).times().forEach((id, d) -> actual.put(id, d.toMillis()));
    assertEquals(expected, actual, m::toString);
  }

  @Property(tries = 300)
  void impactAgreesWithOracle(@ForAll Model m, @ForAll NodeSet picked) {
    List<String> failed = picked.in(m);
    assertEquals(Oracle.impact(m, failed), Analysis.of(m).impact(failed).failed());
  }

  @Property(tries = 300)
  void impactWithinHorizonAgreesWithOracle(
      @ForAll Model m, @ForAll NodeSet picked, @ForAll @IntRange(min = 0, max = 12) int hours) {
    List<String> failed = picked.in(m);
    Duration h = Duration.ofHours(hours);
    assertEquals(Oracle.impact(m, failed, h.toMillis()), Analysis.of(m).impact(failed, h).failed());
  }

  @Property(tries = 300)
  void spofsAgreeWithOracle(@ForAll Model m, @ForAll @IntRange(min = 0, max = 11) int target) {
    String f = Slots.node(m, target).id();
    SpofReport report = Analysis.of(m).spofs(f);
    assertEquals(Oracle.spofs(m, f, Oracle.NEVER), new TreeSet<>(report.nodes()));
    Set<String> serial = Oracle.serialReach(m, f, Oracle.NEVER);
    for (Spof s : report.spofs()) {
      assertEquals(!serial.contains(s.node()), s.commonCause(), () -> s + " in " + m);
      assertValidPath(m, s, Oracle.NEVER);
    }
  }

  @Property(tries = 300)
  void spofsWithinHorizonAgreeWithOracle(
      @ForAll Model m, @ForAll @IntRange(min = 0, max = 11) int target,
      @ForAll @IntRange(min = 0, max = 10) int hours) {
    String f = Slots.node(m, target).id();
    long h = Duration.ofHours(hours).toMillis();
    SpofReport report = Analysis.of(m).spofs(f, Duration.ofHours(hours));
    assertEquals(Oracle.spofs(m, f, h), new TreeSet<>(report.nodes()));
    Set<String> serial = Oracle.serialReach(m, f, h);
    for (Spof s : report.spofs()) {
      assertEquals(!serial.contains(s.node()), s.commonCause(), () -> s + " in " + m);
      assertValidPath(m, s, h);
    }
  }

  /**
   * The SPOFs of every function at once (from the ranking's relation, explained on demand) are
   * the reports of the one-function engine: the same SPOFs, classes, paths and order. Counts and
   * membership are checked before any explanation is made, since they come from the table alone.
   */
  @Property(tries = 300)
  void spofsOfEveryFunctionEqualTheOneFunctionEngine(@ForAll("withAndWithoutBuffers") Model m) {
    Analysis a = Analysis.of(m);
    List<SpofReport> all = a.spofs();
    List<Node> functions = m.functions();
    assertEquals(functions.size(), all.size());
    for (int i = 0; i < functions.size(); i++) {
      String f = functions.get(i).id();
      SpofReport expected = Analysis.of(m).spofs(f);
      SpofReport actual = all.get(i);
      assertEquals(f, actual.target());
      assertEquals(expected.spofs().size(), actual.spofs().size(), () -> f + " in " + m);
      assertEquals(expected.commonCauseCount(), actual.commonCauseCount(), () -> f + " in " + m);
      for (Node n : m.nodes()) {
        assertEquals(expected.contains(n.id()), actual.contains(n.id()), () -> n.id() + " of " + f + " in " + m);
      }
      assertEquals(expected, actual, m::toString);
      assertEquals(expected.toString(), actual.toString());
    }
  }

  /**
   * The path runs from the SPOF to the target through requirements. A direct SPOF's path is a
   * chain of serial requirements whose tolerances fit in the horizon; a common-cause SPOF's path
   * is the chain of first causes, each step failing no later than the next, within the horizon.
   */
  private static void assertValidPath(Model m, Spof s, long horizon) {
    List<String> path = s.path();
    assertEquals(s.node(), path.get(0));
    Map<String, Long> times = Oracle.failureTimes(m, List.of(s.node()));
    long serialTime = 0;
    for (int i = 0; i + 1 < path.size(); i++) {
      String provider = path.get(i);
      String dependent = path.get(i + 1);
      List<Requirement> naming = m.requireNode(dependent).requirements().stream()
          .filter(r -> r.alternatives().contains(provider)).toList();
      assertTrue(!naming.isEmpty(), () -> dependent + " does not require " + provider + " in " + s);
      if (s.commonCause()) {
        assertTrue(times.get(dependent) <= horizon && times.get(provider) <= times.get(dependent),
            () -> "path step " + provider + " -> " + dependent + " does not fail in order: " + s);
      } else {
        long step = naming.stream().filter(r -> r.k() == r.n())
            .mapToLong(r -> r.tolerance().toMillis()).min().orElse(Oracle.NEVER);
        assertTrue(step != Oracle.NEVER, () -> "direct path step is not serial: " + s);
        serialTime += step;
      }
    }
    long total = serialTime;
    assertTrue(total <= horizon, () -> "direct path takes longer than the horizon: " + s);
  }

  @Property(tries = 200)
  void cutSetsAgreeWithOracle(
      @ForAll("upToTenNodes") Model m,
      @ForAll @IntRange(min = 0, max = 9) int target, @ForAll @IntRange(min = 1, max = 3) int order) {
    String f = Slots.node(m, target).id();
    Set<Set<String>> actual = Analysis.of(m).cutSets(f, order).sets().stream()
        .map(s -> (Set<String>) new TreeSet<>(s)).collect(Collectors.toSet());
    assertEquals(Oracle.cutSets(m, f, order), actual, m::toString);
  }

  @Property(tries = 200)
  void rankingAgreesWithOracle(@ForAll Model m) {
    Ranking ranking = Analysis.of(m).ranking();
    assertEquals(m.size(), ranking.entries().size());
    double previous = Double.MAX_VALUE;
    for (Ranking.Entry e : ranking.entries()) {
      Set<String> expected = new TreeSet<>();
      double score = 0;
      for (String id : Oracle.impact(m, List.of(e.node()))) {
        Node n = m.requireNode(id);
        if (n.isFunction() && !id.equals(e.node())) {
          expected.add(id);
          score += n.criticality().orElseThrow().weight();
        }
      }
      assertEquals(List.copyOf(expected), e.functions());
      assertEquals(score, e.score(), 1e-9);
      assertTrue(e.score() <= previous, "ranking is sorted by score");
      previous = e.score();
    }
  }

  @Property(tries = 200)
  void closuresAgreeWithJGraphTShortestPaths(@ForAll Model m, @ForAll @IntRange(min = 0, max = 11) int root) {
    String r = Slots.node(m, root).id();
    var forward = new BFSShortestPath<>(m.graph()).getPaths(r);
    var backward = new BFSShortestPath<>(new EdgeReversedGraph<>(m.graph())).getPaths(r);
    DependencyClosure deps = Analysis.of(m).dependencies(r);
    DependencyClosure dependents = Analysis.of(m).dependents(r);
    for (Node n : m.nodes()) {
      var p = forward.getPath(n.id());
      assertEquals(p == null ? -1 : p.getLength(), deps.tier(n.id()).orElse(-1), n.id());
      var q = backward.getPath(n.id());
      assertEquals(q == null ? -1 : q.getLength(), dependents.tier(n.id()).orElse(-1), n.id());
    }
  }

  @Property(tries = 200)
  void interfacesAreCrossOwnerRequirementsWithTheirSpofs(@ForAll Model m) {
    InterfaceReport report = Analysis.of(m).interfaces();
    Set<String> expected = new HashSet<>();
    for (Node n : m.nodes()) {
      for (int i = 0; i < n.requirements().size(); i++) {
        for (String a : n.requirements().get(i).alternatives()) {
          if (!m.requireNode(a).owner().equals(n.owner())) {
            expected.add(n.id() + ">" + a + "#" + i);
          }
        }
      }
    }
    Set<String> actual = new HashSet<>();
    for (InterfaceReport.Group g : report.groups()) {
      for (InterfaceReport.Interface i : g.interfaces()) {
        actual.add(i.dependent() + ">" + i.provider() + "#" + i.requirement());
        assertEquals(g.dependentOrganisation(), m.requireNode(i.dependent()).owner().orElseThrow());
        assertEquals(g.providerOrganisation(), m.requireNode(i.provider()).owner().orElseThrow());
        Requirement r = m.requireNode(i.dependent()).requirements().get(i.requirement());
        assertEquals(r.n() - r.k() > 0, i.redundant());
        Set<String> killed = new TreeSet<>();
        for (String id : Oracle.impact(m, List.of(i.provider()))) {
          if (m.requireNode(id).isFunction() && !id.equals(i.provider())) {
            killed.add(id);
          }
        }
        assertEquals(List.copyOf(killed), i.spofOf());
      }
    }
    assertEquals(expected, actual);
  }

  // ------------------------------------------------------------------ monotonicity

  @Property(tries = 300)
  void moreFailuresNeverMeanLessImpact(
      @ForAll Model m, @ForAll NodeSet picked, @ForAll NodeSet more, @ForAll @IntRange(min = 0, max = 12) int hours) {
    List<String> small = picked.in(m);
    List<String> large = picked.union(more).in(m);
    Analysis a = Analysis.of(m);
    assertTrue(a.impact(large).failed().containsAll(a.impact(small).failed()));
    Duration h = Duration.ofHours(hours);
    assertTrue(a.impact(large, h).failed().containsAll(a.impact(small, h).failed()));
  }

  @Property(tries = 300)
  void longerHorizonNeverMeansLessImpact(
      @ForAll Model m, @ForAll NodeSet picked,
      @ForAll @IntRange(min = 0, max = 12) int hours, @ForAll @IntRange(min = 0, max = 12) int extra) {
    List<String> failed = picked.in(m);
    Analysis a = Analysis.of(m);
    Set<String> shorter = a.impact(failed, Duration.ofHours(hours)).failed();
    Set<String> longer = a.impact(failed, Duration.ofHours(hours + extra)).failed();
    assertTrue(longer.containsAll(shorter));
    assertTrue(a.impact(failed).failed().containsAll(longer), "no horizon is the longest horizon");
  }
}
