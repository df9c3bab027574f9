package dev.kuja.io.table;

import dev.kuja.io.DocumentException;
import dev.kuja.io.ReadOptions;
import dev.kuja.io.syntax.Problems;
import dev.kuja.model.Model;
import dev.kuja.model.Problem;
import dev.kuja.model.Suggestions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Imports a business impact analysis kept as one workbook — Excel ({@code .xlsx}) or
 * OpenDocument ({@code .ods}, LibreOffice) — with a sheet {@code nodes} and a sheet {@code
 * requirements}, and optionally {@code impacts} and {@code threats} (the sheet names read
 * without regard to case; other sheets are left alone). Each sheet is the table that {@link
 * BiaCsv} reads from a CSV file, with the same columns and the same meaning: its first non-empty
 * row names the columns, the other rows are nodes, requirements, impact thresholds or threats.
 *
 * <p>A cell reads as the text it holds; a number as its decimal digits ({@code 2}, {@code 0.5});
 * a true/false cell as {@code TRUE} or {@code FALSE}; a formula as its last computed value. A
 * date or time cell is refused — a spreadsheet turns {@code 4:00} typed into a duration column
 * into a time of day — as is a cell showing an error. Every problem is reported at once as
 * {@code file:sheet!cell}, for example {@code bia.xlsx:requirements!C7}.
 */
public final class BiaWorkbook {

  /** The sheets of a workbook import: the first two required, the others read when present. */
  public static final List<String> SHEETS = List.of("nodes", "requirements", "impacts", "threats");

  private BiaWorkbook() {}

  /**
   * Imports the workbook, {@code .xlsx} or {@code .ods} by the file name.
   *
   * @throws DocumentException with every problem: of the file, of its cells, of the model
   */
  public static Model read(Path workbook) {
    String name = workbook.toString();
    String lower = name.toLowerCase(Locale.ROOT);
    List<Workbooks.Sheet> sheets;
    if (!Files.isRegularFile(workbook)) {
      throw new DocumentException(List.of(Problem.inDocument(Problem.Location.of(name),
          Files.exists(workbook) ? "is not a file" : "no such file")));
    }
    try {
      long size = Files.size(workbook);
      if (size > ReadOptions.DEFAULT.maxBytes()) {
        throw new DocumentException(List.of(Problem.inDocument(Problem.Location.of(name), "the workbook is "
            + size + " bytes, more than the limit of " + ReadOptions.DEFAULT.maxBytes())));
      }
    } catch (java.io.IOException e) {
      throw new DocumentException(List.of(Problem.inDocument(Problem.Location.of(name), "cannot be read: "
          + e.getMessage())));
    }
    if (lower.endsWith(".xlsx")) {
      sheets = Workbooks.xlsx(workbook);
    } else if (lower.endsWith(".ods")) {
      sheets = Workbooks.ods(workbook);
    } else {
      throw new DocumentException(List.of(Problem.inDocument(Problem.Location.of(name),
          "a workbook must be .xlsx (Excel) or .ods (OpenDocument, LibreOffice)")));
    }
    Problems problems = new Problems(name);
    List<String> names = sheets.stream().map(Workbooks.Sheet::name).toList();
    Optional<Workbooks.Sheet> nodes = find(sheets, "nodes");
    Optional<Workbooks.Sheet> requirements = find(sheets, "requirements");
    for (String wanted : SHEETS.subList(0, 2)) {
      if (find(sheets, wanted).isEmpty()) {
        problems.add(Problem.inDocument(Problem.Location.of(name), "no sheet '" + wanted + "'"
            + Suggestions.closest(wanted, names).map(s -> "; did you mean '" + s + "'?")
                .orElse(" (the sheets: " + String.join(", ", names) + ")")));
      }
    }
    if (nodes.isEmpty() || requirements.isEmpty()) {
      problems.throwIfAny();
    }
    BiaTables.Table nodeTable = table(name, nodes.get(), BiaTables.NODE_COLUMNS, Set.of("id", "kind"), problems);
    BiaTables.Table reqTable = table(name, requirements.get(), BiaTables.REQUIREMENT_COLUMNS,
        Set.of("node", "alternatives"), problems);
    Optional<BiaTables.Table> impactTable = find(sheets, "impacts").map(sheet -> table(name, sheet,
        BiaTables.IMPACT_COLUMNS, Set.of("function", "after", "category", "level"), problems));
    Optional<BiaTables.Table> threatTable = find(sheets, "threats").map(sheet -> table(name, sheet,
        BiaTables.THREAT_COLUMNS, Set.of("id"), problems));
    return BiaTables.model(nodeTable, reqTable, impactTable, threatTable, problems);
  }

  private static Optional<Workbooks.Sheet> find(List<Workbooks.Sheet> sheets, String name) {
    return sheets.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
  }

  /** A sheet as a table; cells that hold no readable text are reported and read as empty. */
  private static BiaTables.Table table(String file, Workbooks.Sheet sheet, List<String> known,
      Set<String> required, Problems problems) {
    BiaTables.Locator locator = (row, column) -> Problem.Location.cell(file, sheet.name(), row, column);
    List<BiaTables.RawRow> rows = new ArrayList<>();
    List<int[]> refused = new ArrayList<>();
    for (Workbooks.Row r : sheet.rows()) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < r.cells().size(); c++) {
        Workbooks.Cell cell = r.cells().get(c);
        if (cell.problem().isPresent()) {
          problems.add(Problem.inDocument(locator.at(r.number(), c + 1), cell.problem().get()));
          refused.add(new int[] {r.number(), c + 1});
          cells.add("");
        } else {
          cells.add(cell.text());
        }
      }
      rows.add(new BiaTables.RawRow(r.number(), cells));
    }
    String what = "the " + sheet.name() + " sheet";
    BiaTables.Table t = BiaTables.Table.of(what, locator, rows, known, required, problems);
    refused.forEach(rc -> t.reported(rc[0], rc[1]));
    return t;
  }
}
