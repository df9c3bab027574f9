package dev.kuja.io;

import dev.kuja.model.Problem;
import dev.kuja.model.ValidationException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A document could not be read, or does not make a valid model or scenario. The message lists
 * every problem found, one per line, each with its {@code file:line:column}.
 */
public final class DocumentException extends ValidationException {

  public DocumentException(List<Problem> problems) {
    super("document", problems.stream().map(Problem::toString).collect(Collectors.joining("\n")), problems);
  }
}
