package dev.kuja.iim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Published small examples of the IIM and the dynamic IIM, with the numbers as printed in the
 * test suite of DIIM (Stig Rune Sellevåg's C++ implementation of the IIM and DIIM, MIT licence,
 * github.com/stigrs/diim, {@code tests/test_diim.cpp} and the input files next to it), which
 * attributes them to the papers named below. The tolerances are those of that suite: the
 * answers are printed rounded.
 */
class PublishedExamplesTest {

  /**
   * Haimes &amp; Jiang (2001), two-sector example (DIIM test_case1: A* in
   * {@code tests/test_case1.csv}): for c* = (0, 0.6), q = (0.571, 0.714).
   */
  @Test
  void haimesJiang2001TwoSectors() {
    Iim iim = Iim.of(List.of("Sector1", "Sector2"), new double[][] {{0.0, 0.8}, {0.2, 0.0}});
    StaticSolution s = iim.solve(Map.of("Sector2", 0.6));
    assertEquals(0.571, s.inoperability("Sector1"), 0.001);
    assertEquals(0.714, s.inoperability("Sector2"), 0.001);
  }

  /**
   * Haimes &amp; Jiang (2001), four-sector example (DIIM test_case3, {@code tests/test_case3.csv}):
   * for c* = (0, 0.5, 0, 0), q = (0.70, 0.78, 1.0, 1.0) — the last two clipped at 1.
   */
  @Test
  void haimesJiang2001FourSectors() {
    Iim iim = Iim.of(List.of("Sector1", "Sector2", "Sector3", "Sector4"), new double[][] {
        {0.0, 0.9, 0.0, 0.0},
        {0.4, 0.0, 0.0, 0.0},
        {1.0, 0.8, 0.0, 0.0},
        {1.0, 0.9, 0.0, 0.0}});
    StaticSolution s = iim.solve(Map.of("Sector2", 0.5));
    assertEquals(0.70, s.inoperability("Sector1"), 0.01);
    assertEquals(0.78, s.inoperability("Sector2"), 0.01);
    assertEquals(1.0, s.inoperability("Sector3"), 0.01);
    assertEquals(1.0, s.inoperability("Sector4"), 0.01);
    assertEquals(List.of("Sector3", "Sector4"), s.clipped());
  }

  /**
   * Three-sector example attributed to Haimes &amp; Jiang (2001) (DIIM test_case4,
   * {@code tests/test_case4.csv}): for c* = (0, 0, 0.12), q = (0.04, 0.02, 0.14).
   */
  @Test
  void haimesJiang2001ThreeSectors() {
    Iim iim = Iim.of(List.of("SectorA", "SectorB", "SectorC"), new double[][] {
        {0.0, 0.0, 0.3},
        {0.4, 0.0, 0.0},
        {0.2, 0.6, 0.0}});
    StaticSolution s = iim.solve(Map.of("SectorC", 0.12));
    assertEquals(0.04, s.inoperability("SectorA"), 0.01);
    assertEquals(0.02, s.inoperability("SectorB"), 0.01);
    assertEquals(0.14, s.inoperability("SectorC"), 0.01);
  }

  /** Lian &amp; Haimes (2006) (DIIM test_case7, {@code tests/test_case7.csv}): for c* = (0, 0.1), q = (0.066, 0.112). */
  @Test
  void lianHaimes2006() {
    StaticSolution s = lianHaimes().solve(Map.of("Sector2", 0.1));
    assertEquals(0.066, s.inoperability("Sector1"), 0.001);
    assertEquals(0.112, s.inoperability("Sector2"), 0.001);
  }

  static Iim lianHaimes() {
    return Iim.of(List.of("Sector1", "Sector2"), new double[][] {{0.15, 0.50}, {0.10, 0.05}});
  }

