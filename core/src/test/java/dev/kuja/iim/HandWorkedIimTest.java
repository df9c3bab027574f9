package dev.kuja.iim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Problem;
import dev.kuja.model.ValidationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small cases whose answers are derived by hand in the comments (docs/iim.md). */
class HandWorkedIimTest {

  static final double EPS = 1e-12;
  static final Duration DAY = Duration.ofDays(1);

  /**
   * Two sectors that each lose half their output when the other stands still:
   *
   * <pre>
   * A* = | 0    0.5 |   I − A* = |  1   −0.5 |   det = 1 − 0.25 = 0.75
   *      | 0.5  0   |            | −0.5  1   |
   *
   * (I − A*)⁻¹ = (1 / 0.75) | 1    0.5 | = | 4/3  2/3 |
   *                         | 0.5  1   |   | 2/3  4/3 |
   *
   * c* = (0.3, 0):  q = (4/3 · 0.3, 2/3 · 0.3) = (0.4, 0.2)
   * </pre>
   *
   * The eigenvalues of A* are ±0.5, so the spectral radius is 0.5.
   */
  static Iim twoSectors() {
    return Iim.of(List.of("power", "water"), new double[][] {{0, 0.5}, {0.5, 0}});
  }

  @Test
  void twoSectorsStatic() {
    Iim iim = twoSectors();
    assertEquals(0.5, iim.spectralRadius(), EPS);
    assertEquals(4.0 / 3, iim.leontief("power", "power"), EPS);
    assertEquals(2.0 / 3, iim.leontief("water", "power"), EPS);
    StaticSolution s = iim.solve(Map.of("power", 0.3));
    assertEquals(0.4, s.inoperability("power"), EPS);
    assertEquals(0.2, s.inoperability("water"), EPS);
    assertEquals(0.3, s.perturbation("power"), EPS);
    assertEquals(0.0, s.perturbation("water"), EPS);
    assertEquals(List.of(), s.clipped());
    assertEquals(List.of("power", "water"), List.copyOf(s.inoperability().keySet()));
    assertEquals("""
        Static inoperability of 2 sectors, q = (I − A*)⁻¹ c*
          sector        c*         q
          power        0.3       0.4
          water          0       0.2""", s.toString());
  }

  /**
   * The same two sectors over time, every k = 1 (no recovery times), c* = (0.3, 0) for the first
   * two steps (t = 0 and 1; from t = 2 on it is 0), horizon 4 steps:
   *
   * <pre>
   * with k = 1:  q(t+1) = clip(A* q(t) + c*(t))
   * q(0) = (0, 0)
   * q(1) = A*(0, 0) + (0.3, 0)         = (0.3, 0)
   * q(2) = A*(0.3, 0) + (0.3, 0)       = (0 + 0.3, 0.15)       = (0.3, 0.15)
   * q(3) = A*(0.3, 0.15) + 0           = (0.075, 0.15)
   * q(4) = A*(0.075, 0.15)             = (0.075, 0.0375)
   *
   * impact(power) = (0 + 0.3)/2 + (0.3 + 0.3)/2 + (0.3 + 0.075)/2 + (0.075 + 0.075)/2
   *               = 0.15 + 0.3 + 0.1875 + 0.075 = 0.7125
   * impact(water) = 0 + (0 + 0.15)/2 + (0.15 + 0.15)/2 + (0.15 + 0.0375)/2
   *               = 0.075 + 0.15 + 0.09375 = 0.31875
   * </pre>
   */
  @Test
  void twoSectorsOverTime() {
    Timeline t = twoSectors().dynamic(DAY, Duration.ofDays(4))
        .perturbation("power", 0.3).perturbationUntil(Duration.ofDays(2)).run();
    assertEquals(5, t.points());
    assertEquals(Duration.ofDays(4), t.horizon());
    double[][] expected = {{0, 0}, {0.3, 0}, {0.3, 0.15}, {0.075, 0.15}, {0.075, 0.0375}};
    for (int i = 0; i < 5; i++) {
      assertEquals(Duration.ofDays(i), t.time(i));
      assertEquals(expected[i][0], t.inoperability(i, "power"), EPS, "power at " + i);
      assertEquals(expected[i][1], t.inoperability(i, "water"), EPS, "water at " + i);
    }
    assertEquals(0.7125, t.impact("power"), EPS);
    assertEquals(0.31875, t.impact("water"), EPS);
    assertEquals(Map.of("power", 1.0, "water", 1.0), t.rates());
  }

