package dev.kuja.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One thing wrong with a model, located by element so that readers of model documents can turn
 * it into a file, line and column.
 *
 * @param subject     what kind of element the problem is in
 * @param id          the element's id (empty for the model itself)
 * @param requirement for node problems in a requirement: its 0-based index in the node's list
 * @param field       the attribute at fault, as model documents name it ({@code mtpd}, {@code k} …)
 * @param message     what is wrong, in the modeller's words
 */
public record Problem(
    Subject subject, String id, OptionalInt requirement, Optional<String> field, String message) {

  /** The kinds of element a problem can be in. */
  public enum Subject {
    MODEL,
    ORGANISATION,
    NODE
  }

  public Problem {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(requirement, "requirement");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  static Problem model(String field, String message) {
    return new Problem(Subject.MODEL, "", OptionalInt.empty(), Optional.of(field), message);
  }

  static Problem organisation(String id, String field, String message) {
    return new Problem(Subject.ORGANISATION, id, OptionalInt.empty(), Optional.of(field), message);
  }

  static Problem node(String id, String field, String message) {
    return new Problem(Subject.NODE, id, OptionalInt.empty(), Optional.ofNullable(field), message);
  }

  static Problem requirement(String id, int index, String field, String message) {
    return new Problem(Subject.NODE, id, OptionalInt.of(index), Optional.of(field), message);
  }

  /** Where the problem is, in words: {@code node 'emergency-care', requirement 2}. */
  public String element() {
    String where =
        switch (subject) {
          case MODEL -> "model";
          case ORGANISATION -> "organisation '" + id + "'";
          case NODE -> "node '" + id + "'";
        };
    if (requirement.isPresent()) {
      where += ", requirement " + (requirement.getAsInt() + 1);
    }
    return where;
  }

  @Override
  public String toString() {
    return element() + field.map(f -> " (" + f + ")").orElse("") + ": " + message;
  }
}
