package dev.kuja.scenario;

import dev.kuja.model.Model;
import dev.kuja.simulation.FunctionOutcome;
import dev.kuja.simulation.Scenario;
import dev.kuja.simulation.SimulationResult;
import dev.kuja.simulation.Simulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One parameter varied over a range, each value giving a variant of the model, every variant
 * simulated under the same scenarios: the sensitivity table of a BIA.
 *
 * <pre>{@code
 * Sweep.of("fuel stock", List.of(Duration.ofHours(24), Duration.ofDays(3), Duration.ofDays(14)),
 *     d -> Variants.tolerance(model, "hospital-generator", "fuel-supplier", d))
 *     .run(fuelStrike)
 * }</pre>
 *
 * @param <T> the type of the parameter's values
 */
public final class Sweep<T> {

  private final String parameter;
  private final List<T> values;
  private final Function<T, Model> variant;

  private Sweep(String parameter, List<T> values, Function<T, Model> variant) {
    this.parameter = parameter;
    this.values = values;
    this.variant = variant;
  }

  /** A sweep of the named parameter over {@code values}; {@code variant} builds each model. */
  public static <T> Sweep<T> of(String parameter, List<T> values, Function<T, Model> variant) {
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(variant, "variant");
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a sweep of '" + parameter + "' needs at least one value");
    }
    return new Sweep<>(parameter, List.copyOf(values), variant);
  }

  /** Simulates every variant under every scenario. */
  public SweepResult run(Scenario... scenarios) {
    return run(Arrays.asList(scenarios));
  }

  /** Simulates every variant under every scenario. */
  public SweepResult run(List<Scenario> scenarios) {
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException("a sweep needs at least one scenario");
    }
    List<SweepResult.Row> rows = new ArrayList<>();
    for (T value : values) {
      Model model = Objects.requireNonNull(variant.apply(value),
          () -> "the variant for " + parameter + " = " + value + " is missing");
      for (Scenario s : scenarios) {
        SimulationResult r = Simulator.of(model).run(s);
        List<FunctionOutcome> outcomes = r.functions();
        rows.add(new SweepResult.Row(label(value), s.name(), outcomes));
      }
    }
    return new SweepResult(parameter, rows);
  }

  private static String label(Object value) {
    return value instanceof java.time.Duration d ? dev.kuja.model.Durations.format(d) : String.valueOf(value);
  }
}
