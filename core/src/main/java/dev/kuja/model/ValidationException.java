package dev.kuja.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What Kuja was given is wrong, and here is every problem with it. The one exception type of all
 * validation in Kuja: models ({@link ModelValidationException}), scenarios, ensembles' settings
 * and documents each throw a subclass, and each lists all of its {@link Problem}s at once.
 */
public class ValidationException extends IllegalArgumentException {

  private final String subject;
  private final transient List<Problem> problems;

  /**
   * @param subject  what was checked, in a word the command line puts before unlocated problems
   *                 ({@code model}, {@code scenario}, {@code settings})
   * @param message  the exception's message
   * @param problems every problem found, in the order they are best read
   */
  protected ValidationException(String subject, String message, List<Problem> problems) {
    super(message);
    this.subject = Objects.requireNonNull(subject, "subject");
    this.problems = List.copyOf(problems);
  }

  /** Problems with the settings of an analysis or ensemble, with a message listing them. */
  public ValidationException(List<Problem> problems) {
    this("settings", listing("The settings have", problems), problems);
  }

  /** What was checked: {@code model}, {@code scenario}, {@code document}, {@code settings}. */
  public String subject() {
    return subject;
  }

  /** Every problem found. */
  public List<Problem> problems() {
    return problems;
  }

  /** "{@code head} 2 problems:" and then one indented line per problem. */
  protected static String listing(String head, List<Problem> problems) {
    String count = problems.size() == 1 ? " 1 problem:" : " " + problems.size() + " problems:";
    return problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n", head + count + "\n", ""));
  }
}
