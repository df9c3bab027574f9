package dev.kuja.model;

import java.util.List;

/**
 * A model could not be built because it is invalid. The message lists every problem, one per
 * line; {@link #problems()} gives them as values.
 */
public final class ModelValidationException extends ValidationException {

  public ModelValidationException(List<Problem> problems) {
    super("model", listing("The model has", problems), problems);
  }
}
