package dev.kuja.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/** Checks a whole model and returns every problem, in model order. */
final class Validator {

  /** Beyond this many unknown references, stop computing "did you mean" hints (they cost O(N) each). */
  private static final int MAX_HINTS = 100;
  /** Models of this many nodes and more are checked in parts first (see {@link #valid}). */
  static final int PARALLEL_FROM = 100_000;
  /** Up to this many alternatives, a requirement's are checked for repeats without a set. */
  private static final int FEW = 8;

  private final Map<String, Organisation> organisations;
  private final Map<String, Node> nodes;
  private final List<Problem> problems = new ArrayList<>();
  private int hints;

  private Validator(Map<String, Organisation> organisations, Map<String, Node> nodes) {
    this.organisations = organisations;
    this.nodes = nodes;
  }

  static List<Problem> validate(Map<String, Organisation> organisations, Map<String, Node> nodes,
      Map<String, Threat> threats) {
    Validator v = new Validator(organisations, nodes);
    organisations.values().forEach(v::organisation);
    if (!(nodes instanceof NodeTable table && table.size() >= PARALLEL_FROM && valid(table, organisations))) {
      nodes.values().forEach(v::node);
    }
    if (!threats.isEmpty()) {
      Set<String> owners = new HashSet<>();
      Set<String> tags = new HashSet<>();
      for (Node n : nodes.values()) {
        n.owner().ifPresent(owners::add);
        tags.addAll(n.tags());
      }
      for (Threat t : threats.values()) {
        threat(t, nodes::containsKey, nodes.keySet(), organisations::containsKey, organisations.keySet(),
            owners::contains, tags::contains, v.problems);
      }
    }
    return v.problems;
  }

  /**
   * True when no node of a large model has a problem, found by parts of the nodes at once (one
   * per core, up to 8). Only a yes is used: a model with a problem is validated node by node, so
   * that its problems, and the hints they carry, come as they always do.
   */
  private static boolean valid(NodeTable nodes, Map<String, Organisation> organisations) {
    List<Node> list = nodes.list();
    int n = list.size();
    int parts = Math.min(8, Runtime.getRuntime().availableProcessors());
    return IntStream.range(0, parts).parallel().allMatch(part -> {
      Validator w = new Validator(organisations, nodes);
      w.hints = MAX_HINTS; // a yes or a no is all that is asked
      for (int i = (int) ((long) n * part / parts); i < (long) n * (part + 1) / parts; i++) {
        w.node(list.get(i));
        if (!w.problems.isEmpty()) {
          return false;
        }
      }
      return true;
    });
  }

  /**
   * The problems of one threat: its id and name, its occurrence and duration, and each target
   * against the model's nodes, organisations (and whether they own any node) and tags.
   */
  static void threat(Threat t, Predicate<String> nodeExists, Collection<String> nodeIds,
      Predicate<String> orgExists, Collection<String> orgIds, Predicate<String> ownsNodes,
      Predicate<String> tagUsed, List<Problem> out) {
    String id = t.id();
    String idProblem = Ids.problem(id);
    if (idProblem != null) {
      out.add(Problem.threat(id, "id", idProblem));
    }
    if (t.name().isBlank()) {
      out.add(Problem.threat(id, "name", "name must not be empty"));
    } else if (!t.name().equals(id)) {
      text(t.name(), p -> out.add(Problem.threat(id, "name", "name " + p)));
    }
    Reliability r = t.occurrence();
    if (r.failureProbability().isEmpty() && r.failuresPerYear().isEmpty()) {
      out.add(Problem.threat(id, "rate", "a threat needs a rate per year or a probability per period"));
    }
    occurrence(r, false, (field, message) -> Problem.threat(id, field, message), out);
    if (t.targets().isEmpty()) {
      out.add(Problem.threat(id, "targets",
          "the threat disrupts nothing: give it targets (nodes, organisations or tags)"));
    }
    for (int i = 0; i < t.targets().size(); i++) {
      Target target = t.targets().get(i);
      String message = null;
      if (target instanceof Target.OfNode n && !nodeExists.test(n.id())) {
        message = "names node '" + n.id() + "', which is not a node" + Suggestions.hint(n.id(), nodeIds);
      } else if (target instanceof Target.OfOrganisation o) {
        if (!orgExists.test(o.id())) {
          message = "names organisation '" + o.id() + "', which is not an organisation of the model"
              + Suggestions.hint(o.id(), orgIds);
        } else if (!ownsNodes.test(o.id())) {
          message = "organisation '" + o.id() + "' owns no node, so the threat would disrupt nothing there";
        }
      } else if (target instanceof Target.OfTag g && !tagUsed.test(g.tag())) {
        message = "no node has the tag '" + g.tag() + "'";
      }
      if (message != null) {
        out.add(Problem.threatTarget(id, i, message));
      }
    }
  }

