package dev.kuja.simulation;

import dev.kuja.model.Durations;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The recovery objectives one node must meet for the functions that depend on it
 * (docs/risk.md#recovery-objectives).
 *
 * @param node        the node's id
 * @param declaredRto the node's own RTO (for a resource or supplier, its restoration commitment)
 * @param forRto      per function with an RTO that an outage of the node can breach, in model
 *                    order, how long the node may be out
 * @param forMtpd     the same for functions with an MTPD
 */
public record NodeObjectives(String node, Optional<Duration> declaredRto, List<RequiredTime> forRto,
    List<RequiredTime> forMtpd) {

  public NodeObjectives {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(declaredRto, "declaredRto");
    forRto = List.copyOf(forRto);
    forMtpd = List.copyOf(forMtpd);
  }

  /** The required RTO: the shortest requirement over the functions' RTOs (the first in model order on a tie). */
  public Optional<RequiredTime> requiredRto() {
    return forRto.stream().min(Comparator.comparing(RequiredTime::duration));
  }

  /** The required MTPD: the shortest requirement over the functions' MTPDs. */
  public Optional<RequiredTime> requiredMtpd() {
    return forMtpd.stream().min(Comparator.comparing(RequiredTime::duration));
  }

  /** How much longer the declared RTO is than the required RTO; empty when it is not longer. */
  public Optional<Duration> gap() {
    return declaredRto.flatMap(d -> requiredRto().map(r -> d.minus(r.duration())))
        .filter(g -> g.compareTo(Duration.ZERO) > 0);
  }

  @Override
  public String toString() {
    return node + ": required RTO " + requiredRto().map(Object::toString).orElse("none")
        + ", required MTPD " + requiredMtpd().map(Object::toString).orElse("none")
        + ", declared RTO " + declaredRto.map(Durations::format).orElse("none")
        + gap().map(g -> ", gap +" + Durations.format(g)).orElse("");
  }
}
