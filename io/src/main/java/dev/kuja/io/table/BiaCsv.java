package dev.kuja.io.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.kuja.io.DocumentException;
import dev.kuja.io.syntax.Problems;
import dev.kuja.model.Model;
import dev.kuja.model.Problem;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Imports a business impact analysis kept as two spreadsheet tables saved as CSV (UTF-8, comma
 * separated, first row the column names):
 *
 * <ul>
 *   <li>{@code nodes.csv}: {@code id, kind, name, owner, criticality, mtpd, rto, recovery, tags}
 *       — one row per function, resource or supplier; {@code id} and {@code kind} are required,
 *       the rest may be left empty; tags are separated by {@code |};
 *   <li>{@code requirements.csv}: {@code node, alternatives, k, tolerance} — one row per
 *       requirement; alternatives separated by {@code |}; an empty {@code k} means 1 (any one of
 *       the alternatives will do); an empty tolerance means none.
 * </ul>
 *
 * Organisations are taken from the owner column (named by their ids). Every problem is reported
 * at once as {@code file:row:column}, the column counted from 1. The same tables kept as the
 * sheets of one workbook are read by {@link BiaWorkbook}, with the same meaning.
 */
public final class BiaCsv {

  static final List<String> NODE_COLUMNS = BiaTables.NODE_COLUMNS;
  static final List<String> REQUIREMENT_COLUMNS = BiaTables.REQUIREMENT_COLUMNS;

  private BiaCsv() {}

  /** Imports the two tables. */
  public static Model read(Path nodes, Path requirements) {
    return read(text(nodes), nodes.toString(), text(requirements), requirements.toString());
  }

  /** Imports the two tables from text; the names stand for the files in messages. */
  public static Model read(String nodes, String nodesName, String requirements, String requirementsName) {
    Problems problems = new Problems(nodesName);
    BiaTables.Table nodeTable = table(nodes, nodesName, NODE_COLUMNS, Set.of("id", "kind"), problems);
    BiaTables.Table reqTable = table(requirements, requirementsName, REQUIREMENT_COLUMNS,
        Set.of("node", "alternatives"), problems);
    return BiaTables.model(nodeTable, reqTable, problems);
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DocumentException(List.of(Problem.inDocument(Problem.Location.of(file.toString()), Files.exists(file) ? "cannot be read: " + e.getMessage() : "no such file")));
    }
  }

  /** A CSV table: its lines parsed into rows, syntax errors among the problems. */
  private static BiaTables.Table table(String text, String name, List<String> known, Set<String> required,
      Problems problems) {
    BiaTables.Locator locator = (line, column) -> new Problem.Location(name, line, column);
    List<BiaTables.RawRow> rows = new ArrayList<>();
    CsvFactory factory = CsvFactory.builder().enable(CsvParser.Feature.TRIM_SPACES).build();
    try (Reader reader = new StringReader(text); JsonParser p = factory.createParser(reader)) {
      while (p.nextToken() == JsonToken.START_ARRAY) {
        int line = -1;
        List<String> cells = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (line < 0) {
            // the row's own start (the array token stands at the end of the previous line)
            line = p.currentTokenLocation().getLineNr();
          }
          String cell = p.getText();
          cells.add(cell == null ? "" : cell);
        }
        rows.add(new BiaTables.RawRow(line, cells));
      }
    } catch (JsonProcessingException e) {
      problems.add(Problem.inDocument(new Problem.Location(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getLocation() == null ? 0 : e.getLocation().getColumnNr()), "not valid CSV: " + e.getOriginalMessage()));
    } catch (IOException e) {
      problems.add(Problem.inDocument(Problem.Location.of(name), "cannot be read: " + e.getMessage()));
    }
    return BiaTables.Table.of(name, locator, rows, known, required, problems);
  }
}
