package dev.kuja.io.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.kuja.iim.Iim;
import dev.kuja.iim.InterdependencyMatrix;
import dev.kuja.io.DocumentException;
import dev.kuja.io.syntax.Problems;
import dev.kuja.model.Problem;
import dev.kuja.model.Suggestions;
import dev.kuja.model.ValidationException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sector tables for the inoperability input–output model (docs/iim.md, docs/cli.md#kuja-iim), as
 * CSV (UTF-8, comma separated, cells trimmed, empty rows skipped):
 *
 * <ul>
 *   <li>a <b>sector matrix</b>: a square table whose first row holds the sector ids (the top-left
 *       cell is ignored) and whose first column holds the same ids in the same order; the cells
 *       are numbers ≥ 0 — A*, the interdependency matrix, or Z, the transactions table (row i,
 *       column j: the output of sector i consumed by sector j);
 *   <li>a <b>totals</b> table with the columns {@code sector} and {@code total}: the total output
 *       x<sub>i</sub> of every sector, each above 0.
 * </ul>
 *
 * Every problem is reported at once as {@code file:line:column}, the column counted in cells
 * from 1, in a {@link DocumentException}; a matrix that makes no solvable model (spectral radius
 * of A* 1 or more) is reported against the file as a whole.
 */
public final class SectorTables {

  /** At most this many sectors: a matrix of their square is kept in memory. */
  public static final int MAX_SECTORS = 5_000;

  /** Files larger than this are refused before they are read. */
  public static final long MAX_BYTES = 256L << 20;

  /** A plain decimal number, optionally with an exponent: no NaN, no infinities, no hex. */
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private SectorTables() {}

  /** The IIM of an A* table. */
  public static Iim read(Path sectors) {
    return read(text(sectors), sectors.toString());
  }

  /** The IIM of an A* table given as text; {@code name} stands for the file in messages. */
  public static Iim read(String text, String name) {
    return solvable(readMatrix(text, name), name);
  }

  /** The IIM of a transactions table Z and a totals table x: a*<sub>ij</sub> = z<sub>ij</sub> / x<sub>i</sub>. */
  public static Iim readTransactions(Path transactions, Path totals) {
    return readTransactions(text(transactions), transactions.toString(), text(totals), totals.toString());
  }

  /** The IIM of a transactions table and a totals table given as text. */
  public static Iim readTransactions(String transactions, String transactionsName, String totals, String totalsName) {
    Problems problems = new Problems(transactionsName);
    Matrix z = matrix(transactions, transactionsName, problems);
    double[] x = totals(totals, totalsName, z.sectors, problems);
    problems.throwIfAny();
    return solvable(InterdependencyMatrix.fromTransactions(z.sectors, z.cells, x), transactionsName);
  }

  /** A sector matrix as A*, checked cell by cell but not for solvability. */
  public static InterdependencyMatrix readMatrix(String text, String name) {
    Problems problems = new Problems(name);
    Matrix m = matrix(text, name, problems);
    problems.throwIfAny();
    return InterdependencyMatrix.of(m.sectors, m.cells);
  }

  /** A* as a sector matrix that {@link #readMatrix} reads back to an equal matrix. */
  public static String write(InterdependencyMatrix matrix) {
    StringBuilder sb = new StringBuilder();
    for (String s : matrix.sectors()) {
      sb.append(',').append(cell(s));
    }
    sb.append('\n');
    for (int i = 0; i < matrix.size(); i++) {
      sb.append(cell(matrix.sectors().get(i)));
      for (int j = 0; j < matrix.size(); j++) {
        sb.append(',').append(matrix.get(i, j));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String cell(String text) {
    if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n') || !text.equals(text.trim())) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  private static Iim solvable(InterdependencyMatrix matrix, String name) {
    try {
      return Iim.of(matrix);
    } catch (ValidationException e) {
      throw new DocumentException(e.problems().stream().map(p -> p.at(Problem.Location.of(name))).toList());
    }
  }

  private static String text(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new DocumentException(List.of(Problem.inDocument(Problem.Location.of(file.toString()),
            "is larger than " + (MAX_BYTES >> 20) + " MiB; a sector table is far smaller")));
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DocumentException(List.of(Problem.inDocument(Problem.Location.of(file.toString()),
          Files.exists(file) ? "cannot be read: " + e.getMessage() : "no such file")));
    }
  }

  /** The rows of a CSV text, each with its line and cells; empty rows left out. */
  private record Row(int line, List<String> cells) {}

  private static List<Row> rows(String text, String name, Problems problems) {
    List<Row> rows = new ArrayList<>();
    CsvFactory factory = CsvFactory.builder().enable(CsvParser.Feature.TRIM_SPACES).build();
    // a spreadsheet's byte order mark is not part of the first cell
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    try (Reader reader = new StringReader(body); JsonParser p = factory.createParser(reader)) {
      while (p.nextToken() == JsonToken.START_ARRAY) {
        int line = -1;
        List<String> cells = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (line < 0) {
            line = p.currentTokenLocation().getLineNr();
          }
          String cell = p.getText();
          cells.add(cell == null ? "" : cell.trim());
        }
        if (!(cells.size() == 1 && cells.get(0).isEmpty()) && !cells.isEmpty()) {
          rows.add(new Row(line, cells));
        }
      }
    } catch (JsonProcessingException e) {
      problems.add(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          e.getLocation() == null ? 0 : e.getLocation().getColumnNr(), "not valid CSV: " + e.getOriginalMessage());
    } catch (IOException e) {
      problems.add(0, 0, "cannot be read: " + e.getMessage());
    }
    return rows;
  }

  /** The sector ids and cells of a sector matrix. */
  private record Matrix(List<String> sectors, double[][] cells) {}

  private static Matrix matrix(String text, String name, Problems problems) {
    List<Row> rows = rows(text, name, problems);
    if (rows.isEmpty()) {
      if (problems.isEmpty()) {
        problems.add(0, 0, "the table is empty; its first row names the sectors: ,energy,transport,…");
      }
      problems.throwIfAny();
    }
    Row header = rows.get(0);
    List<String> sectors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int c = 1; c < header.cells.size(); c++) {
      String id = header.cells.get(c);
      if (id.isEmpty()) {
        problems.add(header.line, c + 1, "the first row must name a sector in every column after the first");
      } else if (!seen.add(id)) {
        problems.add(header.line, c + 1, "sector '" + id + "' appears more than once in the first row");
      }
      sectors.add(id);
    }
    int n = sectors.size();
    if (n == 0) {
      problems.add(header.line, 2, "the first row names no sector: it holds an empty cell, then the sector ids");
      problems.throwIfAny();
    }
    if (n > MAX_SECTORS) {
      problems.add(header.line, MAX_SECTORS + 2, "more than " + MAX_SECTORS + " sectors");
      problems.throwIfAny();
    }
    double[][] cells = new double[n][n];
    for (int r = 1; r < rows.size(); r++) {
      Row row = rows.get(r);
      int i = r - 1;
      if (i >= n) {
        problems.add(row.line, 1, "the matrix is not square: this is row " + r + " of sectors, but the first row names "
            + n + (n == 1 ? " sector" : " sectors"));
        continue;
      }
      String id = row.cells.get(0);
      if (!id.equals(sectors.get(i))) {
        String where = sectors.contains(id) ? "; the first column must list the sectors in the order of the first row"
            : id.isEmpty() ? "" : Suggestions.hint(id, sectors);
        problems.add(row.line, 1, "row " + r + " must be sector '" + sectors.get(i) + "' (column " + (i + 2)
            + " of the first row), not '" + id + "'" + where);
      }
      if (row.cells.size() != n + 1) {
        problems.add(row.line, Math.min(row.cells.size(), n + 1) + 1, "the row has " + row.cells.size()
            + " cells, but the first row has " + (n + 1) + " (the id, then one per sector)");
      }
      for (int j = 0; j < Math.min(n, row.cells.size() - 1); j++) {
        String cell = row.cells.get(j + 1);
        if (cell.isEmpty()) {
          problems.add(row.line, j + 2, "the cell is empty; write 0 for no dependence");
        } else if (!NUMBER.matcher(cell).matches()) {
          problems.add(row.line, j + 2, "'" + cell + "' is not a number");
        } else {
          double v = Double.parseDouble(cell);
          if (v < 0) {
            problems.add(row.line, j + 2, "must not be negative (" + cell + ")");
          } else if (Double.isInfinite(v)) {
            problems.add(row.line, j + 2, "'" + cell + "' is too large");
          }
          cells[i][j] = v;
        }
      }
    }
    if (rows.size() - 1 < n) {
      List<String> missing = sectors.subList(rows.size() - 1, n);
      problems.add(header.line, rows.size() + 1, "the matrix is not square: the first row names " + n
          + " sectors but only " + (rows.size() - 1) + " rows follow; no row for '" + String.join("', '", missing) + "'");
    }
    return new Matrix(sectors, cells);
  }

  /** The totals of the sectors, in their order; a problem for every bad, missing or unknown row. */
  private static double[] totals(String text, String name, List<String> sectors, Problems matrixProblems) {
    Problems problems = new Problems(name);
    List<Row> rows = rows(text, name, problems);
    double[] x = new double[sectors.size()];
    if (rows.isEmpty()) {
      if (problems.isEmpty()) {
        problems.add(0, 0, "the table is empty; its first row names the columns: sector,total");
      }
      addAll(problems, matrixProblems);
      return x;
    }
    Row header = rows.get(0);
    int sectorColumn = header.cells.indexOf("sector");
    int totalColumn = header.cells.indexOf("total");
    for (int c = 0; c < header.cells.size(); c++) {
      String h = header.cells.get(c);
      if (!h.equals("sector") && !h.equals("total")) {
        problems.add(header.line, c + 1, "unknown column '" + h + "'"
            + Suggestions.closest(h, List.of("sector", "total")).map(s -> "; did you mean '" + s + "'?")
                .orElse(" (columns: sector, total)"));
      }
    }
    if (sectorColumn < 0 || totalColumn < 0) {
      problems.add(header.line, 1, "the first row must name the columns sector and total");
      addAll(problems, matrixProblems);
      return x;
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < sectors.size(); i++) {
      index.put(sectors.get(i), i);
    }
    Set<String> given = new HashSet<>();
    for (Row row : rows.subList(1, rows.size())) {
      String sector = sectorColumn < row.cells.size() ? row.cells.get(sectorColumn) : "";
      String total = totalColumn < row.cells.size() ? row.cells.get(totalColumn) : "";
      if (row.cells.size() > header.cells.size()) {
        problems.add(row.line, header.cells.size() + 1, "the row has " + row.cells.size()
            + " cells but the first row names " + header.cells.size() + " columns");
      }
      Integer i = index.get(sector);
      if (sector.isEmpty()) {
        problems.add(row.line, sectorColumn + 1, "column 'sector' must not be empty");
      } else if (i == null) {
        problems.add(row.line, sectorColumn + 1, "'" + sector + "' is not a sector of the matrix"
            + Suggestions.hint(sector, sectors));
      } else if (!given.add(sector)) {
        problems.add(row.line, sectorColumn + 1, "sector '" + sector + "' has a total in an earlier row too");
      }
      if (total.isEmpty()) {
        problems.add(row.line, totalColumn + 1, "column 'total' must not be empty");
      } else if (!NUMBER.matcher(total).matches()) {
        problems.add(row.line, totalColumn + 1, "'" + total + "' is not a number");
      } else {
        double v = Double.parseDouble(total);
        if (!(v > 0) || Double.isInfinite(v)) {
          problems.add(row.line, totalColumn + 1, "the total output must be above 0, not " + total
              + " (a*_ij = z_ij / x_i divides by it)");
        } else if (i != null) {
          x[i] = v;
        }
      }
    }
    List<String> missing = sectors.stream().filter(s -> !given.contains(s)).toList();
    if (!missing.isEmpty()) {
      problems.add(header.line, sectorColumn + 1, "no total for sector" + (missing.size() == 1 ? " '" : "s '")
          + String.join("', '", missing) + "'");
    }
    addAll(problems, matrixProblems);
    return x;
  }

  private static void addAll(Problems from, Problems to) {
    try {
      from.throwIfAny();
    } catch (DocumentException e) {
      e.problems().forEach(to::add);
    }
  }
}