  /**
   * The problems of occurrence data (a node's reliability or a threat's frequency): probability
   * in [0, 1], a finite non-negative rate, a well-formed repair or duration distribution.
   */
  private static void occurrence(Reliability r, boolean node,
      BiFunction<String, String, Problem> problem, List<Problem> out) {
    String durationField = node ? "reliability" : "duration";
    String pField = node ? durationField : "probability";
    String rField = node ? durationField : "rate";
    r.failureProbability().ifPresent(p -> {
      if (!(p >= 0 && p <= 1)) {
        out.add(problem.apply(pField, (node ? "failure probability " : "probability ") + p
            + " is not between 0 and 1"));
      }
    });
    r.failuresPerYear().ifPresent(rate -> {
      if (!(rate >= 0) || Double.isInfinite(rate)) {
        out.add(problem.apply(rField, (node ? "failure rate " : "rate ") + rate
            + " per year must be a finite non-negative number"));
      } else if (rate > Reliability.MAX_FAILURES_PER_YEAR) {
        out.add(problem.apply(rField, (node ? "failure rate " : "rate ") + rate + " per year is more than"
            + " the plausible maximum of 10000 per year (more than once an hour); is it per hour?"));
      }
    });
    String what = node ? "repair time" : "duration";
    r.repairTime().ifPresent(t -> {
      if (t instanceof RepairTime.Fixed f) {
        limit(f.duration(), durationField, problem, out);
      } else if (t instanceof RepairTime.Exponential e) {
        limit(e.mean(), durationField, problem, out);
        if (e.mean().isZero()) {
          out.add(problem.apply(durationField, "exponential " + what + " needs a positive mean"));
        }
      } else if (t instanceof RepairTime.Uniform u) {
        limit(u.min(), durationField, problem, out);
        limit(u.max(), durationField, problem, out);
        if (u.min().compareTo(u.max()) > 0) {
          out.add(problem.apply(durationField, "uniform " + what + " has min " + Durations.format(u.min())
              + " above max " + Durations.format(u.max())));
        }
      } else if (t instanceof RepairTime.LogNormal l) {
        limit(l.median(), durationField, problem, out);
        if (!(l.sigma() > 0) || Double.isInfinite(l.sigma())) {
          out.add(problem.apply(durationField, "log-normal " + what + " needs a finite positive sigma, not "
              + l.sigma()));
        } else if (l.sigma() > RepairTime.LogNormal.MAX_SIGMA) {
          out.add(problem.apply(durationField, "log-normal " + what + " has sigma " + l.sigma()
              + ", more than the plausible maximum of 5"));
        }
      }
    });
  }

  private static void limit(Duration d, String field, BiFunction<String, String, Problem> problem,
      List<Problem> out) {
    String p = Durations.problem(d);
    if (p != null) {
      out.add(problem.apply(field, field + " " + p));
    }
  }

