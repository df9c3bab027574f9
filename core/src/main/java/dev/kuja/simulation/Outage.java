package dev.kuja.simulation;

import dev.kuja.model.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One interval during which a node was down: {@code [from, to)}, or from {@code from} to the
 * horizon and beyond when {@code to} is empty.
 *
 * @param node  the node
 * @param from  when it went down
 * @param to    when it came back; empty when still down at the horizon
 * @param cause why it went down
 */
public record Outage(String node, Duration from, Optional<Duration> to, Cause cause) {

  public Outage {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(cause, "cause");
  }

  /** Length of the outage, counted up to the horizon when it has not ended. */
  public Duration length(Duration horizon) {
    return to.orElse(horizon).minus(from);
  }

  /** True when the node is down at {@code t} under this outage. */
  public boolean covers(Duration t) {
    return from.compareTo(t) <= 0 && to.map(e -> t.compareTo(e) < 0).orElse(true);
  }

  @Override
  public String toString() {
    return node + " down " + Durations.format(from) + " – "
        + to.map(Durations::format).orElse("(still down)") + ": " + cause;
  }
}
