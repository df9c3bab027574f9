package dev.kuja.analysis;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Criticality ranking: for every node, the functions it brings down alone (the functions it is
 * a single point of failure of), weighted by criticality. The top of the list is where
 * investment in redundancy or buffers pays most.
 *
 * @param entries one entry per node, highest score first (ties by id)
 */
public record Ranking(List<Ranking.Entry> entries) {

  /**
   * One node's place in the ranking.
   *
   * @param node      the node
   * @param functions the functions other than the node itself that fail when it fails, by id
   * @param score     the sum of those functions' criticality weights
   */
  public record Entry(String node, List<String> functions, double score) {
    public Entry {
      Objects.requireNonNull(node, "node");
      functions = List.copyOf(functions);
    }

    @Override
    public String toString() {
      return node + " " + score + " " + functions;
    }
  }

  public Ranking {
    entries = List.copyOf(entries);
  }

  /** The first {@code n} entries. */
  public List<Entry> top(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("the number of entries must not be negative, not " + n);
    }
    return entries.subList(0, Math.min(n, entries.size()));
  }

  /** The entry of a node. */
  public Optional<Entry> entry(String node) {
    return entries.stream().filter(e -> e.node().equals(node)).findFirst();
  }

  /** The entries whose score is above zero. */
  public List<Entry> critical() {
    return entries.stream().filter(e -> e.score() > 0).collect(ImmutableList.toImmutableList());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Criticality ranking (")
        .append(critical().size()).append(" of ").append(entries.size())
        .append(" nodes bring down a function)");
    int rank = 0;
    for (Entry e : top(20)) {
      if (e.score() == 0) {
        break;
      }
      sb.append(String.format("%n  %3d. %-24s %6.1f  %s", ++rank, e.node(), e.score(),
          String.join(", ", e.functions())));
    }
    if (critical().size() > 20) {
      sb.append(String.format("%n  … and %d more", critical().size() - 20));
    }
    return sb.toString();
  }
}