  /**
   * The perturbation's end is half-open and need not fall on a step: ending at 36 hours with
   * steps of a day, c* acts at t = 0 and t = 1 day (both before 36 h) and not at t = 2 days, the
   * same as ending at 2 days.
   */
  @Test
  void thePerturbationEndsHalfOpen() {
    DynamicIim d = twoSectors().dynamic(DAY, Duration.ofDays(4)).perturbation("power", 0.3);
    Timeline at2 = d.perturbationUntil(Duration.ofDays(2)).run();
    Timeline at36h = d.perturbationUntil(Duration.ofHours(36)).run();
    Timeline at1 = d.perturbationUntil(Duration.ofDays(1)).run();
    assertEquals(at2.impact(), at36h.impact());
    // ending at exactly t = 1 day: only the step from t = 0 is perturbed, q(2) = A*(0.3, 0) = (0, 0.15)
    assertEquals(0.0, at1.inoperability(2, "power"), EPS);
    assertEquals(0.15, at1.inoperability(2, "water"), EPS);
  }

  /**
   * With k = 0.5 for both sectors: q(t+1) = q + 0.5 (A* q + c* − q) = 0.5 q + 0.5 A* q + 0.5 c*.
   *
   * <pre>
   * q(1) = 0.5 (0.3, 0)                                   = (0.15, 0)
   * q(2) = 0.5 (0.15, 0) + 0.5 (0, 0.075) + (0.15, 0)     = (0.225, 0.0375)
   * </pre>
   */
  @Test
  void resilienceGivenDirectly() {
    Timeline t = twoSectors().dynamic(DAY, Duration.ofDays(2)).perturbation("power", 0.3)
        .resilience("power", 0.5).resilience("water", 0.5).run();
    assertEquals(0.15, t.inoperability(1, "power"), EPS);
    assertEquals(0.0, t.inoperability(1, "water"), EPS);
    assertEquals(0.225, t.inoperability(2, "power"), EPS);
    assertEquals(0.0375, t.inoperability(2, "water"), EPS);
  }

  /**
   * k<sub>i</sub> = ln(100) / ((τ / step) (1 − a*<sub>ii</sub>)):
   *
   * <pre>
   * τ = 10 days, step 1 day, a*_ii = 0     →  k = ln(100) / 10        = 0.460517…
   * τ = 10 days, step 1 day, a*_ii = 0.5   →  k = ln(100) / (10 · 0.5) = 0.921034…
   * τ = 1 day,   step 1 day, a*_ii = 0     →  k = ln(100) = 4.6 > 1    → 0.9999
   * τ = 0                                   →  k = ∞ > 1               → 0.9999
   * a*_ii ≥ 1                               →  1 − a*_ii ≤ 0           → 0.9999
   * no recovery time                        →  k = 1
   * </pre>
   */
  @Test
  void resilienceFromRecoveryTimes() {
    double ln100 = Math.log(100);
    assertEquals(ln100 / 10, DynamicIim.rate(Duration.ofDays(10), DAY, 0), EPS);
    assertEquals(ln100 / 5, DynamicIim.rate(Duration.ofDays(10), DAY, 0.5), EPS);
    assertEquals(0.9999, DynamicIim.rate(DAY, DAY, 0), 0);
    assertEquals(0.9999, DynamicIim.rate(Duration.ZERO, DAY, 0), 0);
    assertEquals(0.9999, DynamicIim.rate(Duration.ofDays(100), DAY, 1.0), 0);
    // the step counts: 10 days in steps of 12 hours is 20 steps
    assertEquals(ln100 / 20, DynamicIim.rate(Duration.ofDays(10), Duration.ofHours(12), 0), EPS);

    Iim iim = Iim.of(List.of("power", "water"), new double[][] {{0.5, 0.1}, {0.2, 0}});
    Map<String, Double> k = iim.dynamic(DAY, Duration.ofDays(30)).recovery("power", Duration.ofDays(10)).rates();
    assertEquals(ln100 / 5, k.get("power"), EPS);
    assertEquals(1.0, k.get("water"), 0);
  }

