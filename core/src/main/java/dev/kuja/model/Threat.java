package dev.kuja.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * A risk source of the model's risk register (docs/risk.md#threats): something that puts
 * several nodes out of action together — a winter storm over the region, a ransomware attack on
 * the ICT provider, a fuel distributor's strike. Its occurrence is given as a node's reliability
 * is: a probability of happening in the study period or a rate per year (a Poisson process), and
 * a distribution of how long each occurrence lasts (without one it lasts to the end of the
 * period). Monte Carlo ensembles sample threats together with the nodes' reliability data; a
 * threat also makes a deterministic worst-case scenario.
 *
 * <p>A threat is checked with the model it belongs to ({@link Model.Builder#build()}) or, when
 * it is added to an ensemble in code, when the ensemble runs ({@link #problemsIn(Model)}).
 *
 * @param id         stable identifier, unique among the model's threats
 * @param name       human name (the id when none was given)
 * @param occurrence how often it happens ({@link Reliability#failureProbability()} or {@link
 *                   Reliability#failuresPerYear()}) and how long it lasts ({@link
 *                   Reliability#repairTime()})
 * @param targets    what it disrupts: nodes, every node of an organisation, every node with a tag
 */
public record Threat(String id, String name, Reliability occurrence, List<Target> targets) {

  public Threat {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(occurrence, "occurrence");
    targets = List.copyOf(targets);
  }

  /** Starts a threat with this id. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** How long each occurrence lasts; empty when it lasts to the end of the study period. */
  public Optional<RepairTime> duration() {
    return occurrence.repairTime();
  }

  /** The quantile of an occurrence's duration that {@link #worstCaseDuration()} takes. */
  public static final double WORST_CASE_QUANTILE = 0.95;

  /**
   * How long a bad occurrence lasts: the duration itself when fixed, otherwise the {@value
   * #WORST_CASE_QUANTILE} quantile of the distribution rounded up to a whole minute — mean · ln 20
   * for an exponential; min + 0.95 · (max − min) for a uniform; median · e^(1.645 σ) for a
   * log-normal (docs/risk.md#a-threat-as-a-scenario). Empty for a threat that lasts to the end
   * of the period.
   */
  public Optional<Duration> worstCaseDuration() {
    return duration().map(t -> {
      double q = WORST_CASE_QUANTILE;
      if (t instanceof RepairTime.Fixed f) {
        return f.duration();
      }
      double ms;
      if (t instanceof RepairTime.Exponential e) {
        ms = -Math.log(1 - q) * e.mean().toMillis();
      } else if (t instanceof RepairTime.Uniform u) {
        ms = u.min().toMillis() + q * (u.max().toMillis() - u.min().toMillis());
      } else {
        RepairTime.LogNormal l = (RepairTime.LogNormal) t;
        ms = l.median().toMillis() * Math.exp(l.sigma() * Z95);
      }
      long minutes = (long) Math.ceil(ms / 60_000);
      return Duration.ofMinutes(Math.min(minutes, Durations.MAX.toMinutes()));
    });
  }

  /** The standard normal quantile of 0.95. */
  private static final double Z95 = 1.6448536269514722;

  /**
   * Every problem of this threat in the model, in the order a document lists them: its id,
   * name, occurrence, duration and each target (a node or organisation the model lacks, a tag no
   * node carries, an organisation that owns no node). Empty when the threat is fine.
   */
  public List<Problem> problemsIn(Model model) {
    List<Problem> out = new ArrayList<>();
    Validator.threat(this, model::contains, model.nodes().stream().map(Node::id).toList(),
        id -> model.organisation(id).isPresent(),
        model.organisations().stream().map(Organisation::id).toList(),
        org -> !model.ownedBy(org).isEmpty(), tag -> !model.tagged(tag).isEmpty(), out);
    return out;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("threat ").append(id);
    if (!name.equals(id)) {
      sb.append(" \"").append(name).append('"');
    }
    occurrence.failureProbability().ifPresent(p -> sb.append(", p=").append(p));
    if (occurrence.failureProbability().isEmpty()) {
      occurrence.failuresPerYear().ifPresent(r -> sb.append(", ").append(r).append("/year"));
    }
    sb.append(", lasting ").append(duration().map(Object::toString).orElse("to the end of the period"));
    return sb.append(" on ").append(targets.stream().map(Object::toString)
        .collect(Collectors.joining(", "))).toString();
  }

  /** Builds a {@link Threat}: {@code Threat.builder("storm").ratePerYear(0.3).duration("P2D").tag("overhead-lines").build()}. */
  public static final class Builder {
    private final String id;
    private String name;
    private final List<Target> targets = new ArrayList<>();
    private OptionalDouble probability = OptionalDouble.empty();
    private OptionalDouble rate = OptionalDouble.empty();
    private Optional<RepairTime> duration = Optional.empty();

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    /** A human name. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The threat disrupts these nodes. */
    public Builder nodes(String... ids) {
      for (String n : ids) {
        targets.add(Target.node(n));
      }
      return this;
    }

    /** The threat disrupts every node of the organisation. */
    public Builder organisation(String id) {
      targets.add(Target.organisation(id));
      return this;
    }

    /** The threat disrupts every node with the tag. */
    public Builder tag(String tag) {
      targets.add(Target.tag(tag));
      return this;
    }

    /** Adds a target. */
    public Builder target(Target target) {
      targets.add(Objects.requireNonNull(target, "target"));
      return this;
    }

    /** It happens (once) in the study period with this probability. */
    public Builder probability(double p) {
      probability = OptionalDouble.of(p);
      return this;
    }

    /** It happens at this rate per year of 365 days (a Poisson process). */
    public Builder ratePerYear(double perYear) {
      rate = OptionalDouble.of(perYear);
      return this;
    }

    /** How long each occurrence lasts. */
    public Builder duration(RepairTime duration) {
      this.duration = Optional.of(Objects.requireNonNull(duration, "duration"));
      return this;
    }

    /** Each occurrence lasts exactly this long. */
    public Builder duration(Duration duration) {
      return duration(new RepairTime.Fixed(duration));
    }

    /**
     * Each occurrence lasts exactly this long, ISO-8601 ({@code P2D}).
     *
     * @throws IllegalArgumentException when the text is not a duration
     */
    public Builder duration(String iso) {
      return duration(Durations.parse(iso));
    }

    /** The threat (checked with its model: {@link Threat#problemsIn(Model)}). */
    public Threat build() {
      return new Threat(id, name == null ? id : name, new Reliability(probability, rate, duration), targets);
    }
  }
}
