package dev.kuja.iim;

import dev.kuja.model.Durations;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The inoperability of every sector at every step of a {@link DynamicIim} run, from t = 0 to the
 * horizon, and each sector's impact: the integral of its inoperability over the horizon by the
 * trapezoid rule, with time counted in steps (docs/iim.md#impact). An impact of 1.5 means as much
 * lost output as 1.5 steps of the sector standing wholly still.
 *
 * <p>Immutable; from {@link DynamicIim#run()}.
 */
public final class Timeline {

  private final List<String> sectors;
  private final Duration step;
  /** Point-major: q of sector i at point t is data[t * n + i]. */
  private final double[] data;
  private final double[] rates;

  Timeline(List<String> sectors, Duration step, double[] data, double[] rates) {
    this.sectors = List.copyOf(sectors);
    this.step = step;
    this.data = data;
    this.rates = rates.clone();
  }

  /** The sector ids, in the order of A*. */
  public List<String> sectors() {
    return sectors;
  }

  /** The length of a step. */
  public Duration step() {
    return step;
  }

  /** The number of points: horizon / step + 1. */
  public int points() {
    return data.length / sectors.size();
  }

  /** The time of the last point. */
  public Duration horizon() {
    return time(points() - 1);
  }

  /** The time of point {@code t}: t × step. */
  public Duration time(int t) {
    Objects.checkIndex(t, points());
    return step.multipliedBy(t);
  }

  private int index(String sector) {
    int i = sectors.indexOf(Objects.requireNonNull(sector, "sector"));
    if (i < 0) {
      throw new NoSuchElementException(Checks.unknown(sector, sectors));
    }
    return i;
  }

  /** q<sub>i</sub> of a sector at point {@code t}. */
  public double inoperability(int t, String sector) {
    Objects.checkIndex(t, points());
    return data[t * sectors.size() + index(sector)];
  }

  /** q of every sector at point {@code t}, in the order of A*. */
  public Map<String, Double> inoperability(int t) {
    Objects.checkIndex(t, points());
    int n = sectors.size();
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put(sectors.get(i), data[t * n + i]);
    }
    return Collections.unmodifiableMap(m);
  }

  /** q<sub>i</sub> of a sector at every point, a copy. */
  public double[] series(String sector) {
    int i = index(sector);
    int n = sectors.size();
    double[] out = new double[points()];
    for (int t = 0; t < out.length; t++) {
      out[t] = data[t * n + i];
    }
    return out;
  }

  /** The impact of a sector: Σ over the steps of (q(t) + q(t+1)) / 2, in sector-steps. */
  public double impact(String sector) {
    double[] q = series(sector);
    double sum = 0;
    for (int t = 0; t + 1 < q.length; t++) {
      sum += (q[t] + q[t + 1]) / 2;
    }
    return sum;
  }

  /** The impact of every sector, in the order of A*. */
  public Map<String, Double> impact() {
    Map<String, Double> m = new LinkedHashMap<>();
    sectors.forEach(s -> m.put(s, impact(s)));
    return Collections.unmodifiableMap(m);
  }

  /** K, the resilience k<sub>i</sub> each sector was run with, in the order of A*. */
  public Map<String, Double> rates() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < rates.length; i++) {
      m.put(sectors.get(i), rates[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * A table of q: at most 13 points evenly spread over the horizon (the first and last always
   * among them), then each sector's impact and resilience.
   */
  @Override
  public String toString() {
    int width = 8;
    for (String s : sectors) {
      width = Math.max(width, s.length());
    }
    int points = points();
    StringBuilder sb = new StringBuilder("Inoperability over time, " + (points - 1) + " steps of "
        + Durations.format(step) + "\n");
    sb.append(String.format("  %-10s", "t"));
    for (String s : sectors) {
      sb.append("  ").append(String.format("%" + width + "s", s));
    }
    int rows = Math.min(points, 13);
    int last = -1;
    for (int r = 0; r < rows; r++) {
      int t = rows == 1 ? 0 : (int) Math.round(r * (points - 1) / (double) (rows - 1));
      if (t == last) {
        continue;
      }
      last = t;
      sb.append(String.format("%n  %-10s", Durations.format(time(t))));
      for (int i = 0; i < sectors.size(); i++) {
        sb.append("  ").append(String.format("%" + width + "s", Checks.number(data[t * sectors.size() + i])));
      }
    }
    sb.append(String.format("%n  %-10s", "impact"));
    for (String s : sectors) {
      sb.append("  ").append(String.format("%" + width + "s", Checks.number(impact(s))));
    }
    sb.append(String.format("%n  %-10s", "k"));
    for (int i = 0; i < sectors.size(); i++) {
      sb.append("  ").append(String.format("%" + width + "s", Checks.number(rates[i])));
    }
    return sb.toString();
  }
}
