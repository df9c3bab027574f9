package dev.kuja.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed document element that remembers where it stood: map, list or scalar. */
final class Tree {

  enum Kind {
    MAP,
    LIST,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }

  final Kind kind;
  final int line;
  final int column;
  /** Map entries in document order (MAP only). */
  final Map<String, Tree> map;
  /** Where each key of the map stands (MAP only). */
  final Map<String, int[]> keys;
  final List<Tree> list;
  final String text;

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

  static Tree map(int line, int column) {
    return new Tree(Kind.MAP, line, column, new LinkedHashMap<>(), new LinkedHashMap<>(), null, null);
  }

  static Tree list(int line, int column, List<Tree> items) {
    return new Tree(Kind.LIST, line, column, null, null, items, null);
  }

  static Tree scalar(Kind kind, int line, int column, String text) {
    return new Tree(kind, line, column, null, null, null, text);
  }

  boolean isScalar() {
    return kind != Kind.MAP && kind != Kind.LIST;
  }

  Tree get(String key) {
    return map == null ? null : map.get(key);
  }

  /** What this element is, for messages: "a map", "a list", "the text 'x'", "the number 3". */
  String describe() {
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