  /**
   * Three sectors in a ring, each losing half its output when the next stands still:
   *
   * <pre>
   * A* = | 0    0.5  0   |    A*² = | 0     0     0.25 |    A*³ = 0.125 I
   *      | 0    0    0.5 |          | 0.25  0     0    |
   *      | 0.5  0    0   |          | 0     0.25  0    |
   *
   * (I − A*)⁻¹ = Σ A*ᵏ = (I + A* + A*²) (1 + 0.125 + 0.125² + …) = (I + A* + A*²) / 0.875
   *
   * c* = (0, 0, 0.7):  c* + A* c* + A*² c* = (0, 0, 0.7) + (0, 0.35, 0) + (0.175, 0, 0)
   *                    q = (0.175, 0.35, 0.7) / 0.875 = (0.2, 0.4, 0.8)
   * c* = (0, 0, 1):    q = (0.25, 0.5, 1) / 0.875 = (0.2857…, 0.5714…, 1.1428…) → q₃ clipped to 1
   * </pre>
   *
   * The eigenvalues are the cube roots of 0.125, all of modulus 0.5.
   */
  @Test
  void threeSectorsInARing() {
    Iim iim = Iim.of(List.of("a", "b", "c"), new double[][] {{0, 0.5, 0}, {0, 0, 0.5}, {0.5, 0, 0}});
    assertEquals(0.5, iim.spectralRadius(), 1e-9);
    StaticSolution s = iim.solve(Map.of("c", 0.7));
    assertEquals(0.2, s.inoperability("a"), EPS);
    assertEquals(0.4, s.inoperability("b"), EPS);
    assertEquals(0.8, s.inoperability("c"), EPS);

    StaticSolution full = iim.solve(Map.of("c", 1.0));
    assertEquals(0.25 / 0.875, full.inoperability("a"), EPS);
    assertEquals(0.5 / 0.875, full.inoperability("b"), EPS);
    assertEquals(1.0, full.inoperability("c"), 0);
    assertEquals(1 / 0.875, full.solved("c"), EPS);
    assertEquals(List.of("c"), full.clipped());
    assertTrue(full.toString().contains("(solved 1.1429, clipped)"), full.toString());
  }

  /**
   * From transactions: Z = | 20  30 |, x = (100, 200); a*_ij = z_ij / x_i:
   *                        | 10  40 |
   * a*_11 = 20/100 = 0.2, a*_12 = 30/100 = 0.3, a*_21 = 10/200 = 0.05, a*_22 = 40/200 = 0.2.
   */
  @Test
  void fromTransactions() {
    Iim iim = Iim.fromTransactions(List.of("s1", "s2"), new double[][] {{20, 30}, {10, 40}}, new double[] {100, 200});
    InterdependencyMatrix a = iim.interdependency();
    assertEquals(0.2, a.get("s1", "s1"), EPS);
    assertEquals(0.3, a.get("s1", "s2"), EPS);
    assertEquals(0.05, a.get("s2", "s1"), EPS);
    assertEquals(0.2, a.get("s2", "s2"), EPS);
    assertEquals("""
        A* (2 sectors)
                    s1      s2
        s1         0.2     0.3
        s2        0.05     0.2""", a.toString());
  }

