package dev.kuja.io;

import java.util.List;
import java.util.stream.Collectors;

/** A document could not be read. The message lists every problem found, one per line. */
public final class DocumentException extends IllegalArgumentException {

  private final transient List<DocumentProblem> problems;

  public DocumentException(List<DocumentProblem> problems) {
    super(problems.stream().map(DocumentProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in document order. */
  public List<DocumentProblem> problems() {
    return problems;
  }
}
