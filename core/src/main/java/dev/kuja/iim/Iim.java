package dev.kuja.iim;

import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Problem;
import dev.kuja.model.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inoperability input–output model of a set of interdependent sectors (Haimes &amp; Jiang
 * 2001; Santos &amp; Haimes 2004): q = A* q + c*, where q<sub>i</sub> in [0, 1] is the
 * inoperability of sector i — the share of its planned output it cannot deliver — and
 * c*<sub>i</sub> the perturbation, the share of its demand (or output) a disruption takes away
 * directly. Its solution q = (I − A*)⁻¹ c* adds to the direct loss every knock-on loss through
 * the sectors' interdependencies (docs/iim.md).
 *
 * <p>Immutable and checked on creation: the model is refused when I − A* is singular or when the
 * spectral radius of A* is 1 or more, for then inoperability would feed on itself without bound.
 * {@link #solve} gives the static solution; {@link #dynamic} the model over time with recovery.
 *
 * <pre>
 * Iim iim = Iim.of(List.of("power", "water"), new double[][] {{0, 0.8}, {0.2, 0}});
 * iim.solve(Map.of("water", 0.6));      // q(power) = 0.5714, q(water) = 0.7143
 * </pre>
 */
public final class Iim {

  /** The node attribute that names a node's sector in a model: {@code attributes: { sector: energy }}. */
  public static final String SECTOR = "sector";

  /** I − A* counts as singular when its LU factors' smallest pivot is this small against the largest. */
  private static final double SINGULAR = 1e-12;

  private static final Logger LOG = LoggerFactory.getLogger(Iim.class);

  private final InterdependencyMatrix aStar;
  /** (I − A*)⁻¹, row-major. */
  private final double[] leontief;
  private final double spectralRadius;

  private Iim(InterdependencyMatrix aStar, double[] leontief, double spectralRadius) {
    this.aStar = aStar;
    this.leontief = leontief;
    this.spectralRadius = spectralRadius;
  }

  /**
   * The model of an interdependency matrix.
   *
   * @throws ValidationException when I − A* is singular or the spectral radius of A* is not
   *     below 1
   */
  public static Iim of(InterdependencyMatrix aStar) {
    Objects.requireNonNull(aStar, "aStar");
    int n = aStar.size();
    double[] a = aStar.cells();
    List<Problem> problems = new ArrayList<>();

    DMatrixRMaj m = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m.set(i, j, (i == j ? 1 : 0) - a[i * n + j]);
      }
    }
    double radius = spectralRadius(aStar);
    LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(n);
    boolean singular = !lu.setA(m) || !(lu.quality() > SINGULAR);
    if (singular) {
      problems.add(Checks.problem("interdependency", null, "I − A* is singular (A* has the eigenvalue 1), so "
          + "q = (I − A*)⁻¹ c* has no unique solution: the interdependencies leave some sectors "
          + "nothing of their own (a closed loop of total dependence); the spectral radius of A* must "
          + "be below 1"));
    } else if (Double.isNaN(radius)) {
      problems.add(Checks.problem("interdependency", null, "the eigenvalues of A* could not be computed"));
    } else if (radius >= 1) {
      problems.add(Checks.problem("interdependency", null, "the spectral radius of A* is "
          + Checks.number(radius) + ", not below 1: inoperability would feed on itself without bound "
          + "(the series I + A* + A*² + … diverges); weaken the strongest dependencies"));
    }
    Checks.throwIfAny(problems);
    DMatrixRMaj inverse = new DMatrixRMaj(n, n);
    lu.invert(inverse);
    LOG.debug("IIM of {} sectors, spectral radius of A* {}", n, radius);
    return new Iim(aStar, inverse.getData().clone(), radius);
  }

  /** The model of A* given as cells, {@code aStar[i][j]} = a*<sub>ij</sub>; see {@link InterdependencyMatrix#of}. */
  public static Iim of(List<String> sectors, double[][] aStar) {
    return of(InterdependencyMatrix.of(sectors, aStar));
  }

  /**
   * The model of a transactions table Z and total outputs x, a*<sub>ij</sub> = z<sub>ij</sub> /
   * x<sub>i</sub>; see {@link InterdependencyMatrix#fromTransactions}.
   */
  public static Iim fromTransactions(List<String> sectors, double[][] transactions, double[] totals) {
    return of(InterdependencyMatrix.fromTransactions(sectors, transactions, totals));
  }

  /**
   * The sector view of a model whose nodes carry a {@value #SECTOR} attribute, every node of a
   * sector weighing the same; see {@link InterdependencyMatrix#fromModel(Model, ToDoubleFunction)}.
   */
  public static Iim fromModel(Model model) {
    return of(InterdependencyMatrix.fromModel(model));
  }

  /**
   * The sector view of a model whose nodes carry a {@value #SECTOR} attribute, each node weighing
   * its share of its sector's output; see {@link InterdependencyMatrix#fromModel(Model, ToDoubleFunction)}.
   */
  public static Iim fromModel(Model model, ToDoubleFunction<Node> weight) {
    return of(InterdependencyMatrix.fromModel(model, weight));
  }

  /** The sector of a node: its {@value #SECTOR} attribute, trimmed, when present and not blank. */
  public static Optional<String> sectorOf(Node node) {
    return Optional.ofNullable(node.attributes().get(SECTOR)).map(String::trim).filter(s -> !s.isEmpty());
  }

  /** The largest modulus of the eigenvalues of A*, or NaN when they cannot be computed. */
  private static double spectralRadius(InterdependencyMatrix aStar) {
    int n = aStar.size();
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    double[] cells = aStar.cells();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a.set(i, j, cells[i * n + j]);
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
    if (!eig.decompose(a)) {
      return Double.NaN;
    }
    double radius = 0;
    for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
      radius = Math.max(radius, eig.getEigenvalue(i).getMagnitude());
    }
    return radius;
  }

  /** A*, the interdependency matrix. */
  public InterdependencyMatrix interdependency() {
    return aStar;
  }

  /** The sector ids, in the order of A*. */
  public List<String> sectors() {
    return aStar.sectors();
  }

  /** The spectral radius of A*: the largest modulus of its eigenvalues, below 1. */
  public double spectralRadius() {
    return spectralRadius;
  }

  /**
   * (I − A*)⁻¹<sub>ij</sub>, the Leontief inverse: the inoperability of sector i, all knock-on
   * effects included, per unit of perturbation of sector j.
   */
  public double leontief(String row, String column) {
    int n = aStar.size();
    return leontief[aStar.indexOf(row) * n + aStar.indexOf(column)];
  }

  /**
   * The static solution for a perturbation: q = (I − A*)⁻¹ c*, solved, then each q<sub>i</sub>
   * clipped to [0, 1].
   *
   * @param perturbation c*<sub>i</sub> by sector id, each in [0, 1]; sectors not named have 0
   * @throws ValidationException naming every unknown sector and every value outside [0, 1]
   */
  public StaticSolution solve(Map<String, Double> perturbation) {
    double[] c = vector("perturbation", perturbation, new ArrayList<>(), true);
    return new StaticSolution(aStar.sectors(), c, multiply(leontief, c));
  }

  /** The model over time in steps of {@code step} up to {@code horizon}; see {@link DynamicIim}. */
  public DynamicIim dynamic(Duration step, Duration horizon) {
    return DynamicIim.of(this, step, horizon);
  }

  /** (I − A*)⁻¹ c, unclipped. */
  private double[] multiply(double[] matrix, double[] c) {
    int n = c.length;
    double[] q = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < n; j++) {
        sum += matrix[i * n + j] * c[j];
      }
      q[i] = sum;
    }
    return q;
  }

  /**
   * A value per sector from a map by id, 0 for sectors not named; adds a problem for every unknown
   * sector and every value outside [0, 1], and throws them when {@code throwNow}.
   */
  double[] vector(String setting, Map<String, Double> values, List<Problem> problems, boolean throwNow) {
    Objects.requireNonNull(values, setting);
    double[] v = new double[aStar.size()];
    // sorted, so that the problems come in the same order whatever the map
    new TreeMap<>(values).forEach((sector, value) -> {
      Objects.requireNonNull(sector, "sector");
      Objects.requireNonNull(value, "value");
      if (!aStar.contains(sector)) {
        problems.add(Checks.problem(setting, sector, Checks.unknown(sector, aStar.sectors())));
      } else if (!(value >= 0 && value <= 1)) {
        problems.add(Checks.problem(setting, sector, Checks.number(value) + " is outside [0, 1]"));
      } else {
        v[aStar.indexOf(sector)] = value;
      }
    });
    if (throwNow) {
      Checks.throwIfAny(problems);
    }
    return v;
  }

  /** The cells of A*, row-major, for the dynamic model. */
  double[] cells() {
    return aStar.cells();
  }

  /** "IIM of 2 sectors, spectral radius of A* 0.4" and A*. */
  @Override
  public String toString() {
    return "IIM of " + aStar.size() + (aStar.size() == 1 ? " sector" : " sectors") + ", spectral radius of A* "
        + Checks.number(spectralRadius) + "\n" + aStar;
  }
}
