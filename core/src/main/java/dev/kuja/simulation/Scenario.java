package dev.kuja.simulation;

import dev.kuja.model.Durations;
import dev.kuja.model.Problem;
import dev.kuja.model.Target;
import dev.kuja.model.Texts;
import dev.kuja.model.Threat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A what-happens-if: disruptions over time, simulated to a horizon. Build with {@link
 * #builder(String)}:
 *
 * <pre>{@code
 * Scenario storm = Scenario.builder("Storm, two days").horizon("P7D")
 *     .disrupt("grid", "PT0S", "PT48H")
 *     .disruptOrganisation("city", "PT6H", "PT2H")
 *     .disruptTag("region:north", "PT0S")          // open-ended
 *     .build();
 * }</pre>
 *
 * @param name        a name for reports
 * @param horizon     how far the simulation runs
 * @param disruptions the disruptions, in the order given
 */
public record Scenario(String name, Duration horizon, List<Disruption> disruptions) {

  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(horizon, "horizon");
    disruptions = List.copyOf(disruptions);
  }

  /** How long {@link #of(Threat)} watches after a threat's worst case ends. */
  public static final Duration AFTER_THREAT = Duration.ofDays(7);

  /** The horizon of {@link #of(Threat)} for a threat that lasts to the end of the period. */
  public static final Duration OPEN_THREAT_HORIZON = Duration.ofDays(30);

  /**
   * A threat's worst case as a deterministic scenario (docs/risk.md#a-threat-as-a-scenario):
   * every target disrupted from time 0 for the threat's {@link Threat#worstCaseDuration() worst
   * case duration} (open-ended when it lasts to the end of the period), simulated to that
   * duration plus {@link #AFTER_THREAT}, or to {@link #OPEN_THREAT_HORIZON} when open-ended.
   */
  public static Scenario of(Threat threat) {
    Optional<Duration> worst = Objects.requireNonNull(threat, "threat").worstCaseDuration();
    return of(threat, worst.map(w -> w.plus(AFTER_THREAT)).orElse(OPEN_THREAT_HORIZON));
  }

  /** As {@link #of(Threat)}, to the given horizon. */
  public static Scenario of(Threat threat, Duration horizon) {
    Optional<Duration> worst = Objects.requireNonNull(threat, "threat").worstCaseDuration();
    Builder b = builder(threat.name() + " (worst case"
        + worst.map(w -> ", " + Durations.format(w)).orElse(", open-ended") + ")").horizon(horizon);
    if (worst.isEmpty() || !worst.get().isZero()) {
      for (Target t : threat.targets()) {
        b.disrupt(new Disruption(t, Duration.ZERO, worst));
      }
    }
    return b.build();
  }

  /** A builder for a scenario with this name. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Scenario '").append(name).append("' over ")
        .append(Durations.format(horizon)).append(": ");
    sb.append(disruptions.size()).append(disruptions.size() == 1 ? " disruption" : " disruptions");
    disruptions.forEach(d -> sb.append("\n  ").append(d));
    return sb.toString();
  }

  /** Collects disruptions; {@link #build()} reports every mistake at once. */
  public static final class Builder {
    private final String name;
    private Duration horizon;
    private final List<Disruption> disruptions = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder horizon(Duration horizon) {
      this.horizon = Objects.requireNonNull(horizon, "horizon");
      return this;
    }

    /** The horizon, ISO-8601 ({@code P7D}). */
    public Builder horizon(String iso) {
      try {
        horizon(Durations.parse(iso));
      } catch (IllegalArgumentException e) {
        problems.add(Problem.scenario(name, "horizon", e.getMessage()));
      }
      return this;
    }

    public Builder disrupt(Disruption disruption) {
      disruptions.add(Objects.requireNonNull(disruption, "disruption"));
      return this;
    }

    /** Disrupts a node from {@code start} for {@code duration} (ISO-8601). */
    public Builder disrupt(String node, String start, String duration) {
      return add(new Target.OfNode(node), start, duration);
    }

    /** Disrupts a node from {@code start} for good. */
    public Builder disrupt(String node, String start) {
      return add(new Target.OfNode(node), start, null);
    }

    /** Disrupts every node of an organisation. */
    public Builder disruptOrganisation(String organisation, String start, String duration) {
      return add(new Target.OfOrganisation(organisation), start, duration);
    }

    /** Disrupts every node of an organisation for good. */
    public Builder disruptOrganisation(String organisation, String start) {
      return add(new Target.OfOrganisation(organisation), start, null);
    }

    /** Disrupts every node with a tag. */
    public Builder disruptTag(String tag, String start, String duration) {
      return add(new Target.OfTag(tag), start, duration);
    }

    /** Disrupts every node with a tag for good. */
    public Builder disruptTag(String tag, String start) {
      return add(new Target.OfTag(tag), start, null);
    }

    private Builder add(Target target, String start, String duration) {
      int index = disruptions.size();
      Optional<Duration> s = parse(index, target, "start", start);
      Optional<Duration> d = duration == null ? Optional.empty()
          : parse(index, target, "duration", duration);
      if (s.isPresent() && (duration == null || d.isPresent())) {
        disruptions.add(new Disruption(target, s.get(), d));
      } else {
        // keep numbering aligned with what the user wrote
        disruptions.add(new Disruption(target, Duration.ZERO, Optional.empty()));
      }
      return this;
    }

    private Optional<Duration> parse(int index, Target target, String field, String iso) {
      try {
        return Optional.of(Durations.parse(iso));
      } catch (IllegalArgumentException e) {
        problems.add(Problem.of(new Problem.Element(Problem.Element.Kind.DISRUPTION, target.toString(),
            OptionalInt.of(index)), Optional.of(field), e.getMessage()));
        return Optional.empty();
      }
    }

    /**
     * Builds the scenario.
     *
     * @throws ScenarioValidationException listing every problem
     */
    public Scenario build() {
      List<Problem> all = new ArrayList<>(problems);
      if (horizon == null && problems.stream().noneMatch(p -> p.field().equals(Optional.of("horizon")))) {
        all.add(Problem.scenario(name, "horizon", "a scenario needs a horizon, e.g. P7D"));
      }
      if (horizon != null) {
        Scenarios.checkHorizon(name, horizon, all);
      }
      Texts.problem(name).ifPresent(p -> all.add(Problem.scenario(name, "name", "name " + p)));
      Scenarios.check(disruptions, horizon, all);
      if (!all.isEmpty()) {
        throw new ScenarioValidationException(name, all);
      }
      return new Scenario(name, horizon, disruptions);
    }
  }
}
