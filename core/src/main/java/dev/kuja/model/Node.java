package dev.kuja.model;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A node of the continuity model: a critical function, a resource or a supplier. It operates
 * while all of its requirements hold. Function-only attributes (criticality, MTPD, MBCO, impact
 * thresholds) are empty on other kinds; a {@link Model} enforces that. Any node may have an RTO:
 * a function's recovery time objective, or a resource's or supplier's restoration commitment.
 *
 * @param id           stable identifier, unique in the model
 * @param kind         function, resource or supplier
 * @param name         human-readable name (the id when none was given)
 * @param owner        id of the organisation that owns the node
 * @param criticality  functions: how much the function matters
 * @param mtpd         functions: maximum tolerable period of disruption
 * @param rto          recovery time objective of a function; of a resource or supplier, the
 *                     restoration time it is committed to (an SLA)
 * @param mbco         functions: minimum business continuity objective, in words
 * @param impacts      functions: escalation thresholds — the impact level each category reaches
 *                     once an outage has lasted a given time, in the order given
 * @param recovery     time to come back once the causes of an outage are gone (zero if instant)
 * @param tags         free tags, e.g. {@code vital-function:population-services}
 * @param attributes   free key–value attributes
 * @param requirements what the node needs in order to operate, all of them
 * @param reliability  data for stochastic analyses
 */
