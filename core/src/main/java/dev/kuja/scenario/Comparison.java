package dev.kuja.scenario;

import dev.kuja.analysis.Analysis;
import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.simulation.Scenario;
import dev.kuja.simulation.SimulationResult;
import dev.kuja.simulation.Simulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A baseline model and a variant of it under the same scenarios (docs/stochastic.md#comparisons): per critical
 * function, the SPOFs the variant gains and loses and how its downtime and MTPD breaches
 * change. "How much does a second fuel supplier buy us?" is
 *
 * <pre>{@code
 * Model variant = Variants.addAlternative(model, "generator", "fuel-supplier", "fuel-supplier-2");
 * Comparison.of(model, variant, fuelStrike)
 * }</pre>
 *
 * @param baseline        name of the baseline model
 * @param variant         name of the variant
 * @param scenarios       names of the scenarios, in order
 * @param functions       every function the two models share, in the baseline's order
 * @param onlyInBaseline  functions the variant removed
 * @param onlyInVariant   functions the variant added
 */
public record Comparison(
    String baseline, String variant, List<String> scenarios, List<FunctionChange> functions,
    List<String> onlyInBaseline, List<String> onlyInVariant) {

  public Comparison {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(variant, "variant");
    scenarios = List.copyOf(scenarios);
    functions = List.copyOf(functions);
    onlyInBaseline = List.copyOf(onlyInBaseline);
    onlyInVariant = List.copyOf(onlyInVariant);
  }

  /** Compares the two models statically and under each scenario. */
  public static Comparison of(Model baseline, Model variant, Scenario... scenarios) {
    return of(baseline, variant, Arrays.asList(scenarios));
  }

  /** Compares the two models statically and under each scenario. */
  public static Comparison of(Model baseline, Model variant, List<Scenario> scenarios) {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(variant, "variant");
    List<SimulationResult> before = new ArrayList<>();
    List<SimulationResult> after = new ArrayList<>();
    Simulator sb = Simulator.of(baseline);
    Simulator sv = Simulator.of(variant);
    for (Scenario s : scenarios) {
      before.add(sb.run(s));
      after.add(sv.run(s));
    }
    Analysis ab = Analysis.of(baseline);
    Analysis av = Analysis.of(variant);
    List<FunctionChange> changes = new ArrayList<>();
    List<String> onlyInBaseline = new ArrayList<>();
    for (Node f : baseline.functions()) {
      Optional<Node> other = variant.node(f.id()).filter(Node::isFunction);
      if (other.isEmpty()) {
        onlyInBaseline.add(f.id());
        continue;
      }
      Set<String> spofsBefore = new LinkedHashSet<>(ab.spofs(f.id()).nodes());
      Set<String> spofsAfter = new LinkedHashSet<>(av.spofs(f.id()).nodes());
      List<String> gained = spofsAfter.stream().filter(s -> !spofsBefore.contains(s)).sorted().toList();
      List<String> lost = spofsBefore.stream().filter(s -> !spofsAfter.contains(s)).sorted().toList();
      List<OutcomeChange> outcomes = new ArrayList<>();
      for (int i = 0; i < scenarios.size(); i++) {
        outcomes.add(new OutcomeChange(scenarios.get(i).name(),
            before.get(i).function(f.id()).orElseThrow(), after.get(i).function(f.id()).orElseThrow()));
      }
      changes.add(new FunctionChange(f.id(), gained, lost, outcomes));
    }
    List<String> onlyInVariant = variant.functions().stream().map(Node::id)
        .filter(id -> baseline.node(id).filter(Node::isFunction).isEmpty()).toList();
    return new Comparison(baseline.name().orElse("baseline"), variant.name().orElse("variant"),
        scenarios.stream().map(Scenario::name).toList(), changes, onlyInBaseline, onlyInVariant);
  }

  /** The functions the variant changes anything for. */
  public List<FunctionChange> changed() {
    return functions.stream().filter(FunctionChange::changed).toList();
  }

  /** The change for one function. */
  public Optional<FunctionChange> function(String id) {
    return functions.stream().filter(f -> f.function().equals(id)).findFirst();
  }

  /** MTPD breaches on the baseline, counted over functions and scenarios. */
  public long baselineBreaches() {
    return outcomes().filter(o -> o.baseline().mtpdExceeded()).count();
  }

  /** MTPD breaches on the variant, counted over functions and scenarios. */
  public long variantBreaches() {
    return outcomes().filter(o -> o.variant().mtpdExceeded()).count();
  }

  /** Total downtime of every shared function over every scenario, on the baseline. */
  public Duration baselineDowntime() {
    return outcomes().map(o -> o.baseline().downtime()).reduce(Duration.ZERO, Duration::plus);
  }

  /** Total downtime of every shared function over every scenario, on the variant. */
  public Duration variantDowntime() {
    return outcomes().map(o -> o.variant().downtime()).reduce(Duration.ZERO, Duration::plus);
  }

  private java.util.stream.Stream<OutcomeChange> outcomes() {
    return functions.stream().flatMap(f -> f.outcomes().stream());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Comparison of '").append(baseline).append("' with '")
        .append(variant).append("' under ").append(scenarios.isEmpty() ? "no scenario (static only)"
            : String.join(", ", scenarios)).append('\n');
    sb.append("  MTPD breaches ").append(baselineBreaches()).append(" -> ").append(variantBreaches())
        .append(", total downtime of functions ").append(Durations.format(baselineDowntime()))
        .append(" -> ").append(Durations.format(variantDowntime()));
    List<FunctionChange> changed = changed();
    for (FunctionChange f : changed) {
      sb.append("\n  ").append(f.function()).append(':');
      if (!f.spofsGained().isEmpty()) {
        sb.append(" SPOFs gained ").append(String.join(", ", f.spofsGained())).append(';');
      }
      if (!f.spofsLost().isEmpty()) {
        sb.append(" SPOFs lost ").append(String.join(", ", f.spofsLost())).append(';');
      }
      for (OutcomeChange o : f.outcomes()) {
        if (o.changed()) {
          sb.append("\n    ").append(o);
        }
      }
    }
    sb.append("\n  unchanged: ").append(functions.size() - changed.size()).append(" functions");
    if (!onlyInBaseline.isEmpty()) {
      sb.append("\n  removed functions: ").append(String.join(", ", onlyInBaseline));
    }
    if (!onlyInVariant.isEmpty()) {
      sb.append("\n  added functions: ").append(String.join(", ", onlyInVariant));
    }
    return sb.toString();
  }
}
