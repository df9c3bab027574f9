package dev.kuja.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks a whole model and returns every problem, in model order. */
final class Validator {

  /** Beyond this many unknown references, stop computing "did you mean" hints (they cost O(N) each). */
  private static final int MAX_HINTS = 100;

  private final Map<String, Organisation> organisations;
  private final Map<String, Node> nodes;
  private final List<Problem> problems = new ArrayList<>();
  private int hints;

  private Validator(Map<String, Organisation> organisations, Map<String, Node> nodes) {
    this.organisations = organisations;
    this.nodes = nodes;
  }

  static List<Problem> validate(Map<String, Organisation> organisations, Map<String, Node> nodes) {
    Validator v = new Validator(organisations, nodes);
    organisations.values().forEach(v::organisation);
    nodes.values().forEach(v::node);
    return v.problems;
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
    n.mbco().ifPresent(m -> text(m, p -> problems.add(Problem.node(id, "mbco", "mbco " + p))));
    n.tags().forEach(t -> text(t, p -> problems.add(Problem.node(id, "tags", "tag " + p))));
    n.attributes().forEach((k, v) -> {
      text(k, p -> problems.add(Problem.node(id, "attributes", "the name of an attribute " + p)));
      text(v, p -> problems.add(Problem.node(id, "attributes", "attribute '" + k + "' " + p)));
    });
    n.owner().ifPresent(owner -> {
      if (!organisations.containsKey(owner)) {
        problems.add(Problem.node(id, "owner",
            "owner '" + owner + "' is not an organisation of the model"
                + hint(owner, organisations.keySet())));
      }
    });
    if (n.isFunction()) {
      if (n.criticality().isEmpty()) {
        problems.add(Problem.node(id, "criticality",
            "a function needs a criticality (vital, critical, important, supporting)"));
      }
      duration(id, "mtpd", n.mtpd());
      duration(id, "rto", n.rto());
      if (n.mtpd().isPresent() && n.rto().isPresent() && n.rto().get().compareTo(n.mtpd().get()) > 0) {
        problems.add(Problem.node(id, "rto",
            "RTO " + Durations.format(n.rto().get()) + " is longer than MTPD "
                + Durations.format(n.mtpd().get())
                + "; the recovery objective must fit inside the tolerable disruption"));
      }
    } else {
      String kind = n.kind().label();
      n.criticality().ifPresent(c -> onlyFunctions(id, "criticality", kind));
      n.mtpd().ifPresent(c -> onlyFunctions(id, "mtpd", kind));
      n.rto().ifPresent(c -> onlyFunctions(id, "rto", kind));
      n.mbco().ifPresent(c -> onlyFunctions(id, "mbco", kind));
    }
    duration(id, "recovery", Optional.of(n.recovery()));
    n.reliability().ifPresent(r -> reliability(id, r));
    for (int i = 0; i < n.requirements().size(); i++) {
      requirement(n, i, n.requirements().get(i));
    }
  }

  private void onlyFunctions(String id, String field, String kind) {
    problems.add(Problem.node(id, field, "only functions have " + field + "; this node is a " + kind));
  }

  private void duration(String id, String field, Optional<Duration> d) {
    d.ifPresent(value -> {
      String p = Durations.problem(value);
      if (p != null) {
        problems.add(Problem.node(id, field, field + " " + p));
      }
    });
  }

  private void reliability(String id, Reliability r) {
    r.failureProbability().ifPresent(p -> {
      if (!(p >= 0 && p <= 1)) {
        problems.add(Problem.node(id, "reliability",
            "failure probability " + p + " is not between 0 and 1"));
      }
    });
    r.failuresPerYear().ifPresent(rate -> {
      if (!(rate >= 0) || Double.isInfinite(rate)) {
        problems.add(Problem.node(id, "reliability",
            "failure rate " + rate + " per year must be a finite non-negative number"));
      } else if (rate > Reliability.MAX_FAILURES_PER_YEAR) {
        problems.add(Problem.node(id, "reliability", "failure rate " + rate + " per year is more than"
            + " the plausible maximum of 10000 per year (more than once an hour); is it per hour?"));
      }
    });
    r.repairTime().ifPresent(t -> {
      if (t instanceof RepairTime.Fixed f) {
        duration(id, "reliability", Optional.of(f.duration()));
      } else if (t instanceof RepairTime.Exponential e) {
        duration(id, "reliability", Optional.of(e.mean()));
        if (e.mean().isZero()) {
          problems.add(Problem.node(id, "reliability", "exponential repair time needs a positive mean"));
        }
      } else if (t instanceof RepairTime.Uniform u) {
        duration(id, "reliability", Optional.of(u.min()));
        duration(id, "reliability", Optional.of(u.max()));
        if (u.min().compareTo(u.max()) > 0) {
          problems.add(Problem.node(id, "reliability",
              "uniform repair time has min " + Durations.format(u.min()) + " above max "
                  + Durations.format(u.max())));
        }
      } else if (t instanceof RepairTime.LogNormal l) {
        duration(id, "reliability", Optional.of(l.median()));
        if (!(l.sigma() > 0) || Double.isInfinite(l.sigma())) {
          problems.add(Problem.node(id, "reliability",
              "log-normal repair time needs a finite positive sigma, not " + l.sigma()));
        } else if (l.sigma() > RepairTime.LogNormal.MAX_SIGMA) {
          problems.add(Problem.node(id, "reliability", "log-normal repair time has sigma " + l.sigma()
              + ", more than the plausible maximum of 5"));
        }
      }
    });
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
    Set<String> seen = new HashSet<>();
    for (String alt : r.alternatives()) {
      if (!seen.add(alt)) {
        problems.add(Problem.requirement(id, index, "alternatives",
            "names '" + alt + "' more than once"));
      } else if (alt.equals(id)) {
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

  private String hint(String unknown, Set<String> known) {
    if (hints++ >= MAX_HINTS) {
      return "";
    }
    return Ids.hint(unknown, known);
  }
}
