package dev.kuja.scenario;

import dev.kuja.model.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

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
    DurationEstimate meanDowntime,
    DurationEstimate medianDowntime,
    DurationEstimate p90Downtime,
    DurationEstimate p99Downtime) {

  public FunctionRisk {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(mtpd, "mtpd");
    Objects.requireNonNull(down, "down");
    Objects.requireNonNull(mtpdExceeded, "mtpdExceeded");
    Objects.requireNonNull(meanDowntime, "meanDowntime");
    Objects.requireNonNull(medianDowntime, "medianDowntime");
    Objects.requireNonNull(p90Downtime, "p90Downtime");
    Objects.requireNonNull(p99Downtime, "p99Downtime");
  }

  @Override
  public String toString() {
    return function + ": P(down) " + down
        + mtpdExceeded.map(e -> ", P(outage > MTPD " + Durations.format(mtpd.orElseThrow()) + ") " + e)
            .orElse("")
        + ", mean downtime " + meanDowntime + ", p99 " + p99Downtime;
  }
}
