package dev.kuja.simulation;

import dev.kuja.model.Problem;
import dev.kuja.model.ValidationException;
import java.util.List;

/** A scenario is invalid, or does not fit the model it is run on. Lists every problem. */
public final class ScenarioValidationException extends ValidationException {

  public ScenarioValidationException(String scenario, List<Problem> problems) {
    super("scenario", listing("Scenario '" + scenario + "' has", problems), problems);
  }
}
