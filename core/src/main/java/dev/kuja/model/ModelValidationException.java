package dev.kuja.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A model could not be built because it is invalid. The message lists every problem, one per
 * line; {@link #problems()} gives them as values.
 */
public final class ModelValidationException extends IllegalArgumentException {

  private final transient List<Problem> problems;

  public ModelValidationException(List<Problem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in model order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(List<Problem> problems) {
    String head =
        problems.size() == 1 ? "The model has 1 problem:" : "The model has " + problems.size() + " problems:";
    return problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n", head + "\n", ""));
  }
}
