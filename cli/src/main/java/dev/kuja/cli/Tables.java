package dev.kuja.cli;

import dev.kuja.analysis.Ranking;

/** Readable tables for the terminal. */
final class Tables {

  private Tables() {}

  static String ranking(Ranking r, int top) {
    StringBuilder sb = new StringBuilder(String.format("%4s  %-26s %6s  %s%n", "rank", "node", "score", "functions lost"));
    int rank = 0;
    for (Ranking.Entry e : r.top(top)) {
      if (e.score() == 0) {
        break;
      }
      sb.append(String.format("%4d  %-26s %6.0f  %s%n", ++rank, e.node(), e.score(), String.join(", ", e.functions())));
    }
    if (rank == 0) {
      sb.append("  no node brings a function down alone\n");
    }
    return sb.toString().stripTrailing();
  }
}
