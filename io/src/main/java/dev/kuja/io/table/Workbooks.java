package dev.kuja.io.table;

import com.github.miachm.sods.OfficeCurrency;
import com.github.miachm.sods.OfficePercentage;
import com.github.miachm.sods.Range;
import com.github.miachm.sods.SpreadSheet;
import dev.kuja.io.DocumentException;
import dev.kuja.io.syntax.StrictReader;
import dev.kuja.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;

/**
 * The cells of a workbook's sheets as text: {@code .xlsx} read with fastexcel-reader, {@code
 * .ods} with SODS. What a cell cannot say as text (a date, an error) comes with a problem.
 */
final class Workbooks {

  /** Rows beyond this many in one sheet are refused: a BIA has thousands of rows, not millions. */
  static final int MAX_ROWS = 1_000_000;

  private Workbooks() {}

  /** A cell: its text, or what is wrong with it. */
  record Cell(String text, Optional<String> problem) {
    /** A text cell; refused when it holds a character no document may carry. */
    static Cell of(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (StrictReader.forbidden(c)) {
          return refused("holds " + (c >= '\uFFFE' ? "the non-character " : "the control character ")
              + String.format("U+%04X", (int) c) + ", which a document cannot carry; remove it");
        }
      }
      return new Cell(text, Optional.empty());
    }

