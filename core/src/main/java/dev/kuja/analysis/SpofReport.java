package dev.kuja.analysis;

import com.google.common.collect.ImmutableList;
import dev.kuja.model.Durations;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The single points of failure of one target (normally a critical function), nearest first.
 *
 * @param target  the function or node analysed
 * @param horizon a failure counts only if it brings the target down within this time; empty for
 *                no limit
 * @param spofs   every single point of failure, ordered by path length then id
 */
public record SpofReport(String target, Optional<Duration> horizon, List<Spof> spofs) {

  /** SPOFs {@link #toString()} shows, nearest first. */
  public static final int SHOWN = 25;

  public SpofReport {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(horizon, "horizon");
    spofs = spofs instanceof FunctionSpofs ? spofs : List.copyOf(spofs);
  }

  /**
   * Number of common-cause SPOFs. For the reports of {@link Analysis#spofs()} it is known without
   * making any explanation.
   */
  public int commonCauseCount() {
    return spofs instanceof FunctionSpofs lazy ? lazy.commonCauseCount()
        : (int) spofs.stream().filter(Spof::commonCause).count();
  }

  /**
   * Every SPOF's id, mapped to true when it is common-cause, in no particular order. For the
   * reports of {@link Analysis#spofs()} it is known without making any explanation, so a
   * renderer can mark the SPOFs of every function of a national model without explaining them.
   */
  public Map<String, Boolean> commonCauseByNode() {
    Map<String, Boolean> out = new HashMap<>();
    if (spofs instanceof FunctionSpofs lazy) {
      lazy.classes(out);
    } else {
      for (Spof s : spofs) {
        out.put(s.node(), s.commonCause());
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** Number of direct SPOFs; see {@link #commonCauseCount()}. */
  public int directCount() {
    return spofs.size() - commonCauseCount();
  }

  /** The SPOFs that break a chain of plain dependencies. */
  public List<Spof> direct() {
    return spofs.stream().filter(s -> !s.commonCause()).collect(ImmutableList.toImmutableList());
  }

  /** The SPOFs that defeat redundancy: the findings analysts cannot see by eye. */
  public List<Spof> commonCause() {
    return spofs.stream().filter(Spof::commonCause).collect(ImmutableList.toImmutableList());
  }

  /** The ids of the SPOFs. */
  public List<String> nodes() {
    return spofs.stream().map(Spof::node).collect(ImmutableList.toImmutableList());
  }

  /** True when the node is a SPOF of the target. */
  public boolean contains(String id) {
    if (spofs instanceof FunctionSpofs lazy) {
      return lazy.containsNode(id);
    }
    return spofs.stream().anyMatch(s -> s.node().equals(id));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("SPOFs of ").append(target);
    horizon.ifPresent(h -> sb.append(" within ").append(Durations.format(h)));
    long common = spofs.stream().filter(Spof::commonCause).count();
    sb.append(": ").append(spofs.size()).append(" (").append(spofs.size() - common)
        .append(" direct, ").append(common).append(" common-cause)");
    // the nearest SHOWN, so that text stays linear in the model: every node of a chain of
    // 20,000 is a SPOF of all above it (JSON lists them all)
    for (Spof s : spofs.subList(0, Math.min(SHOWN, spofs.size()))) {
      sb.append(String.format("%n  %-13s %-24s %s", s.commonCause() ? "common-cause" : "direct",
          s.node(), s.pathText()));
    }
    if (spofs.size() > SHOWN) {
      sb.append("\n  … and ").append(spofs.size() - SHOWN).append(" more SPOFs, further away");
    }
    return sb.toString();
  }
}
