package dev.kuja.simulation;

import dev.kuja.model.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How soon a node must be back for one function to keep an objective
 * (docs/risk.md#recovery-objectives): the longest outage of the node alone — its own recovery
 * time included — that keeps the function's longest outage within its RTO (or MTPD).
 *
 * @param function the function whose objective sets the requirement
 * @param duration the longest tolerable outage of the node; zero when even the shortest outage
 *                 breaches the objective (the node must not fail)
 * @param chain    the causal chain, ids from the node up to the function, of the function's
 *                 longest outage when the node's outage lasts 1 ms longer than {@code duration}
 *                 (the outage that first breaches)
 */
public record RequiredTime(String function, Duration duration, List<String> chain) {

  public RequiredTime {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(duration, "duration");
    chain = List.copyOf(chain);
  }

  @Override
  public String toString() {
    return Durations.format(duration) + " for " + function + " (" + String.join(" -> ", chain) + ")";
  }
}
