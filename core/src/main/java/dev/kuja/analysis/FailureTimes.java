package dev.kuja.analysis;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.kuja.engine.graph.NodeSets;
import dev.kuja.model.Durations;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When each node fails after the {@code initial} nodes fail at time 0 and stay down, tolerances
 * (fuel, stock, batteries) included. Nodes that never fail within the horizon are absent.
 *
 * @param initial the nodes failed at time 0
 * @param horizon how far ahead failure times were computed; empty for no limit
 * @param times   failure time of every node that fails, earliest first
 */
public record FailureTimes(Set<String> initial, Optional<Duration> horizon, Map<String, Duration> times) {

  public FailureTimes {
    initial = ImmutableSortedSet.copyOf(initial);
    Objects.requireNonNull(horizon, "horizon");
    times = NodeSets.isFrozen(times) ? times : ImmutableMap.copyOf(times);
  }

  /** When the node fails, if it does. */
  public Optional<Duration> time(String id) {
    return Optional.ofNullable(times.get(id));
  }

  /** The nodes failed at or before {@code t}, sorted by id. */
  public Set<String> failedBy(Duration t) {
    return times.entrySet().stream()
        .filter(e -> e.getValue().compareTo(t) <= 0)
        .map(Map.Entry::getKey)
        .collect(ImmutableSortedSet.toImmutableSortedSet(String::compareTo));
  }

  @Override
  public String toString() {
    String rows = times.entrySet().stream().limit(Impact.LISTED)
        .map(e -> String.format("  %-10s %s", Durations.format(e.getValue()), e.getKey()))
        .collect(Collectors.joining("\n"))
        + (times.size() > Impact.LISTED ? "\n  … and " + (times.size() - Impact.LISTED) + " more" : "");
    return "Failure times after " + initial
        + horizon.map(h -> " (horizon " + Durations.format(h) + ")").orElse("")
        + ": " + times.size() + " nodes fail\n" + rows;
  }
}
