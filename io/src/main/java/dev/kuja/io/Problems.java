package dev.kuja.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one document. */
final class Problems {

  /** Stop collecting beyond this many: the rest is noise, and a hostile file could be all errors. */
  static final int MAX = 1000;

  final String source;
  private final List<DocumentProblem> list = new ArrayList<>();
  private int dropped;

  Problems(String source) {
    this.source = source;
  }

  void add(int line, int column, String message) {
    if (list.size() < MAX) {
      list.add(new DocumentProblem(source, line, column, message));
    } else {
      dropped++;
    }
  }

  void at(Tree t, String message) {
    add(t.line, t.column, message);
  }

  void add(DocumentProblem p) {
    list.add(p);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  /** Throws the problems, in document order, when there are any. */
  void throwIfAny() {
    if (list.isEmpty()) {
      return;
    }
    // document order within each source; sources in the order they first had a problem
    java.util.Map<String, Integer> sources = new java.util.HashMap<>();
    list.forEach(p -> sources.putIfAbsent(p.source(), sources.size()));
    List<DocumentProblem> sorted = new ArrayList<>(list);
    sorted.sort(Comparator.<DocumentProblem>comparingInt(p -> sources.get(p.source()))
        .thenComparingInt(DocumentProblem::line).thenComparingInt(DocumentProblem::column));
    if (dropped > 0) {
      sorted.add(new DocumentProblem(source, 0, 0, "… and " + dropped + " more problems"));
    }
    throw new DocumentException(sorted);
  }
}
