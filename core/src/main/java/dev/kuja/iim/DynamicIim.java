package dev.kuja.iim;

import dev.kuja.model.Durations;
import dev.kuja.model.Problem;
import dev.kuja.model.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dynamic inoperability input–output model (Lian &amp; Haimes 2006): how the inoperability of
 * each sector moves from its initial value towards equilibrium, and back to 0 once the
 * perturbation ends, at the pace of each sector's recovery (docs/iim.md#the-dynamic-model).
 *
 * <p>In steps of length {@code step} from t = 0 to the horizon (horizon / step + 1 points):
 *
 * <pre>
 * q(t+1) = clip[0,1]( q(t) + K (A* q(t) + c*(t) − q(t)) ),   q(0) = the initial inoperability
 * </pre>
 *
 * <p>where c*(t) = c* while t is before the end of the perturbation (half-open: from t = the end
 * on it is 0) and K is diagonal, k<sub>i</sub> the resilience of sector i. From a recovery time
 * τ<sub>i</sub> — the time sector i takes to recover to 1 % of its initial inoperability —
 * k<sub>i</sub> = ln(100) / ((τ<sub>i</sub> / step) (1 − a*<sub>ii</sub>)); when that exceeds 1,
 * or when 1 − a*<sub>ii</sub> ≤ 0, k<sub>i</sub> = 0.9999. A sector without a recovery time has
 * k<sub>i</sub> = 1 (it follows its equilibrium at once), unless its resilience is given directly.
 *
 * <p>Immutable: every setting returns a new model; {@link #run()} checks every setting and
 * reports all problems at once.
 *
 * <pre>
 * Timeline t = iim.dynamic(Duration.ofDays(1), Duration.ofDays(60))
 *     .perturbation(Map.of("power", 0.3)).perturbationUntil(Duration.ofDays(7))
 *     .recovery("power", Duration.ofDays(10))
 *     .run();
 * t.impact();                         // the integral of q over the horizon, in steps
 * </pre>
 */
public final class DynamicIim {

  /** The largest resilience a recovery time can give: the rule caps k<sub>i</sub> just below 1. */
  public static final double MAX_RATE = 0.9999;

  /** At most this many values (points × sectors) in a timeline. */
  public static final long MAX_VALUES = 20_000_000L;

  private static final Logger LOG = LoggerFactory.getLogger(DynamicIim.class);

  private final Iim iim;
  private final Duration step;
  private final Duration horizon;
  private final Map<String, Duration> recovery;
  private final Map<String, Double> resilience;
  private final Map<String, Double> initial;
  private final Map<String, Double> perturbation;
  private final Optional<Duration> until;

  private DynamicIim(Iim iim, Duration step, Duration horizon, Map<String, Duration> recovery,
      Map<String, Double> resilience, Map<String, Double> initial, Map<String, Double> perturbation,
      Optional<Duration> until) {
    this.iim = iim;
    this.step = step;
    this.horizon = horizon;
    this.recovery = Collections.unmodifiableMap(new LinkedHashMap<>(recovery));
    this.resilience = Collections.unmodifiableMap(new LinkedHashMap<>(resilience));
    this.initial = Collections.unmodifiableMap(new LinkedHashMap<>(initial));
    this.perturbation = Collections.unmodifiableMap(new LinkedHashMap<>(perturbation));
    this.until = until;
  }

  /**
   * The dynamic model of an IIM, from t = 0 to {@code horizon} in steps of {@code step}, with no
   * perturbation, no initial inoperability and no recovery times yet.
   */
  public static DynamicIim of(Iim iim, Duration step, Duration horizon) {
    return new DynamicIim(Objects.requireNonNull(iim, "iim"), Objects.requireNonNull(step, "step"),
        Objects.requireNonNull(horizon, "horizon"), Map.of(), Map.of(), Map.of(), Map.of(), Optional.empty());
  }

  private static <V> Map<String, V> with(Map<String, V> map, String sector, V value) {
    Map<String, V> m = new LinkedHashMap<>(map);
    m.put(Objects.requireNonNull(sector, "sector"), Objects.requireNonNull(value, "value"));
    return m;
  }

  /** A copy with the recovery time of a sector: the time to recover to 1 % of its initial inoperability. */
  public DynamicIim recovery(String sector, Duration time) {
    return new DynamicIim(iim, step, horizon, with(recovery, sector, time), resilience, initial, perturbation, until);
  }

  /** A copy with the recovery times of several sectors. */
  public DynamicIim recovery(Map<String, Duration> times) {
    DynamicIim d = this;
    for (Map.Entry<String, Duration> e : times.entrySet()) {
      d = d.recovery(e.getKey(), e.getValue());
    }
    return d;
  }

  /**
   * A copy with the resilience k<sub>i</sub> of a sector given directly, in [0, 1], instead of
   * from a recovery time: the share of its gap to equilibrium it closes in one step.
   */
  public DynamicIim resilience(String sector, double k) {
    return new DynamicIim(iim, step, horizon, recovery, with(resilience, sector, k), initial, perturbation, until);
  }

  /** A copy with the initial inoperability q<sub>i</sub>(0) of a sector, in [0, 1]. */
  public DynamicIim initial(String sector, double q) {
    return new DynamicIim(iim, step, horizon, recovery, resilience, with(initial, sector, q), perturbation, until);
  }

  /** A copy with the initial inoperability of several sectors. */
  public DynamicIim initial(Map<String, Double> q) {
    DynamicIim d = this;
    for (Map.Entry<String, Double> e : q.entrySet()) {
      d = d.initial(e.getKey(), e.getValue());
    }
    return d;
  }

  /** A copy with the perturbation c*<sub>i</sub> of a sector, in [0, 1]. */
  public DynamicIim perturbation(String sector, double c) {
    return new DynamicIim(iim, step, horizon, recovery, resilience, initial, with(perturbation, sector, c), until);
  }

  /** A copy with the perturbation of several sectors. */
  public DynamicIim perturbation(Map<String, Double> c) {
    DynamicIim d = this;
    for (Map.Entry<String, Double> e : c.entrySet()) {
      d = d.perturbation(e.getKey(), e.getValue());
    }
    return d;
  }

  /**
   * A copy whose perturbation ends at this time: c*(t) = c* for t before it, 0 from it on. Without
   * an end the perturbation lasts the whole horizon.
   */
  public DynamicIim perturbationUntil(Duration end) {
    return new DynamicIim(iim, step, horizon, recovery, resilience, initial, perturbation,
        Optional.of(Objects.requireNonNull(end, "end")));
  }

  /** The model this runs. */
  public Iim iim() {
    return iim;
  }

  /** The length of a step. */
  public Duration step() {
    return step;
  }

  /** The horizon: the time of the last point. */
  public Duration horizon() {
    return horizon;
  }

  /** The end of the perturbation, when it has one. */
  public Optional<Duration> perturbationUntil() {
    return until;
  }

  /**
   * K, the resilience k<sub>i</sub> of every sector in the order of A*, from the recovery times
   * and the resilience given.
   *
   * @throws ValidationException listing every problem with the settings
   */
  public Map<String, Double> rates() {
    return map(check().rates);
  }

  private Map<String, Double> map(double[] values) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      m.put(iim.sectors().get(i), values[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  /** The checked settings as arrays in the order of A*. */
  private record Checked(long steps, double[] rates, double[] q0, double[] c) {}

  private Checked check() {
    List<Problem> problems = new ArrayList<>();
    List<String> sectors = iim.sectors();
    int n = sectors.size();
    long steps = 0;
    boolean stepOk = step.compareTo(Duration.ZERO) > 0;
    if (!stepOk) {
      problems.add(Checks.problem("step", null, "must be positive, not " + Durations.format(step)));
    }
    if (horizon.isNegative()) {
      problems.add(Checks.problem("horizon", null, "must not be negative (" + horizon + ")"));
    } else if (stepOk) {
      try {
        steps = horizon.dividedBy(step);
      } catch (ArithmeticException e) {
        steps = Long.MAX_VALUE;
      }
      if (steps == Long.MAX_VALUE || (steps + 1) * (double) n > MAX_VALUES) {
        problems.add(Checks.problem("horizon", null, Durations.format(horizon) + " in steps of "
            + Durations.format(step) + " for " + n + " sectors is more than " + String.format(Locale.ROOT, "%,d", MAX_VALUES)
            + " values; take a longer step or a shorter horizon"));
      } else if (!horizon.minus(step.multipliedBy(steps)).isZero()) {
        problems.add(Checks.problem("horizon", null, Durations.format(horizon) + " is not a whole number of steps of "
            + Durations.format(step)));
      }
    }
    until.filter(Duration::isNegative).ifPresent(u ->
        problems.add(Checks.problem("perturbationUntil", null, "must not be negative (" + u + ")")));
    double[] c = iim.vector("perturbation", perturbation, problems, false);
    double[] q0 = iim.vector("initial", initial, problems, false);
    double[] k = new double[n];
    Arrays.fill(k, 1);
    double[] a = iim.cells();
    new TreeMap<>(recovery).forEach((sector, tau) -> {
      if (!iim.interdependency().contains(sector)) {
        problems.add(Checks.problem("recovery", sector, Checks.unknown(sector, sectors)));
      } else if (tau.isNegative()) {
        problems.add(Checks.problem("recovery", sector, "must not be negative (" + tau + ")"));
      } else if (resilience.containsKey(sector)) {
        problems.add(Checks.problem("recovery", sector, "the sector has a resilience given too; give one or the other"));
      } else if (stepOk) {
        int i = iim.interdependency().indexOf(sector);
        k[i] = rate(tau, step, a[i * n + i]);
      }
    });
    new TreeMap<>(resilience).forEach((sector, rate) -> {
      if (!iim.interdependency().contains(sector)) {
        problems.add(Checks.problem("resilience", sector, Checks.unknown(sector, sectors)));
      } else if (!(rate >= 0 && rate <= 1)) {
        problems.add(Checks.problem("resilience", sector, Checks.number(rate) + " is outside [0, 1]"));
      } else {
        k[iim.interdependency().indexOf(sector)] = rate;
      }
    });
    Checks.throwIfAny(problems);
    return new Checked(steps, k, q0, c);
  }

  /**
   * k<sub>i</sub> = ln(100) / ((τ / step) (1 − a*<sub>ii</sub>)), or {@link #MAX_RATE} when that
   * exceeds 1 or 1 − a*<sub>ii</sub> ≤ 0.
   */
  static double rate(Duration tau, Duration step, double aii) {
    double steps = seconds(tau) / seconds(step);
    double own = 1 - aii;
    double k = own <= 0 ? Double.POSITIVE_INFINITY : Math.log(100) / (steps * own);
    return k <= 1 ? k : MAX_RATE;
  }

  private static double seconds(Duration d) {
    return d.getSeconds() + d.getNano() / 1e9;
  }

  /**
   * Runs the model: q at every step from 0 to the horizon.
   *
   * @throws ValidationException listing every problem with the settings: a step that is not
   *     positive, a horizon that is negative or not a whole number of steps, unknown sectors,
   *     values outside [0, 1], negative recovery times, a sector given both a recovery time and a
   *     resilience
   */
  public Timeline run() {
    Checked s = check();
    int n = iim.sectors().size();
    int points = Math.toIntExact(s.steps + 1);
    double[] a = iim.cells();
    double[] data = new double[points * n];
    for (int i = 0; i < n; i++) {
      data[i] = StaticSolution.clip(s.q0[i]);
    }
    double[] zero = new double[n];
    for (int t = 0; t < s.steps; t++) {
      boolean perturbed = until.isEmpty() || step.multipliedBy(t).compareTo(until.get()) < 0;
      double[] c = perturbed ? s.c : zero;
      int from = t * n;
      int to = from + n;
      for (int i = 0; i < n; i++) {
        double aq = 0;
        for (int j = 0; j < n; j++) {
          aq += a[i * n + j] * data[from + j];
        }
        double q = data[from + i];
        data[to + i] = StaticSolution.clip(q + s.rates[i] * (aq + c[i] - q));
      }
    }
    LOG.debug("dynamic IIM: {} sectors, {} steps of {}", n, s.steps, step);
    return new Timeline(iim.sectors(), step, data, s.rates);
  }

  @Override
  public String toString() {
    return "dynamic IIM of " + iim.sectors().size() + " sectors, steps of " + Durations.format(step) + " to "
        + Durations.format(horizon) + (perturbation.isEmpty() ? "" : ", perturbation " + perturbation
        + until.map(u -> " until " + Durations.format(u)).orElse(""))
        + (recovery.isEmpty() ? "" : ", recovery " + recovery)
        + (resilience.isEmpty() ? "" : ", resilience " + resilience)
        + (initial.isEmpty() ? "" : ", initial " + initial);
  }
}
