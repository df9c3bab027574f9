package dev.kuja.io.syntax;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.kuja.io.Format;
import dev.kuja.io.ReadOptions;
import dev.kuja.model.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns Jackson's token stream (JSON or YAML) into {@link Tree}s with locations. Jackson does the
 * parsing; this class only keeps where each element stood, detects duplicate keys and refuses
 * YAML aliases (which Jackson would otherwise hand over as plain text).
 */
public final class TreeReader {

  /** Thrown to stop reading a document that cannot be parsed any further. */
  public static final class Fatal extends Exception {
    public final Problem problem;

    public Fatal(Problem problem) {
      super(problem.toString(), null, false, false);
      this.problem = problem;
    }
  }

  private final JsonParser parser;
  private final String source;
  private final Problems problems;

  public TreeReader(JsonParser parser, String source, Problems problems) {
    this.parser = parser;
    this.source = source;
    this.problems = problems;
  }

  public static JsonFactory factory(Format format, ReadOptions options) {
    StreamReadConstraints limits = StreamReadConstraints.builder()
        .maxNestingDepth(options.maxDepth())
        .maxDocumentLength(options.maxBytes())
        .maxStringLength((int) Math.min(Integer.MAX_VALUE, options.maxBytes()))
        .build();
    if (format == Format.JSON) {
      return JsonFactory.builder().streamReadConstraints(limits).build();
    }
    LoaderOptions loader = new LoaderOptions();
    loader.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, options.maxBytes()));
    loader.setNestingDepthLimit(options.maxDepth());
    loader.setMaxAliasesForCollections(0);
    loader.setAllowDuplicateKeys(true); // duplicates are reported by Kuja, with their place
    return YAMLFactory.builder().loaderOptions(loader).streamReadConstraints(limits).build();
  }

  public JsonToken next() throws Fatal {
    try {
      JsonToken t = parser.nextToken();
      if (parser instanceof YAMLParser y && y.isCurrentAlias()) {
        throw fatal("YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
      }
      return t;
    } catch (StreamConstraintsException e) {
      throw fatal("the document is too large or too deeply nested (" + firstLine(e) + ")");
    } catch (IOException | RuntimeException e) {
      throw unreadable(e);
    }
  }

  /**
   * The problem that stopped the parser: bad text where the text is bad ({@link StrictReader}),
   * a YAML mistake where SnakeYAML saw it, otherwise where Jackson stopped.
   */
  private Fatal unreadable(Exception e) {
    Optional<StrictReader.BadText> bad = StrictReader.BadText.in(e);
    if (bad.isPresent()) {
      return new Fatal(Problem.inDocument(
          new Problem.Location(source, bad.get().line, bad.get().column), bad.get().problem));
    }
    Optional<MarkedYAMLException> yaml = yamlCause(e);
    if (yaml.isPresent() && yaml.get().getProblemMark() != null) {
      Mark m = yaml.get().getProblemMark();
      String problem = yaml.get().getProblem() == null ? firstLine(e) : yaml.get().getProblem();
      Mark c = yaml.get().getContextMark();
      String context = yaml.get().getContext() == null || c == null ? ""
          : " (" + firstLineOf(yaml.get().getContext()) + " at " + (c.getLine() + 1) + ":"
              + (c.getColumn() + 1) + ")";
      String message = problem.contains("\\t(TAB)")
          ? "tab characters cannot indent YAML; use spaces"
          : "not valid YAML: " + firstLineOf(problem) + context;
      return new Fatal(Problem.inDocument(
          new Problem.Location(source, m.getLine() + 1, m.getColumn() + 1), message));
    }
    if (e instanceof JsonProcessingException j) {
      JsonLocation l = j.getLocation();
      return new Fatal(Problem.inDocument(new Problem.Location(source, l == null ? 0 : l.getLineNr(),
          l == null ? 0 : l.getColumnNr()), "not valid " + syntax() + ": " + firstLine(e)));
    }
    if (e instanceof IOException) {
      return fatal("cannot be read: " + e.getMessage());
    }
    // SnakeYAML's own limits (aliases, code points, depth) surface as runtime exceptions
    return fatal("not valid " + syntax() + ": " + firstLine(e));
  }

  private static Optional<MarkedYAMLException> yamlCause(Throwable t) {
    for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof MarkedYAMLException m) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /**
   * Checks that nothing follows the document just read: no second YAML document (after
   * {@code ---}), no text after {@code ...}, no second JSON value or other text after the
   * closing brace. Whatever follows is refused where it begins.
   */
  public void end() throws Fatal {
    JsonToken t;
    try {
      t = parser.nextToken();
    } catch (IOException | RuntimeException e) {
      Fatal f = unreadable(e);
      if (StrictReader.BadText.in(e).isPresent()) {
        throw f;
      }
      Problem.Location at = f.problem.location().orElse(Problem.Location.of(source));
      throw new Fatal(Problem.inDocument(at,
          "more text after the end of the document; a file holds one document"));
    }
    if (t != null) {
      throw fatal(parser instanceof YAMLParser
          ? "a second YAML document begins here; a file holds one document"
          : "more text after the end of the document; a file holds one JSON value");
    }
  }

  private String syntax() {
    return parser instanceof YAMLParser ? "YAML" : "JSON";
  }

  private static String firstLine(Exception e) {
    String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    return m == null ? e.getClass().getSimpleName() : firstLineOf(m);
  }

  private static String firstLineOf(String m) {
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  public Fatal fatal(String message) {
    JsonLocation l = parser.currentTokenLocation();
    return new Fatal(Problem.inDocument(new Problem.Location(source, l.getLineNr(), l.getColumnNr()), message));
  }

  public int line() {
    return parser.currentTokenLocation().getLineNr();
  }

  public int column() {
    return parser.currentTokenLocation().getColumnNr();
  }

  public JsonToken current() {
    return parser.currentToken();
  }

  public String fieldName() throws Fatal {
    try {
      return parser.currentName();
    } catch (IOException e) {
      throw fatal(e.getMessage());
    }
  }

  /** Reads the element that starts at the current token. */
  public Tree read() throws Fatal {
    JsonToken t = current();
    int line = line();
    int column = column();
    try {
      switch (t) {
        case START_OBJECT: {
          Tree map = Tree.map(line, column);
          while (next() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int kl = line();
            int kc = column();
            next();
            Tree value = read();
            if (map.map.containsKey(key)) {
              problems.add(kl, kc, "the key '" + key + "' appears twice in this map");
            } else {
              map.map.put(key, value);
              map.keys.put(key, new int[] {kl, kc});
            }
          }
          return map;
        }
        case START_ARRAY: {
          List<Tree> items = new ArrayList<>();
          while (next() != JsonToken.END_ARRAY) {
            items.add(read());
          }
          return Tree.list(line, column, items);
        }
        case VALUE_STRING:
          return Tree.scalar(Tree.Kind.STRING, line, column, parser.getText());
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return Tree.scalar(Tree.Kind.NUMBER, line, column, parser.getText());
        case VALUE_TRUE:
        case VALUE_FALSE:
          return Tree.scalar(Tree.Kind.BOOLEAN, line, column, parser.getText());
        case VALUE_NULL:
          return Tree.scalar(Tree.Kind.NULL, line, column, "null");
        default:
          throw fatal("unexpected " + t);
      }
    } catch (IOException e) {
      throw fatal(e.getMessage());
    }
  }
}