  private void organisation(Organisation o) {
    String idProblem = Ids.problem(o.id());
    if (idProblem != null) {
      problems.add(Problem.organisation(o.id(), "id", idProblem));
    }
    if (o.name().isBlank()) {
      problems.add(Problem.organisation(o.id(), "name", "name must not be empty"));
    }
    if (!o.name().equals(o.id())) {
      text(o.name(), p -> problems.add(Problem.organisation(o.id(), "name", "name " + p)));
    }
    o.type().ifPresent(t -> text(t, p -> problems.add(Problem.organisation(o.id(), "type", "type " + p))));
  }

  /** Reports a free text that holds characters no text may hold (see {@link Texts}). */
  private static void text(String text, java.util.function.Consumer<String> report) {
    Texts.problem(text).ifPresent(report);
  }

  private void node(Node n) {
    String id = n.id();
    String idProblem = Ids.problem(id);
    if (idProblem != null) {
      problems.add(Problem.node(id, "id", idProblem));
    }
    if (n.name().isBlank() && !id.isBlank()) {
      problems.add(Problem.node(id, "name", "name must not be empty"));
    }
    if (!n.name().equals(id)) { // a name not given is the id, which has its own rule
      text(n.name(), p -> problems.add(Problem.node(id, "name", "name " + p)));
    }
    // plain conditions rather than lambdas: this runs for every node of a national model
    if (n.mbco().isPresent()) {
      text(n.mbco().get(), p -> problems.add(Problem.node(id, "mbco", "mbco " + p)));
    }
    if (!n.tags().isEmpty()) {
      n.tags().forEach(t -> text(t, p -> problems.add(Problem.node(id, "tags", "tag " + p))));
    }
    if (!n.attributes().isEmpty()) {
      n.attributes().forEach((k, v) -> {
        text(k, p -> problems.add(Problem.node(id, "attributes", "the name of an attribute " + p)));
        text(v, p -> problems.add(Problem.node(id, "attributes", "attribute '" + k + "' " + p)));
      });
    }
    if (n.owner().isPresent()) {
      String owner = n.owner().get();
      if (!organisations.containsKey(owner)) {
        problems.add(Problem.node(id, "owner",
            "owner '" + owner + "' is not an organisation of the model"
                + hint(owner, organisations.keySet())));
      }
    }
    if (n.isFunction()) {
      if (n.criticality().isEmpty()) {
        problems.add(Problem.node(id, "criticality",
            "a function needs a criticality (vital, critical, important, supporting)"));
      }
      duration(id, "mtpd", n.mtpd());
      if (n.mtpd().isPresent() && n.rto().isPresent() && n.rto().get().compareTo(n.mtpd().get()) > 0) {
        problems.add(Problem.node(id, "rto",
            "RTO " + Durations.format(n.rto().get()) + " is longer than MTPD "
                + Durations.format(n.mtpd().get())
                + "; the recovery objective must fit inside the tolerable disruption"));
      }
    } else {
      String kind = n.kind().label();
      if (n.criticality().isPresent()) {
        onlyFunctions(id, "criticality", kind);
      }
      if (n.mtpd().isPresent()) {
        onlyFunctions(id, "mtpd", kind);
      }
      if (n.mbco().isPresent()) {
        onlyFunctions(id, "mbco", kind);
      }
      if (!n.impacts().isEmpty()) {
        onlyFunctions(id, "impacts", kind);
      }
    }
    duration(id, "rto", n.rto());
    if (n.isFunction()) {
      impacts(n);
    }
    duration(id, "recovery", n.recovery());
    if (n.reliability().isPresent()) {
      occurrence(n.reliability().get(), true, (field, message) -> Problem.node(id, field, message), problems);
    }
    for (int i = 0; i < n.requirements().size(); i++) {
      requirement(n, i, n.requirements().get(i));
    }
  }

  private void onlyFunctions(String id, String field, String kind) {
    problems.add(Problem.node(id, field, "only functions have " + field + "; this node is a " + kind));
  }

  private void duration(String id, String field, Optional<Duration> d) {
    if (d.isPresent()) {
      duration(id, field, d.get());
    }
  }

