package dev.kuja.spark;

import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.scenario.Sweep;
import dev.kuja.scenario.Variants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --sweep} option of {@link Ensembles}: a parameter of the model over a list of
 * durations (docs/stochastic.md#the-spark-runner).
 *
 * <ul>
 *   <li>{@code tolerance:NODE,ALTERNATIVE=D1,D2,…} — the tolerance of every requirement of NODE
 *       that names ALTERNATIVE ({@link Variants#tolerance}): "how much fuel";
 *   <li>{@code recovery:NODE=D1,D2,…} — the recovery time of NODE ({@link Variants#recovery}).
 * </ul>
 *
 * Ids never hold {@code =} or {@code ,}, so the text splits unambiguously; durations are
 * ISO-8601.
 */
final class SweepOption {

  /** What {@code --sweep} takes, for messages. */
  static final String SYNTAX = "tolerance:NODE,ALTERNATIVE=D1,D2,… or recovery:NODE=D1,D2,…";

  private SweepOption() {}

  /**
   * The sweep {@code spec} describes on {@code model}, every variant built once to check it.
   *
   * @throws IllegalArgumentException saying what is wrong with the text, a node or a value
   */
  static Sweep<Duration> parse(String spec, Model model) {
    int colon = spec.indexOf(':');
    int equals = spec.indexOf('=');
    if (colon < 0 || equals < colon) {
      throw bad(spec, "write it as " + SYNTAX);
    }
    String kind = spec.substring(0, colon);
    List<String> ids = List.of(spec.substring(colon + 1, equals).split(",", -1));
    List<Duration> values = new ArrayList<>();
    for (String v : spec.substring(equals + 1).split(",", -1)) {
      Duration d;
      try {
        d = Durations.parse(v);
      } catch (IllegalArgumentException e) {
        throw bad(spec, e.getMessage());
      }
      if (d.isNegative()) {
        throw bad(spec, "'" + v + "' is negative");
      }
      values.add(d);
    }
    Sweep<Duration> sweep;
    switch (kind) {
      case "tolerance" -> {
        if (ids.size() != 2 || ids.stream().anyMatch(String::isEmpty)) {
          throw bad(spec, "tolerance names a node and one of its alternatives: tolerance:NODE,ALTERNATIVE=D1,D2,…");
        }
        String node = ids.get(0);
        String alternative = ids.get(1);
        sweep = Sweep.of("tolerance of " + node + " for " + alternative, values,
            d -> Variants.tolerance(model, node, alternative, d));
      }
      case "recovery" -> {
        if (ids.size() != 1 || ids.get(0).isEmpty()) {
          throw bad(spec, "recovery names one node: recovery:NODE=D1,D2,…");
        }
        String node = ids.get(0);
        sweep = Sweep.of("recovery of " + node, values, d -> Variants.recovery(model, node, d));
      }
      default -> throw bad(spec, "'" + kind + "' is not a parameter to sweep; write " + SYNTAX);
    }
    try {
      sweep.variants(); // every value's variant can be built (unknown node, wrong alternative …)
    } catch (dev.kuja.model.ValidationException e) {
      // the problems themselves, not the exception's summary of them
      throw bad(spec, String.join("; ", e.problems().stream().map(Object::toString).toList()));
    } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
      throw bad(spec, e.getMessage());
    }
    return sweep;
  }

  private static IllegalArgumentException bad(String spec, String why) {
    return new IllegalArgumentException("--sweep '" + spec + "': " + why);
  }
}
