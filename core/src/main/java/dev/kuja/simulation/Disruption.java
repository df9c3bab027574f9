package dev.kuja.simulation;

import dev.kuja.model.Durations;
import dev.kuja.model.Target;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Something put out of action from {@code start} for {@code duration} (for good when there is
 * no duration): the half-open interval {@code [start, start + duration)}.
 *
 * @param target   what is disrupted: a node, every node of an organisation, or every tagged node
 * @param start    when, from the start of the scenario
 * @param duration how long; empty for open-ended
 */
public record Disruption(Target target, Duration start, Optional<Duration> duration) {

  public Disruption {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
  }

  /** A node disrupted from {@code start} for {@code duration}. */
  public static Disruption node(String id, Duration start, Duration duration) {
    return new Disruption(Target.node(id), start, Optional.of(duration));
  }

  /** A node disrupted from {@code start} for good. */
  public static Disruption node(String id, Duration start) {
    return new Disruption(Target.node(id), start, Optional.empty());
  }

  /** When the disruption ends, if it does. */
  public Optional<Duration> end() {
    return duration.map(start::plus);
  }

  @Override
  public String toString() {
    return target + " from " + Durations.format(start)
        + duration.map(d -> " for " + Durations.format(d)).orElse(", open-ended");
  }
}