  /**
   * DIIM test_case10: the Lian &amp; Haimes A*, K = diag(0.2, 0.2), c* = (0, 0.1) throughout, 100
   * time points: the last point equals the static solution to 1e-6.
   */
  @Test
  void dynamicConstantPerturbationReachesTheStaticSolution() {
    Timeline t = lianHaimes().dynamic(Duration.ofDays(1), Duration.ofDays(99))
        .resilience("Sector1", 0.2).resilience("Sector2", 0.2).perturbation("Sector2", 0.1).run();
    StaticSolution s = lianHaimes().solve(Map.of("Sector2", 0.1));
    assertEquals(100, t.points());
    assertEquals(s.inoperability("Sector1"), t.inoperability(99, "Sector1"), 1e-6);
    assertEquals(s.inoperability("Sector2"), t.inoperability(99, "Sector2"), 1e-6);
  }

  /**
   * DIIM test_case12 ("integrated using Numpy"): the Lian &amp; Haimes A*, K = diag(0.2, 0.2), c* =
   * (0, 0.1) for time points 0 to 30, 100 time points; the impact, the trapezoid integral of q
   * over the time points, is (1.980144350, 3.366317449), checked there to 1e-6.
   *
   * <p>DIIM computes the point t from c*(t) for t = 1 … 30, so the perturbation acts on the
   * first 30 steps — here, c*(t) for t = 0 … 29 steps, that is until 30 steps; 100 points are a
   * horizon of 99 steps. The same run with K from recovery times — τ<sub>i</sub> = ln(100) /
   * (0.2 (1 − a*<sub>ii</sub>)) steps, which the rule turns back into 0.2 up to the millisecond
   * that durations keep — gives the same impact.
   */
  @Test
  void dynamicImpactOfATemporaryPerturbation() {
    Duration day = Duration.ofDays(1);
    DynamicIim d = lianHaimes().dynamic(day, Duration.ofDays(99))
        .perturbation("Sector2", 0.1).perturbationUntil(Duration.ofDays(30));
    Timeline direct = d.resilience("Sector1", 0.2).resilience("Sector2", 0.2).run();
    assertEquals(1.980144350, direct.impact("Sector1"), 1e-6);
    assertEquals(3.366317449, direct.impact("Sector2"), 1e-6);

    Timeline fromRecovery = d.recovery("Sector1", days(Math.log(100) / (0.2 * 0.85)))
        .recovery("Sector2", days(Math.log(100) / (0.2 * 0.95))).run();
    assertEquals(0.2, fromRecovery.rates().get("Sector1"), 1e-9);
    assertEquals(1.980144350, fromRecovery.impact("Sector1"), 1e-6);
    assertEquals(3.366317449, fromRecovery.impact("Sector2"), 1e-6);
  }

  private static Duration days(double days) {
    return Duration.ofMillis(Math.round(days * 24 * 3600 * 1000));
  }

  /**
   * Xu et al. (2011), the four-sector transactions table (DIIM test_case5,
   * {@code tests/test_case5.csv}: Z with the total outputs x as its last row) and its technical
   * coefficients A = Z diag(x)⁻¹, printed as their eq. 31 (checked there to 0.015). Kuja's A* =
   * diag(x)⁻¹ A diag(x) gives a*<sub>ij</sub> = z<sub>ij</sub> / x<sub>i</sub>, so
   * a<sub>ij</sub> = a*<sub>ij</sub> x<sub>i</sub> / x<sub>j</sub> must match eq. 31.
   */
  @Test
  void xuEtAl2011TechnicalCoefficients() {
    double[][] z = {
        {175, 280, 280, 140},
        {140, 315, 350, 280},
        {245, 140, 280, 140},
        {175, 280, 105, 280}};
    double[] x = {1225, 1610, 1085, 1015};
    double[][] eq31 = {
        {0.14, 0.17, 0.26, 0.14},
        {0.11, 0.20, 0.32, 0.28},
        {0.20, 0.10, 0.26, 0.14},
        {0.14, 0.17, 0.10, 0.28}};
    InterdependencyMatrix aStar = InterdependencyMatrix.fromTransactions(
        List.of("Electric", "Rail", "Water", "Gas"), z, x);
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(eq31[i][j], aStar.get(i, j) * x[i] / x[j], 0.015, "a[" + i + "][" + j + "]");
      }
    }
  }
}
