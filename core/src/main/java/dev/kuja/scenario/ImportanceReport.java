package dev.kuja.scenario;

import dev.kuja.model.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Importance measures for one function, as in probabilistic safety assessment. The static
 * reliability model behind them is a snapshot at a random instant of the study period: every
 * basic event — a node with reliability data, or a threat — is down with its mean
 * unavailability over the period (for a rate λ and mean repair time τ, λτ / (1 + λτ); for a
 * probability p without repair time, p), independently of the others, and the function is
 * down when it is in the impact of what is down (docs/analyses.md#impact, tolerances not counted — a
 * conservative snapshot; timing, buffers and repairs are what {@link MonteCarlo#run()} adds).
 *
 * @param function        the function
 * @param period          the study period
 * @param exact           true when computed by enumerating every combination of the basic
 *                        events that can reach the function; false when sampled
 * @param samples         the number of samples (0 when exact)
 * @param lossProbability Q, the probability that the function is down at a random instant
 * @param events          the measures of each basic event that can reach the function, by
 *                        decreasing Birnbaum importance (events that cannot reach it have all
 *                        measures neutral and are left out)
 */
public record ImportanceReport(
    String function, Duration period, boolean exact, long samples, Estimate lossProbability,
    List<NodeImportance> events) {

  /** Above this many basic events, {@link MonteCarlo#exactImportance(String)} is refused. */
  public static final int MAX_EXACT_EVENTS = 20;

  public ImportanceReport {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(lossProbability, "lossProbability");
    events = List.copyOf(events);
  }

  /** The measures of one basic event (a node id or {@code threat:ID}). */
  public Optional<NodeImportance> event(String id) {
    return events.stream().filter(e -> e.event().equals(id)).findFirst();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "Importance for '%s' over %s (%s): P(down at a random instant) %s", function, Durations.format(period),
        exact ? "exact" : String.format(Locale.ROOT, "%,d samples", samples), lossProbability));
    int width = Math.max(5, events.stream().mapToInt(e -> e.event().length()).max().orElse(5));
    String row = "%n  %-" + width + "s %10s %10s %10s %10s %10s";
    sb.append(String.format(Locale.ROOT, row, "event", "p", "Birnbaum", "FV", "RAW", "RRW"));
    for (NodeImportance e : events) {
      sb.append(String.format(Locale.ROOT, row, e.event(), g(e.probability()), g(e.birnbaum()),
          g(e.fussellVesely()), g(e.riskAchievementWorth()), g(e.riskReductionWorth())));
    }
    return sb.toString();
  }

  private static String g(double x) {
    return Double.isInfinite(x) ? "inf" : String.format(Locale.ROOT, "%.4g", x);
  }
}
