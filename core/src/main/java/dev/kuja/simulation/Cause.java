package dev.kuja.simulation;

import dev.kuja.model.Durations;
import dev.kuja.model.Requirement;
import java.time.Duration;
import java.util.Objects;

/** Why a node went down. */
public sealed interface Cause {

  /** The node was disrupted directly. */
  record Disrupted(Disruption disruption) implements Cause {
    public Disrupted {
      Objects.requireNonNull(disruption, "disruption");
    }

    @Override
    public String toString() {
      return "disrupted (" + disruption + ")";
    }
  }

  /**
   * A requirement of the node stopped holding and its tolerance ran out.
   *
   * @param index       0-based index of the requirement in the node's list
   * @param requirement the requirement
   * @param trigger     the alternative whose loss broke it
   * @param since       when the requirement stopped holding
   */
  record RequirementLost(int index, Requirement requirement, String trigger, Duration since)
      implements Cause {
    public RequirementLost {
      Objects.requireNonNull(requirement, "requirement");
      Objects.requireNonNull(trigger, "trigger");
      Objects.requireNonNull(since, "since");
    }

    @Override
    public String toString() {
      String tol = requirement.tolerance().isZero() ? ""
          : ", tolerance " + Durations.format(requirement.tolerance());
      return "lost " + trigger + (requirement.n() > 1 ? " (" + requirement + ")" : "")
          + " at " + Durations.format(since) + tol;
    }
  }
}
