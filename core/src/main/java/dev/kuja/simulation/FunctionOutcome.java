package dev.kuja.simulation;

import dev.kuja.model.Durations;
import dev.kuja.model.ImpactLevel;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a scenario did to one critical function.
 *
 * @param function      the function's id
 * @param firstImpact   when it first went down, if it did
 * @param downtime      total time down, counted up to the horizon
 * @param longestOutage the longest single outage, cut at the horizon
 * @param mtpd          the function's maximum tolerable period of disruption, if set
 * @param mtpdExcess    by how much the longest outage exceeds the MTPD (zero if it does not)
 * @param rto           the function's recovery time objective, if set
 * @param impacts       per category of the function's impact thresholds that reached a level,
 *                      the level reached and when (docs/risk.md#impact-over-time), in the order
 *                      the categories first appear among the thresholds
 * @param outages       every outage, in time order
 * @param chains        the causal chain of each outage, in the same order
 */
public record FunctionOutcome(
    String function,
    Optional<Duration> firstImpact,
    Duration downtime,
    Duration longestOutage,
    Optional<Duration> mtpd,
    Duration mtpdExcess,
    Optional<Duration> rto,
    List<ImpactReached> impacts,
    List<Outage> outages,
    List<CausalChain> chains) {

  public FunctionOutcome {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(firstImpact, "firstImpact");
    Objects.requireNonNull(downtime, "downtime");
    Objects.requireNonNull(longestOutage, "longestOutage");
    Objects.requireNonNull(mtpd, "mtpd");
    Objects.requireNonNull(mtpdExcess, "mtpdExcess");
    Objects.requireNonNull(rto, "rto");
    impacts = List.copyOf(impacts);
    outages = List.copyOf(outages);
    chains = List.copyOf(chains);
  }

  /** True when one outage (cut at the horizon) lasted longer than the MTPD. */
  public boolean mtpdExceeded() {
    return mtpd.isPresent() && longestOutage.compareTo(mtpd.get()) > 0;
  }

  /** True when one outage lasted longer than the RTO. */
  public boolean rtoExceeded() {
    return rto.isPresent() && longestOutage.compareTo(rto.get()) > 0;
  }

  /** The highest impact level reached in any category; empty when none was reached. */
  public Optional<ImpactLevel> impactLevel() {
    return impacts.stream().map(ImpactReached::level).max(Comparator.naturalOrder());
  }

  /** The level reached in one category, if any. */
  public Optional<ImpactReached> impact(String category) {
    return impacts.stream().filter(i -> i.category().equals(category)).findFirst();
  }

  /** True when the function went down at all. */
  public boolean affected() {
    return firstImpact.isPresent();
  }

  @Override
  public String toString() {
    if (!affected()) {
      return function + ": not affected";
    }
    return function + ": down from " + Durations.format(firstImpact.get()) + ", downtime "
        + Durations.format(downtime) + ", longest outage " + Durations.format(longestOutage)
        + mtpd.map(m -> ", MTPD " + Durations.format(m)
            + (mtpdExceeded() ? " exceeded by " + Durations.format(mtpdExcess) : " kept"))
            .orElse("")
        + (impacts.isEmpty() ? "" : ", impact " + impacts.stream().map(ImpactReached::toString)
            .collect(Collectors.joining(", ")));
  }
}