  /**
   * The bridge. Energy: grid, and a substation that requires the grid. Water: a pump that
   * requires the substation, and a treatment plant that requires the substation or a generator.
   * The generator (no sector) requires the fuel truck; the fuel truck (transport) requires the
   * depot (no sector), which requires the grid.
   *
   * <pre>
   * energy down (grid, substation):   depot falls with it (no sector, passes failures on)
   *   water:     pump needs substation → lost; treatment has the generator → holds    a* = 1/2
   *   transport: fuel truck needs the depot → lost                                     a* = 1
   *   energy:    the substation needs the grid (the other energy node) → lost;
   *              the grid needs nothing                                                a* = 1/2
   * water down: nothing requires a water node                                   column = 0
   * transport down: the generator falls, but the treatment plant still has the substation;
   *   the fuel truck's depot stands                                             column = 0
   *
   * A* = | 0.5  0  0 |    c* = (0.25, 0, 0):  q_energy = 0.25 / (1 − 0.5) = 0.5
   *      | 0.5  0  0 |                        q_water = 0.5 · 0.5 = 0.25
   *      | 1    0  0 |                        q_transport = 1 · 0.5 = 0.5
   * </pre>
   *
   * Weighing the pump 3 and the treatment plant 1 makes a*(water, energy) = 3/4.
   */
  @Test
  void fromAModel() {
    Model model = Model.builder()
        .resource("grid", r -> r.attribute("sector", "energy"))
        .resource("substation", r -> r.attribute("sector", "energy").requires("grid"))
        .resource("pump", r -> r.attribute("sector", "water").requires("substation"))
        .resource("treatment", r -> r.attribute("sector", "water").requiresAny("substation", "generator"))
        .resource("generator", r -> r.requires("fuel-truck"))
        .resource("fuel-truck", r -> r.attribute("sector", " transport ").requires("depot"))
        .resource("depot", r -> r.requires("grid"))
        .build();
    Iim iim = Iim.fromModel(model);
    assertEquals(List.of("energy", "water", "transport"), iim.sectors());
    double[][] expected = {{0.5, 0, 0}, {0.5, 0, 0}, {1, 0, 0}};
    double[][] actual = iim.interdependency().toArray();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(expected[i][j], actual[i][j], EPS, "a*[" + i + "][" + j + "]");
      }
    }
    StaticSolution s = iim.solve(Map.of("energy", 0.25));
    assertEquals(0.5, s.inoperability("energy"), EPS);
    assertEquals(0.25, s.inoperability("water"), EPS);
    assertEquals(0.5, s.inoperability("transport"), EPS);

    Iim weighed = Iim.fromModel(model, n -> n.id().equals("pump") ? 3 : 1);
    assertEquals(0.75, weighed.interdependency().get("water", "energy"), EPS);
  }

  @Test
  void aModelWithoutSectorsOrWithMutualTotalDependenceIsRefused() {
    Model none = Model.builder().resource("a").build();
    ValidationException e = assertThrows(ValidationException.class, () -> Iim.fromModel(none));
    assertTrue(e.problems().get(0).toString().startsWith("model (sector): no node has a 'sector' attribute"),
        e.getMessage());

    // each sector wholly needs the other: a*_12 = a*_21 = 1, spectral radius 1, I − A* singular
    Model loop = Model.builder()
        .resource("a", r -> r.attribute("sector", "s1").requires("b"))
        .resource("b", r -> r.attribute("sector", "s2").requires("a"))
        .build();
    ValidationException singular = assertThrows(ValidationException.class, () -> Iim.fromModel(loop));
    assertTrue(singular.problems().get(0).description().startsWith("interdependency: I − A* is singular"),
        singular.getMessage());

    Model weightless = Model.builder().resource("a", r -> r.attribute("sector", "s1")).build();
    ValidationException w = assertThrows(ValidationException.class, () -> Iim.fromModel(weightless, n -> 0));
    assertEquals("weights (s1): every node of the sector weighs 0", w.problems().get(0).description());
    ValidationException negative = assertThrows(ValidationException.class,
        () -> Iim.fromModel(weightless, (Node n) -> -1));
    assertEquals("node 'a' (sector): its weight must be a number ≥ 0, not -1.0",
        negative.problems().get(0).description());
  }

  @Test
  void badMatricesAreRefusedWithEveryProblem() {
    ValidationException e = assertThrows(ValidationException.class, () -> InterdependencyMatrix.of(
        List.of("a", "a", " "), new double[][] {{0, -0.1, 0}, {0, Double.NaN}, {0, 0, 0}}));
    assertEquals(List.of(
        "sectors (a): the id appears more than once",
        "sectors: sector 3 has no id",
        "interdependency (a): the cell in column 'a' must be a number ≥ 0, not -0.1",
        "interdependency (a): the row has 2 cells for 3 sectors",
        "interdependency (a): the cell in column 'a' must be a number ≥ 0, not NaN"),
        e.problems().stream().map(Problem::description).toList());

    ValidationException totals = assertThrows(ValidationException.class, () -> InterdependencyMatrix.fromTransactions(
        List.of("a", "b"), new double[][] {{1, 2}, {3, 4}}, new double[] {0, 10}));
    assertEquals("totals (a): the total output must be a positive number, not 0.0 (a*_ij = z_ij / x_i needs x_i > 0)",
        totals.problems().get(0).description());

    // eigenvalues 1.1 and −0.1: not singular, but the spectral radius is above 1
    ValidationException radius = assertThrows(ValidationException.class,
        () -> Iim.of(List.of("a", "b"), new double[][] {{0.5, 0.6}, {0.6, 0.5}}));
    assertTrue(radius.problems().get(0).description().startsWith(
        "interdependency: the spectral radius of A* is 1.1, not below 1"), radius.getMessage());
  }

  @Test
  void badSettingsAreRefusedAllAtOnce() {
    Iim iim = twoSectors();
    Map<String, Double> c = new LinkedHashMap<>();
    c.put("powr", 0.5);
    c.put("water", 1.5);
    ValidationException e = assertThrows(ValidationException.class, () -> iim.solve(c));
    assertEquals(List.of(
        "perturbation (powr): 'powr' is not a sector; did you mean 'power'?",
        "perturbation (water): 1.5 is outside [0, 1]"),
        e.problems().stream().map(Problem::description).toList());

    ValidationException d = assertThrows(ValidationException.class, () -> iim.dynamic(Duration.ofHours(5), DAY)
        .perturbation(c).initial("water", -0.5).recovery("watr", DAY).recovery("power", Duration.ofDays(-1))
        .resilience("water", 2).perturbationUntil(Duration.ofHours(-1)).run());
    assertEquals(List.of(
        "horizon: P1D is not a whole number of steps of PT5H",
        "perturbationUntil: must not be negative (PT-1H)",
        "perturbation (powr): 'powr' is not a sector; did you mean 'power'?",
        "perturbation (water): 1.5 is outside [0, 1]",
        "initial (water): -0.5 is outside [0, 1]",
        "recovery (power): must not be negative (PT-24H)",
        "recovery (watr): 'watr' is not a sector; did you mean 'water'?",
        "resilience (water): 2 is outside [0, 1]"),
        d.problems().stream().map(Problem::description).toList());

    ValidationException step = assertThrows(ValidationException.class,
        () -> iim.dynamic(Duration.ZERO, DAY).run());
    assertEquals("step: must be positive, not PT0S", step.problems().get(0).description());
    ValidationException both = assertThrows(ValidationException.class,
        () -> iim.dynamic(DAY, DAY).recovery("power", DAY).resilience("power", 0.5).run());
    assertEquals("recovery (power): the sector has a resilience given too; give one or the other",
        both.problems().get(0).description());
  }

  @Test
  void aZeroHorizonIsOnePoint() {
    Timeline t = twoSectors().dynamic(DAY, Duration.ZERO).initial("water", 0.4).run();
    assertEquals(1, t.points());
    assertEquals(0.4, t.inoperability(0, "water"), 0);
    assertEquals(0.0, t.impact("water"), 0);
  }
}
