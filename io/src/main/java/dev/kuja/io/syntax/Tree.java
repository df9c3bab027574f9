package dev.kuja.io.syntax;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed document element that remembers where it stood: map, list or scalar. */
public final class Tree {

  public enum Kind {
    MAP,
    LIST,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }

  public final Kind kind;
  public final int line;
  public final int column;
  /** Map entries in document order (MAP only). */
  public final Map<String, Tree> map;
  /** Where each key of the map stands (MAP only). */
  public final Map<String, int[]> keys;
  public final List<Tree> list;
  public final String text;

  private Tree(Kind kind, int line, int column, Map<String, Tree> map, Map<String, int[]> keys,
      List<Tree> list, String text) {
    this.kind = kind;
    this.line = line;
    this.column = column;
    this.map = map;
    this.keys = keys;
    this.list = list;
    this.text = text;
  }

  public static Tree map(int line, int column) {
    return new Tree(Kind.MAP, line, column, new LinkedHashMap<>(), new LinkedHashMap<>(), null, null);
  }

  public static Tree list(int line, int column, List<Tree> items) {
    return new Tree(Kind.LIST, line, column, null, null, items, null);
  }

  public static Tree scalar(Kind kind, int line, int column, String text) {
    return new Tree(kind, line, column, null, null, null, text);
  }

  public boolean isScalar() {
    return kind != Kind.MAP && kind != Kind.LIST;
  }

  public Tree get(String key) {
    return map == null ? null : map.get(key);
  }

  /** What this element is, for messages: "a map", "a list", "the text 'x'", "the number 3". */
  public String describe() {
    return switch (kind) {
      case MAP -> "a map";
      case LIST -> "a list";
      case STRING -> "the text '" + text + "'";
      case NUMBER -> "the number " + text;
      case BOOLEAN -> text;
      case NULL -> "nothing";
    };
  }
}