  private void duration(String id, String field, Duration d) {
    String p = Durations.problem(d);
    if (p != null) {
      problems.add(Problem.node(id, field, field + " " + p));
    }
  }

  /**
   * Impact thresholds: durations within the limits, a category named, no two thresholds of a
   * category at the same time, and levels that rise with time within a category.
   */
  private void impacts(Node n) {
    String id = n.id();
    List<ImpactThreshold> all = n.impacts();
    Map<String, List<Integer>> byCategory = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      ImpactThreshold t = all.get(i);
      int index = i;
      String p = Durations.problem(t.after());
      if (p != null) {
        problems.add(Problem.impact(id, index, "after", "after " + p));
      }
      if (t.category().isBlank()) {
        problems.add(Problem.impact(id, index, "category", "category must not be empty"));
        continue;
      }
      for (int j : byCategory.getOrDefault(t.category(), List.of())) {
        ImpactThreshold earlier = all.get(j);
        int c = t.after().compareTo(earlier.after());
        if (c == 0) {
          problems.add(Problem.impact(id, index, "after", "impact " + (j + 1) + " of category '"
              + t.category() + "' is also reached after " + Durations.format(t.after())
              + "; give each category one level per time"));
        } else if ((c > 0) != (t.level().compareTo(earlier.level()) > 0) || t.level() == earlier.level()) {
          ImpactThreshold first = c < 0 ? t : earlier;
          ImpactThreshold later = c < 0 ? earlier : t;
          problems.add(Problem.impact(id, index, "level", "category '" + t.category() + "' is "
              + later.level().label() + " after " + Durations.format(later.after()) + " but already "
              + first.level().label() + " after " + Durations.format(first.after())
              + " (impact " + (j + 1) + "); levels of a category must rise with time"));
        }
      }
      byCategory.computeIfAbsent(t.category(), k -> new ArrayList<>()).add(i);
    }
  }

  private void requirement(Node n, int index, Requirement r) {
    String id = n.id();
    int size = r.alternatives().size();
    if (size == 0) {
      problems.add(Problem.requirement(id, index, "alternatives", "requirement names no node"));
    } else if (r.k() < 1 || r.k() > size) {
      problems.add(Problem.requirement(id, index, "k",
          "k = " + r.k() + " is outside 1.." + size + " (the number of alternatives)"));
    }
    List<String> alternatives = r.alternatives();
    // a few alternatives are compared with those before them; many are put in a set
    Set<String> seen = size > FEW ? new HashSet<>() : null;
    for (int i = 0; i < size; i++) {
      String alt = alternatives.get(i);
      if (seen != null ? !seen.add(alt) : named(alternatives, i, alt)) {
        problems.add(Problem.requirement(id, index, "alternatives",
            "names '" + alt + "' more than once"));
      } else if (same(alt, id)) {
        problems.add(Problem.requirement(id, index, "alternatives",
            "names the node itself; a node cannot require itself"));
      } else if (!nodes.containsKey(alt)) {
        problems.add(Problem.requirement(id, index, "alternatives",
            "names '" + alt + "', which is not a node" + hint(alt, nodes.keySet())));
      }
    }
    String tolerance = Durations.problem(r.tolerance());
    if (tolerance != null) {
      problems.add(Problem.requirement(id, index, "tolerance", "tolerance " + tolerance));
    }
  }

  /** True when one of the first {@code before} alternatives is {@code alt}. */
  private static boolean named(List<String> alternatives, int before, String alt) {
    for (int j = 0; j < before; j++) {
      if (same(alternatives.get(j), alt)) {
        return true;
      }
    }
    return false;
  }

  /**
   * String equality, telling most different ids apart by their hash codes, which strings keep,
   * without reading their characters.
   */
  private static boolean same(String a, String b) {
    return a == b || (a.hashCode() == b.hashCode() && a.equals(b));
  }

  private String hint(String unknown, Set<String> known) {
    if (hints++ >= MAX_HINTS) {
      return "";
    }
    return Ids.hint(unknown, known);
  }
}
