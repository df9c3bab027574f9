package dev.kuja.io.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.kuja.io.DocumentException;
import dev.kuja.io.ReadOptions;
import dev.kuja.io.syntax.Problems;
import dev.kuja.io.syntax.StrictReader;
import dev.kuja.model.Model;
import dev.kuja.model.Problem;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Imports a business impact analysis kept as spreadsheet tables saved as CSV (UTF-8, comma
 * separated, first row the column names), two required and two optional
 * (docs/documents.md#csv-import):
 *
 * <ul>
 *   <li>{@code nodes.csv}: {@code id, kind, name, owner, criticality, mtpd, rto, recovery, tags}
 *       — one row per function, resource or supplier; {@code id} and {@code kind} are required,
 *       the rest may be left empty; tags are separated by {@code |};
 *   <li>{@code requirements.csv}: {@code node, alternatives, k, tolerance} — one row per
 *       requirement; alternatives separated by {@code |}; an empty {@code k} means 1 (any one of
 *       the alternatives will do); an empty tolerance means none;
 *   <li>{@code impacts.csv} (optional): {@code function, after, category, level, note} — one row
 *       per impact threshold of a function, in order;
 *   <li>{@code threats.csv} (optional): {@code id, name, probability, rate, duration,
 *       distribution, mean, min, max, median, sigma, nodes, organisations, tags} — one row per
 *       threat; its duration is fixed ({@code duration}) or a distribution with its parameters;
 *       its targets are ids separated by {@code |}.
 * </ul>
 *
 * Organisations are taken from the owner column (named by their ids). Every problem is reported
 * at once as {@code file:row:column}, the column counted from 1. The same tables kept as the
 * sheets of one workbook are read by {@link BiaWorkbook}, with the same meaning.
 */
public final class BiaCsv {

  static final List<String> NODE_COLUMNS = BiaTables.NODE_COLUMNS;
  static final List<String> REQUIREMENT_COLUMNS = BiaTables.REQUIREMENT_COLUMNS;
  static final List<String> IMPACT_COLUMNS = BiaTables.IMPACT_COLUMNS;
  static final List<String> THREAT_COLUMNS = BiaTables.THREAT_COLUMNS;

  /**
   * One table: its text and the name messages give it.
   *
   * @param name the file name, or another name for the text
   * @param text the CSV text
   */
  public record Table(String name, String text) {

    public Table {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(text, "text");
    }

    /** The table in a file (UTF-8). */
    public static Table of(Path file) {
      return new Table(file.toString(), BiaCsv.text(file));
    }
  }

  private BiaCsv() {}

  /** Imports the two required tables. */
  public static Model read(Path nodes, Path requirements) {
    return read(Table.of(nodes), Table.of(requirements), Optional.empty(), Optional.empty());
  }

  /** Imports the two tables from text; the names stand for the files in messages. */
  public static Model read(String nodes, String nodesName, String requirements, String requirementsName) {
    return read(new Table(nodesName, nodes), new Table(requirementsName, requirements), Optional.empty(),
        Optional.empty());
  }

  /**
   * Imports the nodes and requirements tables and, when given, the impact thresholds and the
   * threats. Every problem of every table, and of the model they make, is reported at once.
   */
  public static Model read(Table nodes, Table requirements, Optional<Table> impacts, Optional<Table> threats) {
    Problems problems = new Problems(nodes.name());
    BiaTables.Table nodeTable = table(nodes, NODE_COLUMNS, Set.of("id", "kind"), problems);
    BiaTables.Table reqTable = table(requirements, REQUIREMENT_COLUMNS, Set.of("node", "alternatives"), problems);
    Optional<BiaTables.Table> impactTable = impacts.map(t -> table(t, IMPACT_COLUMNS,
        Set.of("function", "after", "category", "level"), problems));
    Optional<BiaTables.Table> threatTable = threats.map(t -> table(t, THREAT_COLUMNS, Set.of("id"), problems));
    return BiaTables.model(nodeTable, reqTable, impactTable, threatTable, problems);
  }

  /**
   * The text of a table file: UTF-8, strictly (see {@link StrictReader}; a byte-order mark, as
   * spreadsheet programs write with "CSV UTF-8", is dropped), within the document size limit.
   */
  private static String text(Path file) {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw problem(Problem.Location.of(name), Files.exists(file) ? "is not a file" : "no such file");
    }
    try {
      long size = Files.size(file);
      if (size > ReadOptions.DEFAULT.maxBytes()) {
        throw problem(Problem.Location.of(name), "the table is " + size
            + " bytes, more than the limit of " + ReadOptions.DEFAULT.maxBytes());
      }
      return StrictReader.readAll(Files.newInputStream(file));
    } catch (StrictReader.BadText e) {
      throw problem(new Problem.Location(name, e.line, e.column), e.problem);
    } catch (IOException e) {
      throw problem(Problem.Location.of(name), "cannot be read: " + e.getMessage());
    }
  }

  private static DocumentException problem(Problem.Location at, String message) {
    return new DocumentException(List.of(Problem.inDocument(at, message)));
  }

  /** A CSV table: its lines parsed into rows, syntax errors among the problems. */
  private static BiaTables.Table table(Table csv, List<String> known, Set<String> required, Problems problems) {
    String name = csv.name();
    BiaTables.Locator locator = (line, column) -> new Problem.Location(name, line, column);
    List<BiaTables.RawRow> rows = new ArrayList<>();
    CsvFactory factory = CsvFactory.builder().enable(CsvParser.Feature.TRIM_SPACES).build();
    try (Reader reader = StrictReader.of(new StringReader(csv.text()));
        JsonParser p = factory.createParser(reader)) {
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
    } catch (IOException e) {
      Optional<StrictReader.BadText> bad = StrictReader.BadText.in(e);
      if (bad.isPresent()) {
        problems.add(Problem.inDocument(new Problem.Location(name, bad.get().line, bad.get().column),
            bad.get().problem));
      } else if (e instanceof JsonProcessingException j) {
        problems.add(Problem.inDocument(new Problem.Location(name,
            j.getLocation() == null ? 0 : j.getLocation().getLineNr(),
            j.getLocation() == null ? 0 : j.getLocation().getColumnNr()),
            "not valid CSV: " + j.getOriginalMessage()));
      } else {
        problems.add(Problem.inDocument(Problem.Location.of(name), "cannot be read: " + e.getMessage()));
      }
    }
    return BiaTables.Table.of(name, locator, rows, known, required, problems);
  }
}
