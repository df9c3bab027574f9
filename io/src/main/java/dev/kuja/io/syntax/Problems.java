package dev.kuja.io.syntax;

import dev.kuja.io.DocumentException;
import dev.kuja.model.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one document. */
public final class Problems {

  /** Stop collecting beyond this many: the rest is noise, and a hostile file could be all errors. */
  public static final int MAX = 1000;

  public final String source;
  private final List<Problem> list = new ArrayList<>();
  private int dropped;

  public Problems(String source) {
    this.source = source;
  }

  public void add(int line, int column, String message) {
    if (list.size() < MAX) {
      list.add(Problem.inDocument(new Problem.Location(source, line, column), message));
    } else {
      dropped++;
    }
  }

  public void at(Tree t, String message) {
    add(t.line, t.column, message);
  }

  /** A problem of the model or scenario the document describes, found at a place in it. */
  public void at(Tree t, Problem p) {
    add(p.at(new Problem.Location(source, t.line, t.column)));
  }

  public void add(Problem p) {
    list.add(p);
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** The file of a problem, and the sheet when it is in a workbook: problems are sorted within each. */
  private String source(Problem p) {
    return p.location().map(l -> l.source() + l.sheet().map(s -> "\u0000" + s).orElse("")).orElse(source);
  }

  /** Throws the problems, in document order, when there are any. */
  public void throwIfAny() {
    if (list.isEmpty()) {
      return;
    }
    // document order within each source (file, or sheet of a workbook); sources in the order
    // they first had a problem
    java.util.Map<String, Integer> sources = new java.util.HashMap<>();
    list.forEach(p -> sources.putIfAbsent(source(p), sources.size()));
    List<Problem> sorted = new ArrayList<>(list);
    sorted.sort(Comparator.<Problem>comparingInt(p -> sources.get(source(p)))
        .thenComparingInt(p -> p.location().map(Problem.Location::line).orElse(0))
        .thenComparingInt(p -> p.location().map(Problem.Location::column).orElse(0)));
    if (dropped > 0) {
      sorted.add(Problem.inDocument(Problem.Location.of(source), "… and " + dropped + " more problems"));
    }
    throw new DocumentException(sorted);
  }
}
