package dev.kuja.scenario;

import dev.kuja.model.Durations;
import dev.kuja.model.ImpactLevel;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The risk to one critical function over the study period, estimated from a Monte Carlo
 * ensemble: how likely it is to go down at all, how likely one outage is to last longer than its
 * MTPD, and how its total downtime in the period is distributed. Every figure carries its
 * confidence interval.
 *
 * @param function       the function's id
 * @param mtpd           its maximum tolerable period of disruption, if set
 * @param down           probability that it goes down at least once in the period
 * @param mtpdExceeded   probability that one outage lasts longer than the MTPD (empty without
 *                       an MTPD)
 * @param impacts        for a function with impact thresholds, per impact level (all five, in
 *                       order), the probability that its longest outage in the period reaches
 *                       that level or a worse one in some category (docs/risk.md#impact-over-time);
 *                       empty without thresholds
 * @param meanDowntime   mean total downtime in the period (normal-approximation interval)
 * @param medianDowntime median total downtime (distribution-free order-statistic interval)
 * @param p90Downtime    90th percentile of total downtime (same kind of interval)
 * @param p99Downtime    99th percentile of total downtime (same kind of interval)
 */
public record FunctionRisk(
    String function,
    Optional<Duration> mtpd,
    Estimate down,
    Optional<Estimate> mtpdExceeded,
    Map<ImpactLevel, Estimate> impacts,
    DurationEstimate meanDowntime,
    DurationEstimate medianDowntime,
    DurationEstimate p90Downtime,
    DurationEstimate p99Downtime) {

  public FunctionRisk {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(mtpd, "mtpd");
    Objects.requireNonNull(down, "down");
    Objects.requireNonNull(mtpdExceeded, "mtpdExceeded");
    impacts = Collections.unmodifiableMap(new EnumMap<>(impacts.isEmpty()
        ? new EnumMap<ImpactLevel, Estimate>(ImpactLevel.class) : impacts));
    Objects.requireNonNull(meanDowntime, "meanDowntime");
    Objects.requireNonNull(medianDowntime, "medianDowntime");
    Objects.requireNonNull(p90Downtime, "p90Downtime");
    Objects.requireNonNull(p99Downtime, "p99Downtime");
  }

  /** The probability of reaching this impact level or a worse one; empty without thresholds. */
  public Optional<Estimate> atLeast(ImpactLevel level) {
    return Optional.ofNullable(impacts.get(level));
  }

  @Override
  public String toString() {
    return function + ": P(down) " + down
        + mtpdExceeded.map(e -> ", P(outage > MTPD " + Durations.format(mtpd.orElseThrow()) + ") " + e)
            .orElse("")
        + ", mean downtime " + meanDowntime + ", p99 " + p99Downtime
        + (impacts.isEmpty() ? "" : impacts.entrySet().stream()
            .filter(e -> e.getValue().value() > 0)
            .map(e -> ", P(" + e.getKey().label() + " or worse) " + e.getValue())
            .collect(Collectors.joining()));
  }
}
