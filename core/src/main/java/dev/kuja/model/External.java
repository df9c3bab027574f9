package dev.kuja.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A service that one organisation's document uses but another organisation provides, and what
 * the provider has committed to (docs/regional.md#externals). A county can model its side of the
 * region before anyone else has modelled theirs: its document declares the electricity, telecom
 * or fuel service it relies on as an external, with the provider's commitment.
 *
 * <p>In a model that has no node of this id from any document, the external <em>is</em> that
 * node — a leaf of the given kind, owned by the provider — and its commitment bounds its outages
 * in simulations ({@link Model#isExternal(String)}). In a model that also holds the provider's
 * document, the external is bound to the provider's node of the same id, which must be of the
 * same kind and owned by the provider; the commitment is then checked against the provider's
 * model instead.
 *
 * @param id        the node, as the provider names it
 * @param kind      the node's kind
 * @param name      human-readable name (the id when none was given)
 * @param provider  the organisation that provides the service
 * @param rto       the provider's commitment to restore the service within this time of any
 *                  interruption
 * @param tolerance suppliers only: the provider's commitment that deliveries continue for this
 *                  long after its service is interrupted (stock held for the customer)
 */
public record External(String id, NodeKind kind, String name, String provider, Optional<Duration> rto,
    Optional<Duration> tolerance) {

  public External {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(rto, "rto");
    Objects.requireNonNull(tolerance, "tolerance");
  }

  /** An external of this id and kind from {@code provider}, named by its id, with no commitment yet. */
  public static External of(String id, NodeKind kind, String provider) {
    return new External(id, kind, id, provider, Optional.empty(), Optional.empty());
  }

  /** The same external with this name. */
  public External withName(String name) {
    return new External(id, kind, name, provider, rto, tolerance);
  }

  /** The same external with the provider's commitment to restore it within {@code rto}. */
  public External withRto(Duration rto) {
    return new External(id, kind, name, provider, Optional.of(rto), tolerance);
  }

  /** The same external with the provider's commitment that deliveries continue for {@code tolerance}. */
  public External withTolerance(Duration tolerance) {
    return new External(id, kind, name, provider, rto, Optional.of(tolerance));
  }

  /** True when the provider has committed to something: an RTO or a tolerance. */
  public boolean hasCommitment() {
    return rto.isPresent() || tolerance.isPresent();
  }

  /** {@code grid [resource, from power-co, RTO PT4H]}. */
  @Override
  public String toString() {
    StringJoiner facts = new StringJoiner(", ", " [", "]");
    facts.add(kind.label());
    facts.add("from " + provider);
    rto.ifPresent(d -> facts.add("RTO " + Durations.format(d)));
    tolerance.ifPresent(d -> facts.add("tolerance " + Durations.format(d)));
    return id + (name.equals(id) ? "" : " \"" + name + "\"") + facts;
  }
}
