package dev.kuja.scenario;

import dev.kuja.model.Durations;
import dev.kuja.model.Problem;
import dev.kuja.model.Reliability;
import dev.kuja.model.RepairTime;
import dev.kuja.model.ValidationException;
import dev.kuja.simulation.Disruption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One event that fails a set of nodes together — a storm over a region, a cyber attack on a
 * supplier, a pandemic taking a staff group. Its targets are nodes, every node of an
 * organisation, or every node with a tag; its occurrence is given like a node's reliability
 * data: a probability of happening in the study period or a rate per year, and a distribution
 * of how long it lasts (without one it lasts to the end of the period).
 *
 * @param name       a name for reports
 * @param targets    what the event disrupts
 * @param occurrence how often it happens and how long it lasts
 */
public record CommonCauseEvent(String name, List<Disruption.Target> targets, Reliability occurrence) {

  public CommonCauseEvent {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(occurrence, "occurrence");
    targets = List.copyOf(targets);
    List<String> problems = new ArrayList<>();
    if (name.isBlank()) {
      problems.add("the event needs a name");
    }
    if (targets.isEmpty()) {
      problems.add("it disrupts nothing: give nodes, an organisation or a tag");
    }
    if (occurrence.failureProbability().isEmpty() && occurrence.failuresPerYear().isEmpty()) {
      problems.add("it needs a probability or a rate per year");
    }
    occurrence.failureProbability().ifPresent(p -> {
      if (!(p >= 0 && p <= 1)) {
        problems.add("probability " + p + " is not in [0, 1]");
      }
    });
    occurrence.failuresPerYear().ifPresent(r -> {
      if (!(r >= 0) || Double.isInfinite(r)) {
        problems.add("rate " + r + " per year must be a finite non-negative number");
      }
    });
    occurrence.repairTime().ifPresent(t -> {
      if (t.mean().isNegative()) {
        problems.add("duration " + t + " is negative");
      }
    });
    if (!problems.isEmpty()) {
      throw new ValidationException(problems.stream().map(m -> Problem.event(name, m)).toList());
    }
  }

  /** Starts an event with this name. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  @Override
  public String toString() {
    return "event '" + name + "' on " + targets.stream().map(Object::toString)
        .collect(Collectors.joining(", ")) + ", " + occurrence;
  }

  /** Builds a {@link CommonCauseEvent}; {@code build()} checks it. */
  public static final class Builder {
    private final String name;
    private final List<Disruption.Target> targets = new ArrayList<>();
    private Reliability occurrence = new Reliability(
        java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(), java.util.Optional.empty());

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** The event disrupts these nodes. */
    public Builder nodes(String... ids) {
      for (String id : ids) {
        targets.add(new Disruption.Target.OfNode(id));
      }
      return this;
    }

    /** The event disrupts every node of the organisation. */
    public Builder organisation(String id) {
      targets.add(new Disruption.Target.OfOrganisation(id));
      return this;
    }

    /** The event disrupts every node with the tag. */
    public Builder tag(String tag) {
      targets.add(new Disruption.Target.OfTag(tag));
      return this;
    }

    /** It happens (once) in the study period with this probability. */
    public Builder probability(double p) {
      occurrence = new Reliability(java.util.OptionalDouble.of(p), occurrence.failuresPerYear(),
          occurrence.repairTime());
      return this;
    }

    /** It happens at this rate per year (a Poisson process). */
    public Builder ratePerYear(double rate) {
      occurrence = new Reliability(occurrence.failureProbability(), java.util.OptionalDouble.of(rate),
          occurrence.repairTime());
      return this;
    }

    /** How long each occurrence lasts. */
    public Builder duration(RepairTime duration) {
      occurrence = occurrence.withRepairTime(duration);
      return this;
    }

    /** Each occurrence lasts exactly this long (ISO-8601, e.g. {@code P2D}). */
    public Builder duration(String iso) {
      Duration d = Durations.parse(iso);
      return duration(new RepairTime.Fixed(d));
    }

    /** The event. */
    public CommonCauseEvent build() {
      return new CommonCauseEvent(name, targets, occurrence);
    }
  }
}
