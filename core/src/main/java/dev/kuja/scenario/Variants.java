package dev.kuja.scenario;

import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Requirement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Ready-made edits for what-if questions, each giving a new model and leaving the original as
 * it was. Anything else is one {@code model.toBuilder().edit(id, n -> ...).build()} away; these
 * exist for the parameters analysts sweep most: buffers (fuel, stock, batteries), redundancy
 * and recovery times.
 */
public final class Variants {

  private Variants() {}

  /**
   * The model with the tolerance of every requirement of {@code node} that names {@code
   * alternative} set to {@code tolerance} — "fuel for 72 h instead of 24 h" is {@code
   * tolerance(model, "generator", "fuel-supplier", Duration.ofHours(72))}.
   *
   * @throws IllegalArgumentException when no requirement of the node names the alternative
   */
  public static Model tolerance(Model model, String node, String alternative, Duration tolerance) {
    Objects.requireNonNull(tolerance, "tolerance");
    return editRequirements(model, node, alternative, r -> r.withTolerance(tolerance));
  }

  /**
   * The model with {@code added} as one more alternative in every requirement of {@code node}
   * that names {@code existing} (k unchanged) — a second fuel supplier, a second data centre.
   *
   * @throws IllegalArgumentException when no requirement of the node names {@code existing}
   */
  public static Model addAlternative(Model model, String node, String existing, String added) {
    Objects.requireNonNull(added, "added");
    return editRequirements(model, node, existing, r -> {
      List<String> alts = new ArrayList<>(r.alternatives());
      alts.add(added);
      return new Requirement(alts, r.k(), r.tolerance());
    });
  }

  /** The model with the node's recovery time set to {@code recovery}. */
  public static Model recovery(Model model, String node, Duration recovery) {
    Objects.requireNonNull(recovery, "recovery");
    return model.toBuilder().edit(node, n -> n.recovery(recovery)).build();
  }

  private static Model editRequirements(Model model, String node, String alternative,
      UnaryOperator<Requirement> change) {
    Node n = model.requireNode(node);
    List<Requirement> edited = new ArrayList<>();
    boolean hit = false;
    for (Requirement r : n.requirements()) {
      if (r.alternatives().contains(alternative)) {
        edited.add(change.apply(r));
        hit = true;
      } else {
        edited.add(r);
      }
    }
    if (!hit) {
      throw new IllegalArgumentException("no requirement of '" + node + "' names '" + alternative
          + "'; its requirements are " + n.requirements());
    }
    return model.toBuilder().edit(node, b -> b.requirements(edited)).build();
  }
}
