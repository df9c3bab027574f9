package dev.kuja.simulation;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario is invalid, or does not fit the model it is run on. Lists every problem. */
public final class ScenarioValidationException extends IllegalArgumentException {

  private final transient List<String> problems;

  public ScenarioValidationException(String scenario, List<String> problems) {
    super(problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n",
        "Scenario '" + scenario + "' has " + problems.size()
            + (problems.size() == 1 ? " problem:\n" : " problems:\n"), "")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in scenario order. */
  public List<String> problems() {
    return problems;
  }
}
