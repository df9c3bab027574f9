package dev.kuja.iim;

import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Problem;
import dev.kuja.model.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The interdependency matrix A* of the inoperability input–output model, over named sectors. The
 * cell a*<sub>ij</sub> (row i, column j) is the share of sector i's inoperability caused by
 * sector j's: when sector j is wholly inoperable, sector i loses a*<sub>ij</sub> of its output
 * through its dependence on j alone, before any knock-on effect (docs/iim.md#the-static-model).
 *
 * <p>Immutable. Every cell is a finite number ≥ 0; the sector ids are non-blank and distinct.
 * Whether the model it defines can be solved (spectral radius below 1) is checked by
 * {@link Iim#of(InterdependencyMatrix)}, not here, so a matrix can be built and inspected first.
 */
public final class InterdependencyMatrix {

  private final List<String> sectors;
  private final Map<String, Integer> index;
  /** Row-major, n × n. */
  private final double[] cells;

  private InterdependencyMatrix(List<String> sectors, double[] cells) {
    this.sectors = List.copyOf(sectors);
    Map<String, Integer> ix = new HashMap<>();
    for (int i = 0; i < this.sectors.size(); i++) {
      ix.put(this.sectors.get(i), i);
    }
    this.index = Map.copyOf(ix);
    this.cells = cells;
  }

  /**
   * A* as given: {@code cells[i][j]} is a*<sub>ij</sub>, rows and columns in the order of
   * {@code sectors}.
   *
   * @throws ValidationException listing every problem: blank or repeated ids, a matrix that is not
   *     square or does not match the ids, cells that are negative or not finite
   */
  public static InterdependencyMatrix of(List<String> sectors, double[][] cells) {
    Objects.requireNonNull(sectors, "sectors");
    Objects.requireNonNull(cells, "cells");
    List<Problem> problems = new ArrayList<>();
    checkSectors(sectors, problems);
    double[] flat = square("interdependency", sectors, cells, problems);
    Checks.throwIfAny(problems);
    return new InterdependencyMatrix(sectors, flat);
  }

  /**
   * A* from a transactions table: z<sub>ij</sub> is the output of sector i consumed by sector j
   * (in money), x<sub>i</sub> the total output of sector i. With A = Z diag(x)⁻¹ (the technical
   * coefficients) and A* = diag(x)⁻¹ A diag(x), each cell is a*<sub>ij</sub> = z<sub>ij</sub> /
   * x<sub>i</sub>: the share of sector i's output that sector j takes.
   *
   * @param sectors      the sector ids, in the order of the rows and columns of the table
   * @param transactions Z, {@code transactions[i][j]} = z<sub>ij</sub>
   * @param totals       x, the total output of each sector, in the same order
   * @throws ValidationException listing every problem, as {@link #of} and for totals that are
   *     missing, not finite or not positive
   */
  public static InterdependencyMatrix fromTransactions(List<String> sectors, double[][] transactions, double[] totals) {
    Objects.requireNonNull(sectors, "sectors");
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(totals, "totals");
    List<Problem> problems = new ArrayList<>();
    checkSectors(sectors, problems);
    double[] z = square("transactions", sectors, transactions, problems);
    int n = sectors.size();
    if (totals.length != n) {
      problems.add(Checks.problem("totals", null, "there are " + totals.length + " totals for " + n + " sectors"));
    }
    for (int i = 0; i < Math.min(n, totals.length); i++) {
      if (!Double.isFinite(totals[i]) || totals[i] <= 0) {
        problems.add(Checks.problem("totals", sectors.get(i), "the total output must be a positive number, not "
            + totals[i] + (totals[i] == 0 ? " (a*_ij = z_ij / x_i needs x_i > 0)" : "")));
      }
    }
    Checks.throwIfAny(problems);
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i * n + j] = z[i * n + j] / totals[i];
      }
    }
    return new InterdependencyMatrix(sectors, a);
  }

  /**
   * A* derived from the requirements between the sectors of a model, every node of a sector
   * weighing the same. See {@link #fromModel(Model, ToDoubleFunction)}.
   */
  public static InterdependencyMatrix fromModel(Model model) {
    return fromModel(model, n -> 1.0);
  }

  /**
   * A* derived from a model whose nodes carry a {@value Iim#SECTOR} attribute
   * (docs/iim.md#bridging-the-two-engines). Sectors come in the order they first appear among the
   * nodes; nodes without the attribute belong to no sector and pass failures on.
   *
   * <p>a*<sub>ij</sub> (i ≠ j) is the weighted share of sector i's nodes that cannot operate when
   * every node of sector j is down — because one of their requirements no longer holds, directly
   * or through nodes of no sector that fail with j. a*<sub>ii</sub> is the weighted share of
   * sector i's nodes that cannot operate when the other nodes of sector i (and the nodes of no
   * sector that fail with the whole of it) are down. Tolerances and recovery times play no part:
   * the IIM describes the state once a disruption has spread.
   *
   * @param weight each node's share of its sector's output (≥ 0; for example its criticality
   *     weight); a sector's weights must not all be 0
   * @throws ValidationException when no node has a sector, or a weight is negative or not finite,
   *     or a sector weighs nothing
   */
  public static InterdependencyMatrix fromModel(Model model, ToDoubleFunction<Node> weight) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(weight, "weight");
    ModelSectors derived = ModelSectors.of(model, weight);
    return new InterdependencyMatrix(derived.sectors(), derived.cells());
  }

  private static void checkSectors(List<String> sectors, List<Problem> problems) {
    if (sectors.isEmpty()) {
      problems.add(Checks.problem("sectors", null, "there must be at least one sector"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < sectors.size(); i++) {
      String s = Objects.requireNonNull(sectors.get(i), "sector id");
      if (s.isBlank()) {
        problems.add(Checks.problem("sectors", null, "sector " + (i + 1) + " has no id"));
      } else if (!seen.add(s)) {
        problems.add(Checks.problem("sectors", s, "the id appears more than once"));
      }
    }
  }

  /** The cells of a square table, row-major, with a problem for each wrong row or cell. */
  private static double[] square(String setting, List<String> sectors, double[][] cells, List<Problem> problems) {
    int n = sectors.size();
    if (cells.length != n) {
      problems.add(Checks.problem(setting, null, "the matrix has " + cells.length + " rows for " + n + " sectors"));
    }
    double[] flat = new double[n * n];
    for (int i = 0; i < Math.min(n, cells.length); i++) {
      double[] row = Objects.requireNonNull(cells[i], "row");
      if (row.length != n) {
        problems.add(Checks.problem(setting, sectors.get(i), "the row has " + row.length + " cells for " + n + " sectors"));
      }
      for (int j = 0; j < Math.min(n, row.length); j++) {
        double v = row[j];
        if (!Double.isFinite(v) || v < 0) {
          problems.add(Checks.problem(setting, sectors.get(i), "the cell in column '" + sectors.get(j)
              + "' must be a number ≥ 0, not " + v));
        }
        flat[i * n + j] = v;
      }
    }
    return flat;
  }

  /** The sector ids, in the order of the rows and columns. */
  public List<String> sectors() {
    return sectors;
  }

  /** The number of sectors. */
  public int size() {
    return sectors.size();
  }

  /** True when the matrix has this sector. */
  public boolean contains(String sector) {
    return index.containsKey(sector);
  }

  /**
   * The position of a sector in the rows and columns.
   *
   * @throws NoSuchElementException when there is no such sector
   */
  public int indexOf(String sector) {
    Integer i = index.get(sector);
    if (i == null) {
      throw new NoSuchElementException(Checks.unknown(sector, sectors));
    }
    return i;
  }

  /** a*<sub>ij</sub>, by position. */
  public double get(int row, int column) {
    Objects.checkIndex(row, size());
    Objects.checkIndex(column, size());
    return cells[row * size() + column];
  }

  /** a*<sub>ij</sub>: the share of sector {@code row}'s inoperability caused by sector {@code column}'s. */
  public double get(String row, String column) {
    return get(indexOf(row), indexOf(column));
  }

  /** A copy of the cells, {@code [row][column]}. */
  public double[][] toArray() {
    int n = size();
    double[][] out = new double[n][];
    for (int i = 0; i < n; i++) {
      out[i] = Arrays.copyOfRange(cells, i * n, (i + 1) * n);
    }
    return out;
  }

  /** The cells row-major; not a copy, for this package's engines. */
  double[] cells() {
    return cells;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InterdependencyMatrix m && sectors.equals(m.sectors) && Arrays.equals(cells, m.cells);
  }

  @Override
  public int hashCode() {
    return 31 * sectors.hashCode() + Arrays.hashCode(cells);
  }

  /** The matrix as a table, rows and columns headed by the sector ids, cells to four decimals. */
  @Override
  public String toString() {
    int width = 6;
    for (String s : sectors) {
      width = Math.max(width, s.length());
    }
    int n = size();
    StringBuilder sb = new StringBuilder("A* (" + n + (n == 1 ? " sector" : " sectors") + ")\n");
    sb.append(" ".repeat(width));
    for (String s : sectors) {
      sb.append("  ").append(String.format("%" + width + "s", s));
    }
    for (int i = 0; i < n; i++) {
      sb.append('\n').append(String.format("%-" + width + "s", sectors.get(i)));
      for (int j = 0; j < n; j++) {
        sb.append("  ").append(String.format("%" + width + "s", Checks.number(cells[i * n + j])));
      }
    }
    return sb.toString();
  }
}
