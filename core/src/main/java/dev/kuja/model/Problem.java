package dev.kuja.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One thing wrong with what Kuja was given — a model, a scenario, the settings of an ensemble or
 * a document — in the modeller's words. Every validation in Kuja reports its findings as a list
 * of these, all at once, and throws them in a {@link ValidationException}.
 *
 * <p>A problem names the {@link Element} it is in (a node, a requirement of a node, a disruption
 * of a scenario …), the field at fault where there is one, and, once a document reader has
 * found it, the {@link Location} in the file. It prints as {@code file:line:column: element
 * (field): message}, leaving out what it does not have.
 *
 * @param element  what the problem is in
 * @param field    the attribute at fault, as documents name it ({@code mtpd}, {@code k} …)
 * @param location where it is in a document, when it came from one
 * @param message  what is wrong
 */
public record Problem(Element element, Optional<String> field, Optional<Location> location, String message) {

  public Problem {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  /**
   * The element of a model, scenario, ensemble or document that a problem is in.
   *
   * @param kind  what kind of element
   * @param id    its id or name (empty for the model and for a document as a whole)
   * @param index for a requirement of a node or a disruption of a scenario: its 0-based position
   */
  public record Element(Kind kind, String id, OptionalInt index) {

    /** The kinds of element a problem can be in. */
    public enum Kind {
      /** A document as text: its syntax or structure, before it means a model or a scenario. */
      DOCUMENT,
      /** The model as a whole. */
      MODEL,
      /** An organisation of a model. */
      ORGANISATION,
      /** A node of a model; with an index, one of its requirements. */
      NODE,
      /** An impact threshold of a function; the id is the function's, the index the threshold's. */
      IMPACT,
      /** A scenario as a whole. */
      SCENARIO,
      /** A disruption of a scenario; the id describes its target. */
      DISRUPTION,
      /** A threat of a model or an ensemble; with an index, one of its targets. */
      THREAT,
      /** A setting of an analysis or an ensemble, or an option on the command line. */
      SETTING
    }

    public Element {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(index, "index");
    }

    /** The element in words: {@code node 'emergency-care', requirement 2}; empty for a document or a scenario. */
    @Override
    public String toString() {
      return switch (kind) {
        case DOCUMENT, SCENARIO -> "";
        case MODEL -> "model";
        case ORGANISATION -> "organisation '" + id + "'";
        case NODE -> "node '" + id + "'"
            + (index.isPresent() ? ", requirement " + (index.getAsInt() + 1) : "");
        case IMPACT -> "node '" + id + "', impact " + (index.orElse(0) + 1);
        case DISRUPTION -> "disruption " + (index.orElse(0) + 1) + (id.isEmpty() ? "" : " (" + id + ")");
        case THREAT -> "threat '" + id + "'"
            + (index.isPresent() ? ", target " + (index.getAsInt() + 1) : "");
        case SETTING -> id;
      };
    }
  }

  /**
   * A place in a document.
   *
   * @param source the file name, or another name for the text read
   * @param line   1-based line, 0 when the problem concerns the whole document
   * @param column 1-based column, 0 when unknown
   */
  public record Location(String source, int line, int column) {

    public Location {
      Objects.requireNonNull(source, "source");
    }

    /** The whole document. */
    public static Location of(String source) {
      return new Location(source, 0, 0);
    }

    /** {@code file:line:column}, or just the file when there is no line. */
    @Override
    public String toString() {
      return line > 0 ? source + ":" + line + ":" + column : source;
    }
  }

  /** A problem in an element, with the field at fault when there is one. */
  public static Problem of(Element element, Optional<String> field, String message) {
    return new Problem(element, field, Optional.empty(), message);
  }

  /** A problem with a document as text (syntax, structure, limits), at a place in it. */
  public static Problem inDocument(Location location, String message) {
    return new Problem(new Element(Element.Kind.DOCUMENT, "", OptionalInt.empty()), Optional.empty(),
        Optional.of(location), message);
  }

  /** A problem with the model as a whole. */
  public static Problem model(String field, String message) {
    return of(new Element(Element.Kind.MODEL, "", OptionalInt.empty()), Optional.of(field), message);
  }

  /** A problem with an organisation. */
  public static Problem organisation(String id, String field, String message) {
    return of(new Element(Element.Kind.ORGANISATION, id, OptionalInt.empty()), Optional.of(field), message);
  }

  /** A problem with a node, in a field or (when {@code field} is null) as a whole. */
  public static Problem node(String id, String field, String message) {
    return of(new Element(Element.Kind.NODE, id, OptionalInt.empty()), Optional.ofNullable(field), message);
  }

  /** A problem with a requirement of a node ({@code index} 0-based). */
  public static Problem requirement(String id, int index, String field, String message) {
    return of(new Element(Element.Kind.NODE, id, OptionalInt.of(index)), Optional.of(field), message);
  }

  /** A problem with a scenario as a whole, in a field ({@code horizon}). */
  public static Problem scenario(String name, String field, String message) {
    return of(new Element(Element.Kind.SCENARIO, name, OptionalInt.empty()), Optional.of(field), message);
  }

  /** A problem with disruption {@code index} (0-based) of a scenario, whose target is described by {@code target}. */
  public static Problem disruption(int index, String target, String message) {
    return of(new Element(Element.Kind.DISRUPTION, target, OptionalInt.of(index)), Optional.empty(), message);
  }

  /** A problem with an impact threshold of a function ({@code index} 0-based), in a field. */
  public static Problem impact(String function, int index, String field, String message) {
    return of(new Element(Element.Kind.IMPACT, function, OptionalInt.of(index)), Optional.of(field), message);
  }

  /** A problem with a threat, in a field ({@code rate}, {@code duration} …) or (when null) as a whole. */
  public static Problem threat(String id, String field, String message) {
    return of(new Element(Element.Kind.THREAT, id, OptionalInt.empty()), Optional.ofNullable(field), message);
  }

  /** A problem with target {@code index} (0-based) of a threat. */
  public static Problem threatTarget(String id, int index, String message) {
    return of(new Element(Element.Kind.THREAT, id, OptionalInt.of(index)), Optional.empty(), message);
  }

  /** A problem with a setting or an option, named as the user wrote it ({@code --scenarios}, {@code period}). */
  public static Problem setting(String name, String message) {
    return of(new Element(Element.Kind.SETTING, name, OptionalInt.empty()), Optional.empty(), message);
  }

  /** The same problem, found at a place in a document. */
  public Problem at(Location where) {
    return new Problem(element, field, Optional.of(where), message);
  }

  /** What is wrong and where in the model, scenario or settings, without the document location. */
  public String description() {
    String in = element.toString();
    String f = field.orElse("");
    if (in.isEmpty()) {
      return f.isEmpty() ? message : f + ": " + message;
    }
    if (f.isEmpty()) {
      return in + ": " + message;
    }
    // "disruption 2 (grid), start", as its target is already in brackets; "node 'care' (mtpd)"
    return in + (element.kind() == Element.Kind.DISRUPTION ? ", " + f : " (" + f + ")") + ": " + message;
  }

  /** {@code file:line:column: element (field): message}, leaving out what the problem does not have. */
  @Override
  public String toString() {
    return location.map(l -> l + ": ").orElse("") + description();
  }
}
