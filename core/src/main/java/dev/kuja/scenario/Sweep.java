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
 * simulated under the same scenarios — the sensitivity table of a BIA — or sampled by the same
 * Monte Carlo ensemble.
 *
 * <pre>{@code
 * Sweep<Duration> fuel = Sweep.of("fuel stock",
 *     List.of(Duration.ofHours(24), Duration.ofDays(3), Duration.ofDays(14)),
 *     d -> Variants.tolerance(model, "hospital-generator", "fuel-supplier", d));
 * fuel.run(fuelStrike);                                   // under a scenario
 * fuel.run(MonteCarlo.of(model).seed(7).scenarios(20_000)); // an ensemble per value
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

  /** The name of the varied parameter. */
  public String parameter() {
    return parameter;
  }

  /** The values, in the order given. */
  public List<T> values() {
    return values;
  }

  /**
   * One value of the parameter and the variant of the model it gives.
   *
   * @param value the value as text (durations in ISO-8601)
   * @param model the variant
   */
  public record Variant(String value, Model model) {
    public Variant {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(model, "model");
    }

    @Override
    public String toString() {
      return value + ": " + model.name().orElse("model") + " (" + model.size() + " nodes)";
    }
  }

  /**
   * The variant of every value, in the order of the values (each built when asked).
   *
   * @throws NullPointerException naming the value when the function gives no model for it
   */
  public List<Variant> variants() {
    return values.stream().map(this::variant).toList();
  }

  private Variant variant(T value) {
    Model model = Objects.requireNonNull(variant.apply(value),
        () -> "the variant for " + parameter + " = " + value + " is missing");
    return new Variant(label(value), model);
  }

  /**
   * Runs {@code ensemble} over every variant ({@link MonteCarlo#over(Model)}: the same settings
   * and seed, the variant's model), in the order of the values. The same seed on every variant
   * makes the differences between rows those of the variants (common random numbers), as far as
   * the variants keep the stochastic units in the same order.
   *
   * @throws dev.kuja.model.ValidationException as {@link MonteCarlo#run()} does, for any variant
   */
  public EnsembleSweep run(MonteCarlo ensemble) {
    Objects.requireNonNull(ensemble, "ensemble");
    List<EnsembleSweep.Row> rows = new ArrayList<>();
    for (T value : values) {
      Variant v = variant(value); // one variant held at a time
      rows.add(new EnsembleSweep.Row(v.value(), ensemble.over(v.model()).run()));
    }
    return new EnsembleSweep(parameter, rows);
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
      Variant v = variant(value);
      for (Scenario s : scenarios) {
        SimulationResult r = Simulator.of(v.model()).run(s);
        List<FunctionOutcome> outcomes = r.functions();
        rows.add(new SweepResult.Row(v.value(), s.name(), outcomes));
      }
    }
    return new SweepResult(parameter, rows);
  }

  private static String label(Object value) {
    return value instanceof java.time.Duration d ? dev.kuja.model.Durations.format(d) : String.valueOf(value);
  }
}
