package dev.kuja.scenario;

import dev.kuja.model.Durations;
import dev.kuja.simulation.FunctionOutcome;
import java.time.Duration;
import java.util.Objects;

/**
 * How one function fared in one scenario, on the baseline and on the variant.
 *
 * @param scenario the scenario's name
 * @param baseline the function's outcome on the baseline model
 * @param variant  the function's outcome on the variant
 */
public record OutcomeChange(String scenario, FunctionOutcome baseline, FunctionOutcome variant) {

  public OutcomeChange {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(variant, "variant");
  }

  /** Variant's downtime minus the baseline's (negative when the variant is better). */
  public Duration downtimeChange() {
    return variant.downtime().minus(baseline.downtime());
  }

  /** True when the baseline breached the MTPD and the variant does not. */
  public boolean breachAvoided() {
    return baseline.mtpdExceeded() && !variant.mtpdExceeded();
  }

  /** True when the variant breaches an MTPD the baseline kept. */
  public boolean breachIntroduced() {
    return !baseline.mtpdExceeded() && variant.mtpdExceeded();
  }

  /** True when anything differs: downtime, longest outage or breach. */
  public boolean changed() {
    return !baseline.downtime().equals(variant.downtime())
        || !baseline.longestOutage().equals(variant.longestOutage())
        || baseline.mtpdExceeded() != variant.mtpdExceeded();
  }

  @Override
  public String toString() {
    return scenario + ": downtime " + Durations.format(baseline.downtime()) + " -> "
        + Durations.format(variant.downtime()) + ", MTPD " + breach(baseline) + " -> "
        + breach(variant);
  }

  static String breach(FunctionOutcome o) {
    return o.mtpd().isEmpty() ? "-" : o.mtpdExceeded() ? "breached" : "kept";
  }
}
