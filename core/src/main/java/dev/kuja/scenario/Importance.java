package dev.kuja.scenario;

import dev.kuja.engine.graph.Closure;
import dev.kuja.engine.propagation.FailurePropagation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Computes {@link ImportanceReport}s: exact by enumeration, or by sampling. */
final class Importance {

  /** Keeps the importance samples apart from the ensemble's scenarios under one seed. */
  private static final long SALT = 0x1A2B3C4D5E6F7081L;

  private final Units units;
  private final int target;
  private final int[] relevant;
  private final FailurePropagation fp;
  private int[] sources = new int[16];

  private Importance(Units units, int target, int[] relevant) {
    this.units = units;
    this.target = target;
    this.relevant = relevant;
    this.fp = new FailurePropagation(units.cm);
  }

  static ImportanceReport compute(Units units, String function, Optional<Boolean> exact,
      long seed, long samples, double z) {
    int target = units.cm.index(function);
    boolean[] closure = Closure.dependencyMask(units.cm, target);
    List<Integer> relevant = new ArrayList<>();
    for (int u = 0; u < units.size; u++) {
      for (int v : units.nodes[u]) {
        if (closure[v]) {
          relevant.add(u);
          break;
        }
      }
    }
    int m = relevant.size();
    boolean useExact = exact.orElse(m <= ImportanceReport.MAX_EXACT_EVENTS);
    if (useExact && m > ImportanceReport.MAX_EXACT_EVENTS) {
      throw new IllegalArgumentException(m + " basic events can reach '" + function
          + "'; exact importance enumerates 2^n combinations and stops at "
          + ImportanceReport.MAX_EXACT_EVENTS + " — use sampled importance");
    }
    Importance engine = new Importance(units, target,
        relevant.stream().mapToInt(Integer::intValue).toArray());
    return useExact ? engine.exact(function) : engine.sampled(function, seed, samples, z);
  }

  private ImportanceReport exact(String function) {
    int m = relevant.length;
    int[] lostMasks = new int[16];
    int lostCount = 0;
    boolean[] state = new boolean[m];
    for (int mask = 0; mask < 1 << m; mask++) {
      for (int j = 0; j < m; j++) {
        state[j] = (mask >>> j & 1) != 0;
      }
      if (lostSet(state, -1, -1)) {
        if (lostCount == lostMasks.length) {
          lostMasks = java.util.Arrays.copyOf(lostMasks, lostCount * 2);
        }
        lostMasks[lostCount++] = mask;
      }
    }
    double[] q = new double[m];
    for (int j = 0; j < m; j++) {
      q[j] = units.unavailability(relevant[j]);
    }
    double loss = probability(q, lostMasks, lostCount);
    List<NodeImportance> out = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      double keep = q[j];
      q[j] = 1;
      double q1 = probability(q, lostMasks, lostCount);
      q[j] = 0;
      double q0 = probability(q, lostMasks, lostCount);
      q[j] = keep;
      out.add(NodeImportance.of(units.names[relevant[j]], keep, loss, q1, q0));
    }
    return report(function, true, 0, Estimate.exact(loss), out);
  }

  /** Σ over the masks in which the target is lost of the mask's probability. */
  private static double probability(double[] q, int[] masks, int count) {
    int m = q.length;
    int lo = m / 2;
    double[] low = table(q, 0, lo);
    double[] high = table(q, lo, m);
    double sum = 0;
    int lowMask = (1 << lo) - 1;
    for (int i = 0; i < count; i++) {
      sum += low[masks[i] & lowMask] * high[masks[i] >>> lo];
    }
    return Math.min(1, Math.max(0, sum));
  }

  /** Probabilities of every state of units [from, to) as a table indexed by their bits. */
  private static double[] table(double[] q, int from, int to) {
    double[] t = {1};
    for (int j = from; j < to; j++) {
      double[] next = new double[t.length * 2];
      for (int s = 0; s < t.length; s++) {
        next[s] = t[s] * (1 - q[j]);
        next[s + t.length] = t[s] * q[j];
      }
      t = next;
    }
    return t;
  }

  private ImportanceReport sampled(String function, long seed, long samples, double z) {
    int m = relevant.length;
    double[] q = new double[m];
    for (int j = 0; j < m; j++) {
      q[j] = units.unavailability(relevant[j]);
    }
    boolean[] state = new boolean[m];
    long lostCount = 0;
    long[] lost1 = new long[m];
    long[] lost0 = new long[m];
    List<Integer> failed = new ArrayList<>();
    for (long s = 0; s < samples; s++) {
      SplittableRandom random = Units.stream(seed ^ SALT, s);
      failed.clear();
      for (int j = 0; j < m; j++) {
        state[j] = random.nextDouble() < q[j];
        if (state[j]) {
          failed.add(j);
        }
      }
      boolean lostNow = lostSet(state, -1, -1);
      if (lostNow) {
        lostCount++;
      }
      for (int j = 0; j < m; j++) {
        boolean withJ;
        boolean withoutJ;
        if (state[j]) {
          withJ = lostNow;
          withoutJ = lostNow && lostSet(state, -1, j);
        } else {
          withoutJ = lostNow;
          withJ = lostNow || lostSet(state, j, -1);
        }
        if (withJ) {
          lost1[j]++;
        }
        if (withoutJ) {
          lost0[j]++;
        }
      }
    }
    double n = samples;
    double loss = lostCount / n;
    List<NodeImportance> out = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      out.add(NodeImportance.of(units.names[relevant[j]], q[j], loss, lost1[j] / n, lost0[j] / n));
    }
    return report(function, false, samples, Estimate.wilson(lostCount, samples, z), out);
  }

  /** True when the target is lost before the end of the period with these units failed. */
  private boolean lostSet(boolean[] state, int extra, int without) {
    int count = 0;
    for (int j = 0; j < relevant.length; j++) {
      if (j == extra || (j != without && state[j])) {
        for (int v : units.nodes[relevant[j]]) {
          if (count == sources.length) {
            sources = java.util.Arrays.copyOf(sources, count * 2);
          }
          sources[count++] = v;
        }
      }
    }
    if (count == 0) {
      return false;
    }
    fp.impact(java.util.Arrays.copyOf(sources, count), null);
    return fp.isFailed(target);
  }

  private ImportanceReport report(String function, boolean exact, long samples, Estimate loss,
      List<NodeImportance> events) {
    events.sort(Comparator.comparingDouble(NodeImportance::birnbaum).reversed()
        .thenComparing(NodeImportance::event));
    return new ImportanceReport(function, Duration.ofMillis(units.period), exact, samples, loss,
        events);
  }
}
