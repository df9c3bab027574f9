package dev.kuja.analysis;

import com.google.common.collect.ImmutableSortedSet;
import dev.kuja.engine.graph.NodeSets;
import dev.kuja.model.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What fails when the {@code initial} nodes fail and stay down: every node whose failure time
 * is within the horizon (all that ever fail when there is none).
 *
 * @param initial   the nodes failed at time 0
 * @param horizon   how far ahead the impact was followed; empty for no limit
 * @param failed    every failed node, the initial ones included, sorted by id
 * @param functions the failed nodes that are functions, sorted by id
 */
public record Impact(
    Set<String> initial, Optional<Duration> horizon, Set<String> failed, Set<String> functions) {

  /** How many ids {@link #toString()} lists before "… and N more". */
  static final int LISTED = 100;

  public Impact {
    initial = ImmutableSortedSet.copyOf(initial);
    Objects.requireNonNull(horizon, "horizon");
    failed = NodeSets.isFrozen(failed) ? failed : ImmutableSortedSet.copyOf(failed);
    functions = NodeSets.isFrozen(functions) ? functions : ImmutableSortedSet.copyOf(functions);
  }

  /** True when the node fails. */
  public boolean contains(String id) {
    return failed.contains(id);
  }

  /** Number of failed nodes. */
  public int size() {
    return failed.size();
  }

  @Override
  public String toString() {
    return "Impact of " + initial
        + horizon.map(h -> " within " + Durations.format(h)).orElse("")
        + ": " + failed.size() + " nodes fail, " + functions.size() + " functions "
        + Listing.of(functions, LISTED) + "\n  failed: " + Listing.of(failed, LISTED);
  }
}
