package dev.kuja.scenario;

import java.util.List;
import java.util.Objects;

/**
 * What a variant changes for one critical function: the single points of failure it gains and
 * loses (static, docs/analyses.md#single-points-of-failure) and its outcome in each compared scenario (docs/cascades.md#function-outcomes).
 *
 * @param function    the function's id
 * @param spofsGained SPOFs of the function in the variant that the baseline did not have
 * @param spofsLost   SPOFs of the baseline that the variant removed
 * @param outcomes    per scenario, the outcome on both models, in scenario order
 */
public record FunctionChange(
    String function, List<String> spofsGained, List<String> spofsLost, List<OutcomeChange> outcomes) {

  public FunctionChange {
    Objects.requireNonNull(function, "function");
    spofsGained = List.copyOf(spofsGained);
    spofsLost = List.copyOf(spofsLost);
    outcomes = List.copyOf(outcomes);
  }

  /** True when the variant changes anything for this function. */
  public boolean changed() {
    return !spofsGained.isEmpty() || !spofsLost.isEmpty()
        || outcomes.stream().anyMatch(OutcomeChange::changed);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(function).append(": ");
    if (spofsGained.isEmpty() && spofsLost.isEmpty()) {
      sb.append("SPOFs unchanged");
    } else {
      sb.append("SPOFs gained ").append(spofsGained).append(", lost ").append(spofsLost);
    }
    outcomes.forEach(o -> sb.append("; ").append(o));
    return sb.toString();
  }
}
