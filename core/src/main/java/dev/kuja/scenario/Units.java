package dev.kuja.scenario;

import dev.kuja.engine.graph.CompactModel;
import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Problem;
import dev.kuja.model.Reliability;
import dev.kuja.model.RepairTime;
import dev.kuja.model.Target;
import dev.kuja.model.Threat;
import dev.kuja.model.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The stochastic units of a model: every node with reliability data and every threat, each with
 * the nodes it fails and how it occurs. Samples the disruptions of one
 * scenario over the study period, and gives each unit's static unavailability for importance
 * measures.
 */
final class Units {

  /** Milliseconds in a year of 365 days: the unit of failure rates. */
  static final double YEAR_MS = 365d * 24 * 3600 * 1000;

  final CompactModel cm;
  final long period;
  final String[] names;
  final int[][] nodes;
  final Reliability[] spec;
  final int size;

  private Units(CompactModel cm, long period, List<String> names, List<int[]> nodes,
      List<Reliability> spec) {
    this.cm = cm;
    this.period = period;
    this.names = names.toArray(String[]::new);
    this.nodes = nodes.toArray(int[][]::new);
    this.spec = spec.toArray(Reliability[]::new);
    this.size = this.names.length;
  }

  /**
   * The units of the model: its nodes with reliability data (when {@code nodes} is true), then
   * the given threats.
   *
   * @throws ValidationException naming every problem of a threat (its targets in the model, its
   *     occurrence data) and every threat id used twice
   */
  static Units of(Model model, Duration period, boolean nodes, List<Threat> threats) {
    CompactModel cm = CompactModel.of(model);
    List<String> names = new ArrayList<>();
    List<int[]> unitNodes = new ArrayList<>();
    List<Reliability> spec = new ArrayList<>();
    if (nodes) {
      for (Node n : model.nodes()) {
        if (n.reliability().isPresent()) {
          Reliability r = n.reliability().get();
          if (r.failureProbability().isPresent() || r.failuresPerYear().isPresent()) {
            names.add(n.id());
            unitNodes.add(new int[] {cm.index(n.id())});
            spec.add(r);
          }
        }
      }
    }
    List<Problem> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Threat t : threats) {
      if (!ids.add(t.id())) {
        problems.add(Problem.threat(t.id(), "id", "threat id '" + t.id() + "' is used more than once"));
      }
      if (model.threat(t.id()).filter(t::equals).isEmpty()) {
        problems.addAll(t.problemsIn(model)); // the model's own threats were checked when it was built
      }
      Set<Integer> hit = new LinkedHashSet<>();
      for (Target target : t.targets()) {
        target.nodesIn(model).forEach(node -> hit.add(cm.index(node.id())));
      }
      names.add("threat:" + t.id());
      unitNodes.add(hit.stream().mapToInt(Integer::intValue).toArray());
      spec.add(t.occurrence());
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return new Units(cm, millis(period), names, unitNodes, spec);
  }

  /** The study period in engine time. */
  static long millis(Duration period) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("the study period must be positive, not " + period);
    }
    return Durations.millis(period);
  }

  /**
   * The mean unavailability of unit u over the period — the probability that it is down at a
   * random instant: p for a probability without repair time (down the whole period), p · τ / T
   * with a mean repair time τ (capped at p); λτ / (1 + λτ) for a rate λ with mean repair time τ
   * (the steady state of the renewal process); 1 − (1 − e^(−λT)) / (λT) for a rate without
   * repair (down from the first failure to the end of the period).
   */
  double unavailability(int u) {
    Reliability r = spec[u];
    if (r.failureProbability().isPresent()) {
      double p = r.failureProbability().getAsDouble();
      return r.repairTime().map(t -> p * Math.min(1, t.mean().toMillis() / (double) period)).orElse(p);
    }
    double lambda = r.failuresPerYear().getAsDouble() / YEAR_MS;
    if (lambda == 0) {
      return 0;
    }
    if (r.repairTime().isPresent()) {
      double busy = lambda * r.repairTime().get().mean().toMillis();
      return busy / (1 + busy);
    }
    double x = lambda * period;
    return 1 + Math.expm1(-x) / x;
  }

  /** The expected number of outages one scenario samples (see {@link MonteCarlo#expectedOutages()}). */
  double expectedOutages() {
    double sum = 0;
    for (Reliability r : spec) {
      if (r.failureProbability().isPresent()) {
        sum += r.failureProbability().getAsDouble();
        continue;
      }
      double lambda = r.failuresPerYear().getAsDouble() / YEAR_MS;
      if (lambda <= 0) {
        continue;
      }
      double x = lambda * period;
      sum += r.repairTime().isPresent()
          ? x / (1 + lambda * r.repairTime().get().mean().toMillis())
          : -Math.expm1(-x);
    }
    return sum;
  }

  /** Receives the sampled outages of units. */
  interface Sink {
    void outage(int unit, long start, long end);
  }

  /**
   * Samples the outages of every unit over [0, period): with a probability p, one outage at a
   * uniform time lasting a repair time (without a repair time: down the whole period); with a
   * rate, an alternating renewal process — exponential times to failure, repair times between.
   */
  void sample(SplittableRandom random, Sink sink) {
    for (int u = 0; u < size; u++) {
      Reliability r = spec[u];
      if (r.failureProbability().isPresent()) {
        double p = r.failureProbability().getAsDouble();
        if (random.nextDouble() < p) {
          if (r.repairTime().isPresent()) {
            long start = (long) (random.nextDouble() * period);
            long length = draw(r.repairTime().get(), random);
            if (length > 0) {
              sink.outage(u, start, start + length);
            }
          } else {
            sink.outage(u, 0, CompactModel.NEVER);
          }
        }
      } else {
        double perMs = r.failuresPerYear().getAsDouble() / YEAR_MS;
        if (perMs <= 0) {
          continue;
        }
        double t = random.nextExponential() / perMs;
        while (t < period) {
          long start = (long) t;
          if (r.repairTime().isEmpty()) {
            sink.outage(u, start, CompactModel.NEVER);
            break;
          }
          long length = draw(r.repairTime().get(), random);
          if (length > 0) {
            sink.outage(u, start, start + length);
          }
          t = start + length + random.nextExponential() / perMs;
        }
      }
    }
  }

  /** One draw of a repair-time distribution, in milliseconds. */
  static long draw(RepairTime t, SplittableRandom random) {
    double ms;
    if (t instanceof RepairTime.Fixed f) {
      return f.duration().toMillis();
    } else if (t instanceof RepairTime.Exponential e) {
      ms = random.nextExponential() * e.mean().toMillis();
    } else if (t instanceof RepairTime.Uniform u) {
      long min = u.min().toMillis();
      ms = min + random.nextDouble() * (u.max().toMillis() - min);
    } else {
      RepairTime.LogNormal l = (RepairTime.LogNormal) t;
      ms = l.median().toMillis() * Math.exp(l.sigma() * random.nextGaussian());
    }
    return Math.min(Math.round(ms), CompactModel.NEVER / 4);
  }

  /** The random stream of scenario {@code index} under {@code seed}: independent of threads. */
  static SplittableRandom stream(long seed, long index) {
    long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new SplittableRandom(z ^ (z >>> 31));
  }
}