    static Cell refused(String problem) {
      return new Cell("", Optional.of(problem));
    }
  }

  /** A row with its 1-based number in the sheet, its cells from column A on. */
  record Row(int number, List<Cell> cells) {}

  /** A sheet and its rows that hold something, in order. */
  record Sheet(String name, List<Row> rows) {}

  private static final String DATE = "holds a date or time, not text (a spreadsheet turns what looks "
      + "like a date or a time, such as 4:00, into one); write durations as ISO-8601 text such as PT4H, "
      + "and format the column as text";

  /** A number as its decimal digits, without exponent or trailing zeros: 2, 0.5, 1000. */
  static String number(BigDecimal n) {
    BigDecimal s = n.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  // ------------------------------------------------------------------ .xlsx

  static List<Sheet> xlsx(Path file) {
    List<Sheet> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file);
        ReadableWorkbook wb = new ReadableWorkbook(in, new ReadingOptions(true, true))) {
      for (org.dhatim.fastexcel.reader.Sheet sheet : (Iterable<org.dhatim.fastexcel.reader.Sheet>) wb.getSheets()::iterator) {
        List<Row> rows = new ArrayList<>();
        try (Stream<org.dhatim.fastexcel.reader.Row> stream = sheet.openStream()) {
          for (org.dhatim.fastexcel.reader.Row r : (Iterable<org.dhatim.fastexcel.reader.Row>) stream::iterator) {
            if (rows.size() >= MAX_ROWS) {
              throw tooLarge(file, sheet.getName());
            }
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < r.getCellCount(); c++) {
              cells.add(xlsxCell(r.getCell(c)));
            }
            rows.add(new Row(r.getRowNum(), cells));
          }
        }
        out.add(new Sheet(sheet.getName(), rows));
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof DocumentException d) {
        throw d;
      }
      throw unreadable(file, "an Excel workbook (.xlsx)", e);
    }
    return out;
  }

  private static Cell xlsxCell(org.dhatim.fastexcel.reader.Cell cell) {
    if (cell == null || cell.getType() == CellType.EMPTY) {
      return Cell.of("");
    }
    CellType type = cell.getType();
    if (type == CellType.ERROR) {
      return Cell.refused("shows an error (" + cell.getRawValue() + ")");
    }
    if (type == CellType.STRING) {
      return Cell.of(cell.asString());
    }
    if (type == CellType.BOOLEAN) {
      return Cell.of(Boolean.TRUE.equals(cell.asBoolean()) ? "TRUE" : "FALSE");
    }
    String raw = cell.getRawValue() == null ? "" : cell.getRawValue();
    if (type == CellType.FORMULA && raw.isEmpty()) {
      return Cell.refused("holds a formula (" + cell.getFormula() + ") that was never computed; "
          + "open and save the workbook in a spreadsheet program, or write the value itself");
    }
    if (type == CellType.FORMULA) {
      // the last computed value; a number unless it does not read as one
      try {
        BigDecimal n = new BigDecimal(raw);
        return isDate(cell) ? Cell.refused(DATE) : Cell.of(number(n));
      } catch (NumberFormatException e) {
        return Cell.of(raw);
      }
    }
    if (isDate(cell)) {
      return Cell.refused(DATE);
    }
    return Cell.of(number(cell.asNumber()));
  }

  /** True when the cell's number format shows a date or a time. */
  private static boolean isDate(org.dhatim.fastexcel.reader.Cell cell) {
    Integer id = cell.getDataFormatId();
    if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) {
      return true;
    }
    String format = cell.getDataFormatString();
    if (format == null) {
      return false;
    }
    // date and time letters outside quoted text, escapes and [colour] or [$-locale] brackets
    boolean quoted = false;
    int bracket = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (quoted) {
        continue;
      } else if (c == '\\') {
        i++;
      } else if (c == '[') {
        bracket++;
        // [h], [m], [s]: elapsed time
        if (i + 2 < format.length() && "hms".indexOf(Character.toLowerCase(format.charAt(i + 1))) >= 0
            && (format.charAt(i + 2) == ']' || format.charAt(i + 2) == format.charAt(i + 1))) {
          return true;
        }
      } else if (c == ']') {
        bracket = Math.max(0, bracket - 1);
      } else if (bracket == 0 && "dmyhsDMYHS".indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ .ods

  static List<Sheet> ods(Path file) {
    SpreadSheet workbook;
    try (InputStream in = Files.newInputStream(file)) {
      workbook = new SpreadSheet(in);
    } catch (IOException | RuntimeException e) {
      throw unreadable(file, "an OpenDocument spreadsheet (.ods)", e);
    }
    List<Sheet> out = new ArrayList<>();
    for (com.github.miachm.sods.Sheet sheet : workbook.getSheets()) {
      int rowCount = Math.min(sheet.getMaxRows(), sheet.getLastRow() + 1);
      int columnCount = Math.min(sheet.getMaxColumns(), sheet.getLastColumn() + 1);
      if (rowCount > MAX_ROWS) {
        throw tooLarge(file, sheet.getName());
      }
      List<Row> rows = new ArrayList<>();
      if (rowCount > 0 && columnCount > 0) {
        Range range = sheet.getRange(0, 0, rowCount, columnCount);
        Object[][] values = range.getValues();
        Object[][] formulas = range.getFormulas();
        for (int r = 0; r < rowCount; r++) {
          List<Cell> cells = new ArrayList<>();
          boolean any = false;
          for (int c = 0; c < columnCount; c++) {
            Cell cell = odsCell(values[r][c], formulas[r][c]);
            any |= !cell.text().isEmpty() || cell.problem().isPresent();
            cells.add(cell);
          }
          if (any) {
            rows.add(new Row(r + 1, cells));
          }
        }
      }
      out.add(new Sheet(sheet.getName(), rows));
    }
    return out;
  }

  private static Cell odsCell(Object value, Object formula) {
    if (value == null) {
      return Cell.of("");
    }
    if (value instanceof String s) {
      // a formula that failed shows its error as text
      if (formula != null && s.startsWith("#") && (s.endsWith("!") || s.endsWith("?") || s.startsWith("#N/A"))) {
        return Cell.refused("shows an error (" + s + ")");
      }
      return Cell.of(s);
    }
    if (value instanceof Boolean b) {
      return Cell.of(b ? "TRUE" : "FALSE");
    }
    if (value instanceof Double d) {
      return Cell.of(number(BigDecimal.valueOf(d)));
    }
    if (value instanceof Number n) {
      return Cell.of(number(new BigDecimal(n.toString())));
    }
    if (value instanceof OfficePercentage p) {
      return Cell.of(number(BigDecimal.valueOf(p.getValue())));
    }
    if (value instanceof OfficeCurrency c) {
      return Cell.of(number(BigDecimal.valueOf(c.getValue())));
    }
    if (value instanceof TemporalAccessor || value instanceof java.time.Duration) {
      return Cell.refused(DATE);
    }
    return Cell.of(value.toString());
  }

  private static DocumentException unreadable(Path file, String what, Exception e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new DocumentException(List.of(Problem.inDocument(Problem.Location.of(file.toString()),
        "cannot be read as " + what + ": " + why)));
  }

  private static DocumentException tooLarge(Path file, String sheet) {
    return new DocumentException(List.of(Problem.inDocument(Problem.Location.cell(file.toString(), sheet, 0, 0),
        "has more than " + MAX_ROWS + " rows")));
  }
}