public record Node(
    String id,
    NodeKind kind,
    String name,
    Optional<String> owner,
    Optional<Criticality> criticality,
    Optional<Duration> mtpd,
    Optional<Duration> rto,
    Optional<String> mbco,
    List<ImpactThreshold> impacts,
    Duration recovery,
    Set<String> tags,
    Map<String, String> attributes,
    List<Requirement> requirements,
    Optional<Reliability> reliability) {

  public Node {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(criticality, "criticality");
    Objects.requireNonNull(mtpd, "mtpd");
    Objects.requireNonNull(rto, "rto");
    Objects.requireNonNull(mbco, "mbco");
    impacts = List.copyOf(impacts);
    Objects.requireNonNull(recovery, "recovery");
    tags = ImmutableSet.copyOf(tags);
    attributes = ImmutableMap.copyOf(attributes);
    requirements = List.copyOf(requirements);
    Objects.requireNonNull(reliability, "reliability");
  }

  /** True for critical functions. */
  public boolean isFunction() {
    return kind == NodeKind.FUNCTION;
  }

  /** True when the node carries the tag. */
  public boolean hasTag(String tag) {
    return tags.contains(tag);
  }

  /**
   * The highest impact level, over every category, that an outage of this length reaches; empty
   * when it reaches none (or the outage is zero). See {@link ImpactThreshold#reachedBy(Duration)}.
   */
  public Optional<ImpactLevel> impactLevelAfter(Duration outage) {
    ImpactLevel best = null;
    for (ImpactThreshold t : impacts) {
      if (t.reachedBy(outage) && (best == null || t.level().compareTo(best) > 0)) {
        best = t.level();
      }
    }
    return Optional.ofNullable(best);
  }

  /** The categories of the impact thresholds, each once, in the order they first appear. */
  public List<String> impactCategories() {
    return impacts.stream().map(ImpactThreshold::category).distinct().toList();
  }

  /** A builder holding this node's data, for making a changed copy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  public String toString() {
    StringJoiner facts = new StringJoiner(", ", " [", "]");
    facts.add(kind.label());
    criticality.ifPresent(c -> facts.add(c.label()));
    owner.ifPresent(o -> facts.add("owner " + o));
    mtpd.ifPresent(d -> facts.add("MTPD " + Durations.format(d)));
    rto.ifPresent(d -> facts.add("RTO " + Durations.format(d)));
    if (!impacts.isEmpty()) {
      facts.add(impacts.size() + (impacts.size() == 1 ? " impact threshold" : " impact thresholds"));
    }
    if (!recovery.isZero()) {
      facts.add("recovery " + Durations.format(recovery));
    }
    StringBuilder sb = new StringBuilder(id);
    if (!name.equals(id)) {
      sb.append(" \"").append(name).append('"');
    }
    sb.append(facts);
    if (!requirements.isEmpty()) {
      StringJoiner reqs = new StringJoiner("; ", " requires ", "");
      requirements.forEach(r -> reqs.add(r.toString()));
      sb.append(reqs);
    }
    return sb.toString();
  }

  /**
   * Fluent description of a node, used inside {@link Model.Builder}: {@code f ->
   * f.owner("county").criticality("vital").mtpd("PT4H").requiresAny("grid", "generator")}.
   * Values given as text are checked when the model is built, with every other problem.
   */
  public static final class Builder {
    private final String id;
    private final NodeKind kind;
    private String name;
    private String owner;
    private Criticality criticality;
    private Duration mtpd;
    private Duration rto;
    private String mbco;
    private final List<ImpactThreshold> impacts = new ArrayList<>();
    private Duration recovery = Duration.ZERO;
    private final LinkedHashSet<String> tags = new LinkedHashSet<>();
    private final LinkedHashMap<String, String> attributes = new LinkedHashMap<>();
    private final List<Requirement> requirements = new ArrayList<>();
    private Reliability reliability;
    private final List<Problem> problems = new ArrayList<>();

    Builder(String id, NodeKind kind) {
      this.id = Objects.requireNonNull(id, "id");
      this.kind = Objects.requireNonNull(kind, "kind");
    }

    Builder(Node node) {
      this(node.id(), node.kind());
      name = node.name();
      owner = node.owner().orElse(null);
      criticality = node.criticality().orElse(null);
      mtpd = node.mtpd().orElse(null);
      rto = node.rto().orElse(null);
      mbco = node.mbco().orElse(null);
      impacts.addAll(node.impacts());
      recovery = node.recovery();
      tags.addAll(node.tags());
      attributes.putAll(node.attributes());
      requirements.addAll(node.requirements());
      reliability = node.reliability().orElse(null);
    }

    /** The node's id (fixed). */
    public String id() {
      return id;
    }

    /** The node's kind (fixed). */
    public NodeKind kind() {
      return kind;
    }

    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The id of the owning organisation. */
    public Builder owner(String organisationId) {
      this.owner = Objects.requireNonNull(organisationId, "organisationId");
      return this;
    }

    public Builder criticality(Criticality criticality) {
      this.criticality = Objects.requireNonNull(criticality, "criticality");
      return this;
    }

    /** Criticality by its document label: vital, critical, important or supporting. */
    public Builder criticality(String label) {
      Optional<Criticality> c = Criticality.parse(Objects.requireNonNull(label, "label"));
      if (c.isPresent()) {
        criticality = c.get();
      } else {
        problems.add(
            Problem.node(id, "criticality",
                "'" + label + "' is not a criticality (vital, critical, important, supporting)"));
      }
      return this;
    }

    /** Maximum tolerable period of disruption. */
    public Builder mtpd(Duration mtpd) {
      this.mtpd = Objects.requireNonNull(mtpd, "mtpd");
      return this;
    }

    /** Maximum tolerable period of disruption, ISO-8601 ({@code PT4H}). */
    public Builder mtpd(String iso) {
      parse("mtpd", iso).ifPresent(d -> mtpd = d);
      return this;
    }

    /**
     * Recovery time objective of a function; of a resource or supplier, the restoration time it
     * is committed to.
     */
    public Builder rto(Duration rto) {
      this.rto = Objects.requireNonNull(rto, "rto");
      return this;
    }

    /** Recovery time objective or restoration commitment, ISO-8601 ({@code PT2H}). */
    public Builder rto(String iso) {
      parse("rto", iso).ifPresent(d -> rto = d);
      return this;
    }

    /** Minimum business continuity objective, in words. */
    public Builder mbco(String mbco) {
      this.mbco = Objects.requireNonNull(mbco, "mbco");
      return this;
    }

    /** Adds an impact threshold (functions only). */
    public Builder impact(ImpactThreshold threshold) {
      impacts.add(Objects.requireNonNull(threshold, "threshold"));
      return this;
    }

    /**
     * Adds an impact threshold: after an outage of {@code after} (ISO-8601), the consequences in
     * {@code category} reach {@code level} ({@code minor}, {@code moderate}, {@code serious},
     * {@code severe}, {@code catastrophic}) — {@code f.impact("PT4H", "health", "catastrophic")}.
     */
    public Builder impact(String after, String category, String level) {
      Optional<Duration> d = parse("impacts", after);
      Optional<ImpactLevel> l = ImpactLevel.parse(Objects.requireNonNull(level, "level"));
      if (l.isEmpty()) {
        problems.add(Problem.impact(id, impacts.size(), "level", "'" + level
            + "' is not an impact level (minor, moderate, serious, severe, catastrophic)"));
      }
      if (d.isPresent() && l.isPresent()) {
        impacts.add(ImpactThreshold.of(d.get(), Objects.requireNonNull(category, "category"), l.get()));
      }
      return this;
    }

    /** Replaces the impact thresholds. */
    public Builder impacts(List<ImpactThreshold> thresholds) {
      impacts.clear();
      thresholds.forEach(this::impact);
      return this;
    }

    /** Time to come back once the causes of an outage are gone. */
    public Builder recovery(Duration recovery) {
      this.recovery = Objects.requireNonNull(recovery, "recovery");
      return this;
    }

    /** Time to come back once the causes of an outage are gone, ISO-8601. */
    public Builder recovery(String iso) {
      parse("recovery", iso).ifPresent(d -> recovery = d);
      return this;
    }

    /** Adds tags. */
    public Builder tags(String... tags) {
      for (String t : tags) {
        this.tags.add(Objects.requireNonNull(t, "tag"));
      }
      return this;
    }

    /** Replaces the tags. */
    public Builder tags(Set<String> tags) {
      this.tags.clear();
      tags.forEach(this::tags);
      return this;
    }

    public Builder attribute(String key, String value) {
      attributes.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** A plain 1-of-1 dependency on another node. */
    public Builder requires(String id) {
      return requires(Requirement.on(id));
    }

    /** Adds a requirement. */
    public Builder requires(Requirement requirement) {
      requirements.add(Objects.requireNonNull(requirement, "requirement"));
      return this;
    }

    /** Redundancy: any one of the alternatives is enough. */
    public Builder requiresAny(String... ids) {
      return requires(Requirement.anyOf(ids));
    }

    /** Every one of the nodes is needed, as one requirement with one tolerance. */
    public Builder requiresAll(String... ids) {
      return requires(Requirement.allOf(ids));
    }

    /** At least k of the alternatives are needed. */
    public Builder requiresKOf(int k, String... ids) {
      return requires(Requirement.kOf(k, ids));
    }

    /** Sets the tolerance of the requirement added last. */
    public Builder tolerance(Duration tolerance) {
      Objects.requireNonNull(tolerance, "tolerance");
      if (requirements.isEmpty()) {
        problems.add(Problem.node(id, "tolerance", "tolerance given before any requirement"));
      } else {
        int last = requirements.size() - 1;
        requirements.set(last, requirements.get(last).withTolerance(tolerance));
      }
      return this;
    }

    /** Sets the tolerance of the requirement added last, ISO-8601 ({@code PT72H}). */
    public Builder tolerance(String iso) {
      parse("tolerance", iso).ifPresent(this::tolerance);
      return this;
    }

    /** Replaces all requirements. */
    public Builder requirements(List<Requirement> requirements) {
      this.requirements.clear();
      requirements.forEach(this::requires);
      return this;
    }

    /** Removes every requirement. */
    public Builder clearRequirements() {
      requirements.clear();
      return this;
    }

    /** The requirements given so far. */
    public List<Requirement> requirements() {
      return List.copyOf(requirements);
    }

    public Builder reliability(Reliability reliability) {
      this.reliability = Objects.requireNonNull(reliability, "reliability");
      return this;
    }

    /** Reliability as a probability of failing in the study period. */
    public Builder failureProbability(double p) {
      return reliability(
          reliability == null
              ? Reliability.probability(p)
              : new Reliability(
                  OptionalDouble.of(p), reliability.failuresPerYear(), reliability.repairTime()));
    }

    private Optional<Duration> parse(String field, String iso) {
      try {
        return Optional.of(Durations.parse(iso));
      } catch (IllegalArgumentException e) {
        problems.add(Problem.node(id, field, e.getMessage()));
        return Optional.empty();
      }
    }

    List<Problem> problems() {
      return problems;
    }

    Node build() {
      return new Node(
          id,
          kind,
          name == null ? id : name,
          Optional.ofNullable(owner),
          Optional.ofNullable(criticality),
          Optional.ofNullable(mtpd),
          Optional.ofNullable(rto),
          Optional.ofNullable(mbco),
          impacts,
          recovery,
          tags,
          attributes,
          requirements,
          Optional.ofNullable(reliability));
    }
  }
}
