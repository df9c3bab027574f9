package dev.kuja.iim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The equilibrium inoperability of every sector under a constant perturbation: q = (I − A*)⁻¹ c*,
 * each q<sub>i</sub> then clipped to [0, 1] (docs/iim.md#the-static-model). q<sub>i</sub> is the
 * share of sector i's planned output that it cannot deliver once the disruption has spread through
 * the interdependencies; a value solved above 1 means the sector is wholly inoperable, and is kept
 * as {@link #solved(String)}.
 *
 * <p>Immutable; from {@link Iim#solve}.
 */
public final class StaticSolution {

  private final List<String> sectors;
  private final double[] perturbation;
  private final double[] solved;
  private final double[] q;

  StaticSolution(List<String> sectors, double[] perturbation, double[] solved) {
    this.sectors = List.copyOf(sectors);
    this.perturbation = perturbation.clone();
    this.solved = solved.clone();
    this.q = new double[solved.length];
    for (int i = 0; i < solved.length; i++) {
      q[i] = clip(solved[i]);
    }
  }

  static double clip(double v) {
    return v < 0 ? 0 : v > 1 ? 1 : v;
  }

  /** The sector ids, in the order of A*. */
  public List<String> sectors() {
    return sectors;
  }

  private int index(String sector) {
    int i = sectors.indexOf(Objects.requireNonNull(sector, "sector"));
    if (i < 0) {
      throw new NoSuchElementException(Checks.unknown(sector, sectors));
    }
    return i;
  }

  /** q<sub>i</sub> of a sector, in [0, 1]. */
  public double inoperability(String sector) {
    return q[index(sector)];
  }

  /** q of every sector, in the order of A* (an unmodifiable map). */
  public Map<String, Double> inoperability() {
    return map(q);
  }

  /** c*<sub>i</sub> of a sector, the perturbation it was given (0 when none). */
  public double perturbation(String sector) {
    return perturbation[index(sector)];
  }

  /** c* of every sector, in the order of A*. */
  public Map<String, Double> perturbation() {
    return map(perturbation);
  }

  /** The solution before clipping: ((I − A*)⁻¹ c*)<sub>i</sub>. */
  public double solved(String sector) {
    return solved[index(sector)];
  }

  /** The sectors whose solution lay outside [0, 1] and was clipped, in the order of A*. */
  public List<String> clipped() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < solved.length; i++) {
      if (solved[i] != q[i]) {
        out.add(sectors.get(i));
      }
    }
    return Collections.unmodifiableList(out);
  }

  private Map<String, Double> map(double[] values) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      m.put(sectors.get(i), values[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StaticSolution s && sectors.equals(s.sectors) && Arrays.equals(perturbation, s.perturbation)
        && Arrays.equals(solved, s.solved);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sectors, Arrays.hashCode(perturbation), Arrays.hashCode(solved));
  }

  /** A table: each sector's perturbation c* and inoperability q, clipped values marked. */
  @Override
  public String toString() {
    int width = "sector".length();
    for (String s : sectors) {
      width = Math.max(width, s.length());
    }
    String row = "%n  %-" + width + "s  %8s  %8s%s";
    StringBuilder sb = new StringBuilder("Static inoperability of " + sectors.size()
        + (sectors.size() == 1 ? " sector" : " sectors") + ", q = (I − A*)⁻¹ c*");
    sb.append(String.format(row, "sector", "c*", "q", ""));
    for (int i = 0; i < sectors.size(); i++) {
      sb.append(String.format(row, sectors.get(i), Checks.number(perturbation[i]), Checks.number(q[i]),
          solved[i] != q[i] ? "  (solved " + Checks.number(solved[i]) + ", clipped)" : ""));
    }
    return sb.toString();
  }
}
