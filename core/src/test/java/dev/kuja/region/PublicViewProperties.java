package dev.kuja.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.FailureTimes;
import dev.kuja.analysis.Spof;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.testing.RegionalModels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The acceptance property of the public view (docs/regional.md#what-a-public-view-reveals): for
 * every function of the other organisations, composing the view of organisation {@code a} with
 * their documents gives the same SPOFs and minimal failure sets up to order 2 as the whole
 * model, each node of {@code a} mapped to its image; and the same failure times under single and
 * double failures — exactly when the view says so, never later otherwise.
 */
class PublicViewProperties {

  private static final String O = "a";

  @Provide
  Arbitrary<Model> regions() {
    return RegionalModels.regions(11, true);
  }

  @Provide
  Arbitrary<Model> untimed() {
    return RegionalModels.regions(11, false);
  }

  private static boolean ours(Model m, String id) {
    return m.requireNode(id).owner().equals(Optional.of(O));
  }

  private static List<String> othersFunctions(Model m) {
    return m.functions().stream().filter(f -> !ours(m, f.id())).map(Node::id).toList();
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void theOthersSeeTheSameSpofsAndDoublePointsOfFailure(@ForAll("regions") Model whole) {
    PublicView view = PublicView.of(whole, O);
    Model composed = view.composed();
    Analysis a = Analysis.of(whole);
    Analysis b = Analysis.of(composed);
    Statistics.label("stand-ins").collect(Math.min(view.standIns().size(), 2));
    Statistics.label("folded").collect(whole.ownedBy(O).size() > view.published().size() + view.standIns().size());
    for (String f : othersFunctions(whole)) {
      Set<String> expected = new TreeSet<>();
      for (Spof s : a.spofs(f).spofs()) {
        expected.add(view.image(s.node()).orElseThrow(() -> new AssertionError(s + " has no image")));
      }
      Set<String> actual = b.spofs(f).spofs().stream().map(Spof::node).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(expected, actual, () -> "SPOFs of " + f + "\n" + whole.nodes() + "\n" + view);
      assertEquals(minimal(a.cutSets(f, 2).sets(), view), new HashSet<>(b.cutSets(f, 2).sets()),
          () -> "cut sets of " + f + "\n" + whole.nodes() + "\n" + view);
    }
  }

  /** The images of the sets, without the ones that contain another. */
  private static Set<Set<String>> minimal(List<Set<String>> sets, PublicView view) {
    List<Set<String>> images = new ArrayList<>();
    for (Set<String> s : sets) {
      images.add(s.stream().map(id -> view.image(id).orElseThrow()).collect(Collectors.toSet()));
    }
    Set<Set<String>> out = new HashSet<>();
    for (Set<String> s : images) {
      if (images.stream().noneMatch(t -> t.size() < s.size() && s.containsAll(t))) {
        out.add(s);
      }
    }
    return out;
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void theSameFailureTimesUnderSingleAndDoubleFailures(@ForAll("regions") Model whole) {
    checkTimes(whole);
  }

  @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
  void withoutTolerancesInsideTheViewIsAlwaysExact(@ForAll("untimed") Model whole) {
    PublicView view = PublicView.of(whole, O);
    assertTrue(view.exactTimes(), view::toString);
    checkTimes(whole);
  }

  private static void checkTimes(Model whole) {
    PublicView view = PublicView.of(whole, O);
    Statistics.label("times").collect(view.exactTimes() ? "exact" : "conservative");
    Analysis a = Analysis.of(whole);
    Analysis b = Analysis.of(view.composed());
    Set<String> shared = new HashSet<>(view.standIns().values());
    List<String> common = new ArrayList<>();
    List<String> folded = new ArrayList<>();
    for (Node n : whole.nodes()) {
      if (!ours(whole, n.id()) || view.published().contains(n.id()) || shared.contains(n.id())) {
        common.add(n.id());
      } else if (view.image(n.id()).isPresent()) {
        folded.add(n.id());
      }
    }
    List<String> outside = whole.nodes().stream().map(Node::id).filter(id -> !ours(whole, id)).toList();
    for (int i = 0; i < common.size(); i++) {
      for (int j = i; j < common.size(); j++) {
        List<String> failed = i == j ? List.of(common.get(i)) : List.of(common.get(i), common.get(j));
        compare(a.failureTimes(failed), b.failureTimes(image(failed, view)), outside, view.exactTimes(), whole, view);
      }
    }
    // an internal node folded into a service: the service failing at once is never later
    for (String u : folded) {
      compare(a.failureTimes(List.of(u)), b.failureTimes(image(List.of(u), view)), outside, false, whole, view);
    }
  }

  private static List<String> image(List<String> ids, PublicView view) {
    return ids.stream().map(id -> view.image(id).orElseThrow()).distinct().toList();
  }

  private static void compare(FailureTimes whole, FailureTimes viewed, List<String> outside, boolean exact,
      Model model, PublicView view) {
    for (String x : outside) {
      Optional<Duration> t = whole.time(x);
      Optional<Duration> u = viewed.time(x);
      if (exact) {
        assertEquals(t, u, () -> x + " after " + whole.initial() + "\n" + model.nodes() + "\n" + view);
      } else {
        assertTrue(t.isEmpty() || (u.isPresent() && u.get().compareTo(t.get()) <= 0),
            () -> x + " after " + whole.initial() + ": " + t + " in the whole, " + u + " in the view\n"
                + model.nodes() + "\n" + view);
      }
    }
  }
}
