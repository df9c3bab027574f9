package dev.kuja.iim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Properties of the static and dynamic IIM on random sector sets of 1 to 6 sectors. A* is drawn
 * cell by cell (about half of the cells 0) and scaled so that no row sums to more than 0.9,
 * which keeps its spectral radius at most 0.9; the generators are combinators, so a failure
 * shrinks to a small matrix. jqwik's own edge cases are off (there are far more of them than
 * tries); the generators draw the bounds 0 and 1 often instead.
 */
class IimProperties {

  /** A random IIM with a perturbation c*, an initial q and a resilience k per sector (k ≥ 0.05). */
  record Case(Iim iim, double[] c, double[] q0, double[] k) {

    Map<String, Double> map(double[] values) {
      Map<String, Double> m = new LinkedHashMap<>();
      for (int i = 0; i < values.length; i++) {
        m.put(iim.sectors().get(i), values[i]);
      }
      return m;
    }

    DynamicIim dynamic(int steps) {
      DynamicIim d = iim.dynamic(Duration.ofHours(1), Duration.ofHours(steps));
      for (int i = 0; i < k.length; i++) {
        d = d.resilience(iim.sectors().get(i), k[i]);
      }
      return d;
    }

    /** c* scaled so that no sector's static solution exceeds 1 (then nothing is clipped). */
    double[] unclipped() {
      StaticSolution s = iim.solve(map(c));
      double max = 0;
      for (String sector : iim.sectors()) {
        max = Math.max(max, s.solved(sector));
      }
      double f = max > 1 ? 1 / max : 1;
      double[] out = c.clone();
      for (int i = 0; i < out.length; i++) {
        out[i] *= f;
      }
      return out;
    }
  }

  /** Values in [min, max], the bounds themselves often among them. */
  private static Arbitrary<double[]> vector(int n, double min, double max) {
    return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(min)), Tuple.of(1, Arbitraries.just(max)),
        Tuple.of(4, Arbitraries.doubles().between(min, max).ofScale(12))).array(double[].class).ofSize(n);
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.integers().between(1, 6).flatMap(n -> {
      Arbitrary<double[]> cells = Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.doubles().between(0, 1).ofScale(12))
          .array(double[].class).ofSize(n * n);
      return Combinators.combine(cells, vector(n, 0, 1), vector(n, 0, 1), vector(n, 0.05, 1))
          .as((a, c, q0, k) -> new Case(iim(n, a), c, q0, k));
    });
  }

  static Iim iim(int n, double[] flat) {
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      double row = 0;
      for (int j = 0; j < n; j++) {
        row += flat[i * n + j];
      }
      double f = row > 0.9 ? 0.9 / row : 1;
      for (int j = 0; j < n; j++) {
        a[i][j] = flat[i * n + j] * f;
      }
    }
    List<String> sectors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sectors.add("s" + (i + 1));
    }
    return Iim.of(sectors, a);
  }

  /**
   * With a constant perturbation the dynamic model settles on the static solution (when no sector
   * is clipped, see docs/iim.md#the-dynamic-model). The error shrinks each step by a factor of at
   * most 1 − k (1 − 0.9) ≤ 0.995, so 6,000 steps bring it below 1e-9 · 10⁴.
   */
  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void aConstantPerturbationConvergesToTheStaticSolution(@ForAll("cases") Case c) {
    double[] cStar = c.unclipped();
    StaticSolution s = c.iim().solve(c.map(cStar));
    Timeline t = c.dynamic(6000).initial(c.map(c.q0())).perturbation(c.map(cStar)).run();
    for (String sector : c.iim().sectors()) {
      assertEquals(s.inoperability(sector), t.inoperability(t.points() - 1, sector), 1e-9, sector);
    }
  }

  /** Without a perturbation every sector recovers from its initial inoperability to 0. */
  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void recoveryWithoutAPerturbationGoesToZero(@ForAll("cases") Case c) {
    Timeline t = c.dynamic(6000).initial(c.map(c.q0())).run();
    for (String sector : c.iim().sectors()) {
      assertEquals(0.0, t.inoperability(t.points() - 1, sector), 1e-9, sector);
      double[] q = t.series(sector);
      assertEquals(c.q0()[c.iim().sectors().indexOf(sector)], q[0], 0);
    }
  }

  /**
   * q is monotone in c*: a larger perturbation of any sector (every other one unchanged or larger)
   * leaves no sector less inoperable — in the static solution, and at every point of the dynamic
   * one, since (I − A*)⁻¹ ≥ 0 and each step is monotone in q and c* for 0 ≤ k ≤ 1.
   */
  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void inoperabilityIsMonotoneInThePerturbation(@ForAll("cases") Case c, @ForAll("increments") double[] more) {
    double[] larger = c.c().clone();
    for (int i = 0; i < larger.length; i++) {
      larger[i] = Math.min(1, larger[i] + more[i % more.length]);
    }
    StaticSolution low = c.iim().solve(c.map(c.c()));
    StaticSolution high = c.iim().solve(c.map(larger));
    Timeline lowT = c.dynamic(50).perturbation(c.map(c.c())).run();
    Timeline highT = c.dynamic(50).perturbation(c.map(larger)).run();
    for (String sector : c.iim().sectors()) {
      assertTrue(low.inoperability(sector) <= high.inoperability(sector) + 1e-12, sector);
      for (int t = 0; t < lowT.points(); t++) {
        assertTrue(lowT.inoperability(t, sector) <= highT.inoperability(t, sector) + 1e-12, sector + " at " + t);
      }
    }
  }

  @Provide
  Arbitrary<double[]> increments() {
    return vector(6, 0, 0.5);
  }

  /** Every solution lies in [0, 1], and the impact in [0, horizon in steps]. */
  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void inoperabilityStaysInTheUnitInterval(@ForAll("cases") Case c) {
    StaticSolution s = c.iim().solve(c.map(c.c()));
    Timeline t = c.dynamic(20).initial(c.map(c.q0())).perturbation(c.map(c.c())).run();
    for (String sector : c.iim().sectors()) {
      double q = s.inoperability(sector);
      assertTrue(q >= 0 && q <= 1, sector + ": " + q);
      for (double v : t.series(sector)) {
        assertTrue(v >= 0 && v <= 1, sector + ": " + v);
      }
      assertTrue(t.impact(sector) >= 0 && t.impact(sector) <= 20, sector);
    }
  }
}
