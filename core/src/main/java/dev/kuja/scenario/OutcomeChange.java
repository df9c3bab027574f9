package dev.kuja.scenario;

import dev.kuja.model.Durations;
import dev.kuja.model.ImpactLevel;
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

  /** True when anything differs: downtime, longest outage, breach or impact reached. */
  public boolean changed() {
    return !baseline.downtime().equals(variant.downtime())
        || !baseline.longestOutage().equals(variant.longestOutage())
        || baseline.mtpdExceeded() != variant.mtpdExceeded()
        || !baseline.impacts().equals(variant.impacts());
  }

  /**
   * True when the variant reaches a lower highest impact level (docs/risk.md#impact-over-time)
   * than the baseline, or none.
   */
  public boolean impactLowered() {
    return baseline.impactLevel().isPresent()
        && variant.impactLevel().map(v -> v.compareTo(baseline.impactLevel().get()) < 0).orElse(true);
  }

  /** True when the variant reaches a higher impact level than the baseline. */
  public boolean impactRaised() {
    return variant.impactLevel().isPresent()
        && baseline.impactLevel().map(b -> b.compareTo(variant.impactLevel().get()) < 0).orElse(true);
  }

  @Override
  public String toString() {
    return scenario + ": downtime " + Durations.format(baseline.downtime()) + " -> "
        + Durations.format(variant.downtime()) + ", MTPD " + breach(baseline) + " -> "
        + breach(variant)
        + (baseline.impactLevel().isEmpty() && variant.impactLevel().isEmpty() ? ""
            : ", impact " + level(baseline) + " -> " + level(variant));
  }

  private static String level(FunctionOutcome o) {
    return o.impactLevel().map(ImpactLevel::label).orElse("none");
  }

  static String breach(FunctionOutcome o) {
    return o.mtpd().isEmpty() ? "-" : o.mtpdExceeded() ? "breached" : "kept";
  }
}
