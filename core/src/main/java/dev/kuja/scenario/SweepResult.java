package dev.kuja.scenario;

import dev.kuja.model.Durations;
import dev.kuja.simulation.FunctionOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The table of a {@link Sweep}: for each value of the parameter and each scenario, how every
 * function fared.
 *
 * @param parameter the name of the varied parameter
 * @param rows      one row per value and scenario, values in the order given
 */
public record SweepResult(String parameter, List<Row> rows) {

  public SweepResult {
    Objects.requireNonNull(parameter, "parameter");
    rows = List.copyOf(rows);
  }

  /**
   * One value of the parameter under one scenario.
   *
   * @param value    the parameter's value, as text
   * @param scenario the scenario's name
   * @param functions every function's outcome
   */
  public record Row(String value, String scenario, List<FunctionOutcome> functions) {
    public Row {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(scenario, "scenario");
      functions = List.copyOf(functions);
    }

    /** One function's outcome. */
    public Optional<FunctionOutcome> function(String id) {
      return functions.stream().filter(f -> f.function().equals(id)).findFirst();
    }

    /** How many functions breached their MTPD. */
    public long mtpdBreaches() {
      return functions.stream().filter(FunctionOutcome::mtpdExceeded).count();
    }

    /** Total downtime of every function. */
    public Duration downtime() {
      return functions.stream().map(FunctionOutcome::downtime).reduce(Duration.ZERO, Duration::plus);
    }
  }

  /** Readable table: a row per value, a column per function affected in any row. */
  @Override
  public String toString() {
    Set<String> affected = new LinkedHashSet<>();
    rows.forEach(r -> r.functions().stream().filter(FunctionOutcome::affected)
        .forEach(f -> affected.add(f.function())));
    List<String> columns = new ArrayList<>(affected);
    int valueWidth = Math.max(parameter.length(), rows.stream().mapToInt(r -> r.value().length()).max().orElse(0));
    int scenarioWidth = Math.max(8, rows.stream().mapToInt(r -> r.scenario().length()).max().orElse(0));
    StringBuilder sb = new StringBuilder("Sweep of ").append(parameter)
        .append(" (downtime per function; * = MTPD breached)\n");
    sb.append(String.format("  %-" + valueWidth + "s  %-" + scenarioWidth + "s  %8s", parameter,
        "scenario", "breaches"));
    for (String c : columns) {
      sb.append("  ").append(c);
    }
    for (Row r : rows) {
      sb.append(String.format("%n  %-" + valueWidth + "s  %-" + scenarioWidth + "s  %8d", r.value(),
          r.scenario(), r.mtpdBreaches()));
      for (String c : columns) {
        FunctionOutcome o = r.function(c).orElseThrow();
        String cell = Durations.format(o.downtime()) + (o.mtpdExceeded() ? "*" : "");
        sb.append("  ").append(String.format("%-" + c.length() + "s", cell));
      }
    }
    return sb.toString().replaceAll(" +(\n|$)", "$1");
  }
}
