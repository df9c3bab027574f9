package dev.kuja.region;

import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.DependencyClosure;
import dev.kuja.analysis.FailureTimes;
import dev.kuja.model.Criticality;
import dev.kuja.model.Durations;
import dev.kuja.model.External;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.simulation.NodeObjectives;
import dev.kuja.simulation.RecoveryObjectives;
import dev.kuja.simulation.RequiredTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The commitments of external services, each checked against its provider's model where the
 * model holds it (docs/regional.md#checking-commitments). A mismatch is a finding to plan with,
 * not an error: the commitment stands, and the provider's model says it cannot be kept.
 *
 * @param checks one per external declaration with a commitment, in declaration order
 */
public record Commitments(List<Commitments.Check> checks) {

  public Commitments {
    checks = List.copyOf(checks);
  }

  /** The outcome of checking one commitment. */
  public enum Status {
    /** The provider's model keeps the commitment as far as Kuja can tell. */
    KEPT,
    /** The provider's model cannot keep the commitment: see the findings. */
    MISMATCH,
    /** The provider's document is not part of the model: the commitment bounds the external's outages instead. */
    UNCHECKED
  }

  /**
   * One commitment checked.
   *
   * @param external   the declaration, with the commitment
   * @param declaredIn the document that declared it, when known
   * @param status     kept, mismatched or unchecked
   * @param findings   for a mismatch, what the provider's model says, one sentence each
   */
  public record Check(External external, Optional<String> declaredIn, Status status, List<String> findings) {
    public Check {
      Objects.requireNonNull(external, "external");
      Objects.requireNonNull(declaredIn, "declaredIn");
      Objects.requireNonNull(status, "status");
      findings = List.copyOf(findings);
    }

    @Override
    public String toString() {
      String head = external.id() + " from " + external.provider()
          + declaredIn.map(d -> " (declared in " + d + ")").orElse("") + ": " + commitment(external) + " — ";
      return head + switch (status) {
        case KEPT -> "kept by the provider's model";
        case UNCHECKED -> "not checked, the provider's document is not part of the model";
        case MISMATCH -> String.join("; ", findings);
      };
    }
  }

  /** "RTO PT4H, tolerance PT24H". */
  static String commitment(External e) {
    List<String> parts = new ArrayList<>();
    e.rto().ifPresent(d -> parts.add("RTO " + Durations.format(d)));
    e.tolerance().ifPresent(d -> parts.add("tolerance " + Durations.format(d)));
    return String.join(", ", parts);
  }

  /**
   * How a provider's model is asked whether it keeps its commitments: all bound commitments of
   * a model at once, so that an analysis of the whole model runs once. The one place to change
   * when another analysis should answer (docs/regional.md#checking-commitments).
   */
  @FunctionalInterface
  interface Capability {
    /** For each commitment, in order, what keeps the provider's node from keeping it; empty when nothing does. */
    List<List<String>> shortfalls(Model model, List<External> commitments);
  }

  /**
   * The check in use: the provider node's declared RTO, recovery time and buffers, and the
   * recovery objectives of what it depends on (docs/regional.md#checking-commitments).
   */
  static final Capability CHECK = Commitments::objectives;

  /** The commitments of every external of the model that has one. */
  public static Commitments of(Model model) {
    Objects.requireNonNull(model, "model");
    List<External> bound = model.externals().stream()
        .filter(e -> e.hasCommitment() && !model.isExternal(e.id())).toList();
    List<List<String>> findings = bound.isEmpty() ? List.of() : CHECK.shortfalls(model, bound);
    List<Check> out = new ArrayList<>();
    for (External e : model.externals()) {
      if (!e.hasCommitment()) {
        continue;
      }
      Optional<String> declaredIn = model.source(e);
      int i = bound.indexOf(e);
      if (i < 0) {
        out.add(new Check(e, declaredIn, Status.UNCHECKED, List.of()));
      } else {
        List<String> f = findings.get(i);
        out.add(new Check(e, declaredIn, f.isEmpty() ? Status.KEPT : Status.MISMATCH, f));
      }
    }
    return new Commitments(out);
  }

  /** The commitments the provider's model cannot keep. */
  public List<Check> mismatches() {
    return checks.stream().filter(c -> c.status() == Status.MISMATCH).toList();
  }

  /**
   * {@link #declared(Model, List)}, and the recovery objectives of the provider's model
   * (docs/risk.md#recovery-objectives) asked on behalf of each committed RTO: the model with, for
   * each commitment, a function that needs the provider's node and has the committed RTO as its
   * own. A node the provider's node depends on whose declared RTO (its own restoration
   * commitment) is longer than the time that function requires of it keeps the commitment from
   * being kept. One computation of the objectives answers for every commitment.
   */
  static List<List<String>> objectives(Model model, List<External> commitments) {
    List<List<String>> out = new ArrayList<>();
    declared(model, commitments).forEach(f -> out.add(new ArrayList<>(f)));
    Model.Builder variant = model.toBuilder();
    List<String> probes = new ArrayList<>();
    for (int i = 0; i < commitments.size(); i++) {
      External e = commitments.get(i);
      if (e.rto().isEmpty()) {
        probes.add(null);
        continue;
      }
      String probe = "commitment-" + (i + 1);
      while (model.contains(probe)) {
        probe = probe + "-";
      }
      probes.add(probe);
      variant.function(probe, f -> f.criticality(Criticality.VITAL).rto(e.rto().get()).requires(e.id()));
    }
    if (probes.stream().allMatch(Objects::isNull)) {
      return out;
    }
    RecoveryObjectives objectives = RecoveryObjectives.of(variant.build());
    for (NodeObjectives n : objectives.nodes()) {
      if (n.declaredRto().isEmpty() || probes.contains(n.node())) {
        continue;
      }
      for (RequiredTime t : n.forRto()) {
        int i = probes.indexOf(t.function());
        if (i < 0 || n.node().equals(commitments.get(i).id())
            || n.declaredRto().get().compareTo(t.duration()) <= 0) {
          continue;
        }
        External e = commitments.get(i);
        String needs = t.duration().isZero() ? "cannot keep the " + Durations.format(e.rto().get())
            + " committed through any outage of it"
            : "needs it back within " + Durations.format(t.duration()) + " to keep the "
                + Durations.format(e.rto().get()) + " committed";
        out.get(i).add("'" + n.node() + "' is to be restored within " + Durations.format(n.declaredRto().get())
            + ", but '" + e.id() + "' " + needs);
      }
    }
    return out;
  }

  /** {@link #declared(Analysis, External, Node)} for each commitment. */
  static List<List<String>> declared(Model model, List<External> commitments) {
    Analysis analysis = Analysis.of(model);
    List<List<String>> out = new ArrayList<>();
    for (External e : commitments) {
      out.add(declared(analysis, e, model.requireNode(e.id())));
    }
    return out;
  }

  /**
   * The provider's own figures: an RTO of its own longer than the one committed, a recovery time
   * longer than it, and — for a committed tolerance — the shortest time in which the loss of any
   * one node the service depends on brings it down.
   */
  static List<String> declared(Analysis analysis, External e, Node p) {
    List<String> out = new ArrayList<>();
    e.rto().ifPresent(c -> {
      p.rto().filter(own -> own.compareTo(c) > 0).ifPresent(own -> out.add("its provider's own RTO for '"
          + p.id() + "' is " + Durations.format(own) + ", longer than the " + Durations.format(c) + " committed"));
      if (p.recovery().compareTo(c) > 0) {
        out.add("'" + p.id() + "' takes " + Durations.format(p.recovery()) + " to recover once its cause is "
            + "gone, longer than the " + Durations.format(c) + " committed");
      }
    });
    e.tolerance().ifPresent(t -> {
      DependencyClosure closure = analysis.dependencies(p.id());
      Duration earliest = null;
      String cause = null;
      for (String u : closure.nodes()) {
        if (u.equals(p.id())) {
          continue;
        }
        FailureTimes times = analysis.failureTimes(List.of(u), t);
        Optional<Duration> at = times.time(p.id());
        if (at.isPresent() && at.get().compareTo(t) < 0 && (earliest == null || at.get().compareTo(earliest) < 0)) {
          earliest = at.get();
          cause = u;
        }
      }
      if (cause != null) {
        out.add("'" + p.id() + "' fails " + Durations.format(earliest) + " after '" + cause
            + "' fails, within the " + Durations.format(t) + " its deliveries are committed to continue");
      }
    });
    return out;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Commitments at the interfaces: ").append(checks.size())
        .append(", ").append(mismatches().size()).append(" not kept by the provider's model");
    checks.forEach(c -> sb.append(String.format("%n  %s", c)));
    return sb.toString();
  }
}
