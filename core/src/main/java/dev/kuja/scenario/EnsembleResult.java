package dev.kuja.scenario;

import dev.kuja.model.Durations;
import dev.kuja.model.ImpactLevel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a Monte Carlo ensemble found: per critical function, the distribution of its outages
 * over the study period. The same model, events, period, seed and number of scenarios give an
 * equal result whatever the number of threads.
 *
 * @param period    the study period each scenario covers
 * @param seed      the seed of the random streams
 * @param scenarios how many scenarios were simulated
 * @param level     the confidence level of every interval (for example 0.95)
 * @param cancelled true when the run was cancelled before it had done what was asked
 * @param functions the risk to each function, in model order
 */
public record EnsembleResult(
    Duration period, long seed, long scenarios, double level, boolean cancelled,
    List<FunctionRisk> functions) {

  public EnsembleResult {
    Objects.requireNonNull(period, "period");
    functions = List.copyOf(functions);
  }

  /** The risk to one function. */
  public Optional<FunctionRisk> function(String id) {
    return functions.stream().filter(f -> f.function().equals(id)).findFirst();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "Monte Carlo: %,d scenarios of %s, seed %d%s; %.0f %% intervals",
        scenarios, Durations.format(period), seed, cancelled ? " (cancelled)" : "", level * 100));
    int width = Math.max(8, functions.stream().mapToInt(f -> f.function().length()).max().orElse(8));
    String row = "%n  %-" + width + "s %-26s %-26s %-22s %s";
    sb.append(String.format(Locale.ROOT, row, "function", "P(down)", "P(outage > MTPD)",
        "mean downtime", "p99 downtime"));
    for (FunctionRisk f : functions) {
      sb.append(String.format(Locale.ROOT, row, f.function(), f.down(),
          f.mtpdExceeded().map(Object::toString).orElse("- (no MTPD)"), f.meanDowntime(),
          f.p99Downtime()));
    }
    List<FunctionRisk> levelled = functions.stream().filter(f -> !f.impacts().isEmpty()).toList();
    if (!levelled.isEmpty()) {
      sb.append(String.format(Locale.ROOT, "%n  P(impact level or worse) per period, %.0f %% intervals:",
          level * 100));
      String levels = "%n  %-" + width + "s" + " %-26s".repeat(ImpactLevel.values().length);
      sb.append(String.format(Locale.ROOT, levels, Stream.concat(Stream.of("function"),
          Arrays.stream(ImpactLevel.values()).map(ImpactLevel::label)).toArray()).stripTrailing());
      for (FunctionRisk f : levelled) {
        sb.append(String.format(Locale.ROOT, levels, Stream.concat(Stream.of(f.function()),
            f.impacts().values().stream().map(Object::toString)).toArray()).stripTrailing());
      }
    }
    return sb.toString();
  }
}
