package dev.kuja.simulation;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.kuja.model.Durations;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of simulating a scenario: every node's outages with their causes, every
 * function's outcome against its MTPD and RTO, and the nodes that are locked — still down once
 * every disruption has ended, because a cycle of them cannot restart by itself (they need a
 * "black start" from outside).
 *
 * @param scenario  the scenario simulated
 * @param timelines outages per node that went down, nodes in model order, outages in time order
 * @param functions the outcome for every function of the model, in model order
 * @param locked    nodes that stay down after all disruptions end (open-ended ones taken as
 *                  ending at the horizon), sorted by id
 */
public record SimulationResult(
    Scenario scenario, Map<String, List<Outage>> timelines, List<FunctionOutcome> functions,
    Set<String> locked) {

  public SimulationResult {
    Objects.requireNonNull(scenario, "scenario");
    timelines = timelines instanceof Timelines ? timelines : ImmutableMap.copyOf(timelines);
    functions = List.copyOf(functions);
    locked = ImmutableSortedSet.copyOf(locked);
  }

  /** The outages of a node (empty when it never went down). */
  public List<Outage> timeline(String node) {
    return timelines.getOrDefault(node, List.of());
  }

  /** True when the node is down at time {@code t}. */
  public boolean isDown(String node, Duration t) {
    return timeline(node).stream().anyMatch(o -> o.covers(t));
  }

  /** The outcome for a function. */
  public Optional<FunctionOutcome> function(String id) {
    return functions.stream().filter(f -> f.function().equals(id)).findFirst();
  }

  /** The functions whose MTPD was exceeded. */
  public List<FunctionOutcome> mtpdBreaches() {
    return functions.stream().filter(FunctionOutcome::mtpdExceeded).toList();
  }

  /** Every outage of every node, by start time then node id. */
  public List<Outage> outages() {
    return timelines.values().stream().flatMap(List::stream)
        .sorted(Comparator.comparing(Outage::from).thenComparing(Outage::node)).toList();
  }

  @Override
  public String toString() {
    List<FunctionOutcome> hit = functions.stream().filter(FunctionOutcome::affected).toList();
    StringBuilder sb = new StringBuilder("Scenario '").append(scenario.name()).append("' over ")
        .append(Durations.format(scenario.horizon())).append(": ")
        .append(timelines.size()).append(" nodes went down, ").append(hit.size()).append(" of ")
        .append(functions.size()).append(" functions affected, ").append(mtpdBreaches().size())
        .append(" MTPD breached");
    if (!hit.isEmpty()) {
      int width = Math.max(8, hit.stream().mapToInt(f -> f.function().length()).max().orElse(8));
      boolean levels = hit.stream().anyMatch(f -> !f.impacts().isEmpty());
      String row = "%n  %-" + width + "s %-10s %-10s %-10s %-8s %-10s%s";
      sb.append(String.format(row, "function", "down at", "downtime", "longest", "MTPD", "breach",
          levels ? " impact" : "").stripTrailing());
      for (FunctionOutcome f : hit) {
        sb.append(String.format(row, f.function(),
            Durations.format(f.firstImpact().orElseThrow()), Durations.format(f.downtime()),
            Durations.format(f.longestOutage()), f.mtpd().map(Durations::format).orElse("-"),
            f.mtpdExceeded() ? "+" + Durations.format(f.mtpdExcess()) : "-",
            levels ? " " + f.impactLevel().map(l -> l.label() + " (" + f.impacts().stream()
                .filter(i -> i.level() == l).map(ImpactReached::category)
                .collect(java.util.stream.Collectors.joining(", ")) + ")").orElse("-") : "")
            .stripTrailing());
      }
    }
    sb.append("\n  locked (need a black start): ")
        .append(locked.isEmpty() ? "none" : String.join(", ", locked));
    for (FunctionOutcome f : hit) {
      if (!f.chains().isEmpty()) {
        sb.append("\n  why ").append(f.function()).append(":\n    ")
            .append(f.chains().get(0).toString().replace("\n", "\n  "));
      }
    }
    return sb.toString();
  }
}
