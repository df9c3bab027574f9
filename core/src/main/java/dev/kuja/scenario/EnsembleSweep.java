package dev.kuja.scenario;

import dev.kuja.model.Durations;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The table of a {@link Sweep} run as Monte Carlo ensembles ({@link Sweep#run(MonteCarlo)}): for
 * each value of the parameter, what the ensemble found on that value's variant of the model —
 * how the risk to every function moves with, say, the fuel stock.
 *
 * @param parameter the name of the varied parameter
 * @param rows      one row per value, in the order given
 */
public record EnsembleSweep(String parameter, List<Row> rows) {

  public EnsembleSweep {
    Objects.requireNonNull(parameter, "parameter");
    rows = List.copyOf(rows);
  }

  /**
   * One value of the parameter and its ensemble's result.
   *
   * @param value  the parameter's value, as text (durations in ISO-8601)
   * @param result what the ensemble found on the value's variant
   */
  public record Row(String value, EnsembleResult result) {
    public Row {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(result, "result");
    }
  }

  /** The row of one value (as text). */
  public Optional<Row> row(String value) {
    return rows.stream().filter(r -> r.value().equals(value)).findFirst();
  }

  /**
   * Readable table: the settings of the ensembles, then a line per value and function with
   * P(down), P(outage longer than the MTPD) and the mean downtime.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Sweep of ").append(parameter);
    if (rows.isEmpty()) {
      return sb.append(": no values").toString();
    }
    EnsembleResult first = rows.get(0).result();
    sb.append(String.format(Locale.ROOT, ", a Monte Carlo ensemble per value: seed %d, period %s; %.0f %% intervals",
        first.seed(), Durations.format(first.period()), first.level() * 100));
    int valueWidth = Math.max(parameter.length(), rows.stream().mapToInt(r -> r.value().length()).max().orElse(0));
    int functionWidth = Math.max(8, rows.stream().flatMap(r -> r.result().functions().stream())
        .mapToInt(f -> f.function().length()).max().orElse(8));
    String line = "%n  %-" + valueWidth + "s  %-9s  %-" + functionWidth + "s  %-26s  %-26s  %s";
    sb.append(String.format(Locale.ROOT, line, parameter, "scenarios", "function", "P(down)",
        "P(outage > MTPD)", "mean downtime"));
    for (Row r : rows) {
      for (FunctionRisk f : r.result().functions()) {
        sb.append(String.format(Locale.ROOT, line, r.value(),
            String.format(Locale.ROOT, "%,d", r.result().scenarios()) + (r.result().cancelled() ? "*" : ""),
            f.function(), f.down(), f.mtpdExceeded().map(Object::toString).orElse("- (no MTPD)"),
            f.meanDowntime()).stripTrailing());
      }
    }
    if (rows.stream().anyMatch(r -> r.result().cancelled())) {
      sb.append(String.format(Locale.ROOT, "%n  * cancelled before it had done what was asked"));
    }
    return sb.toString();
  }
}
