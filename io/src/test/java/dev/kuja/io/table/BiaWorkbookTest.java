package dev.kuja.io.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.github.miachm.sods.SpreadSheet;
import dev.kuja.io.DocumentException;
import dev.kuja.model.Model;
import dev.kuja.model.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workbooks read as the CSV tables read, cell problems located as file:sheet!cell. */
class BiaWorkbookTest {

  private static final Path BIA = Path.of("..", "examples", "bia");

  /** A sheet to write: its name and rows of cells (String, Number, Boolean or LocalDateTime; null for none). */
  record SheetData(String name, List<List<Object>> rows) {}

  /** The rows of a CSV file as text cells. */
  static List<List<Object>> csv(Path file) throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      rows.add(new ArrayList<>(List.of((Object[]) line.split(",", -1))));
    }
    return rows;
  }

  static void xlsx(Path file, SheetData... sheets) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "test", "1.0");
      for (SheetData s : sheets) {
        Worksheet ws = wb.newWorksheet(s.name());
        for (int r = 0; r < s.rows().size(); r++) {
          List<Object> row = s.rows().get(r);
          for (int c = 0; c < row.size(); c++) {
            Object v = row.get(c);
            if (v instanceof String t && !t.isEmpty()) {
              ws.value(r, c, t);
            } else if (v instanceof Number n) {
              ws.value(r, c, n);
            } else if (v instanceof Boolean b) {
              ws.value(r, c, b);
            } else if (v instanceof LocalDateTime d) {
              ws.value(r, c, d);
              ws.style(r, c).format("h:mm").set();
            } else if (v instanceof Formula f) {
              ws.formula(r, c, f.text());
            }
          }
        }
      }
      wb.finish();
    }
  }

  /** A formula cell. */
  record Formula(String text) {}

  static void ods(Path file, SheetData... sheets) throws IOException {
    SpreadSheet wb = new SpreadSheet();
    for (SheetData s : sheets) {
      int width = s.rows().stream().mapToInt(List::size).max().orElse(1);
      com.github.miachm.sods.Sheet sheet = new com.github.miachm.sods.Sheet(s.name(), s.rows().size(), width);
      for (int r = 0; r < s.rows().size(); r++) {
        List<Object> row = s.rows().get(r);
        for (int c = 0; c < row.size(); c++) {
          Object v = row.get(c);
          if (v instanceof String t && t.isEmpty()) {
            continue;
          }
          sheet.getRange(r, c).setValue(v instanceof Integer i ? Double.valueOf(i) : v);
        }
      }
      wb.appendSheet(sheet);
    }
    wb.save(file.toFile());
  }

  @Test
  void theExampleAsAWorkbookIsTheModelOfItsCsvTables(@TempDir Path dir) throws IOException {
    Model expected = BiaCsv.read(BiaCsv.Table.of(BIA.resolve("nodes.csv")),
        BiaCsv.Table.of(BIA.resolve("requirements.csv")), java.util.Optional.of(BiaCsv.Table.of(BIA.resolve("impacts.csv"))),
        java.util.Optional.of(BiaCsv.Table.of(BIA.resolve("threats.csv"))));
    assertTrue(!expected.threats().isEmpty() && expected.functions().stream().anyMatch(f -> !f.impacts().isEmpty()));
    List<List<Object>> requirements = csv(BIA.resolve("requirements.csv"));
    // k as the number a spreadsheet makes of it
    for (List<Object> row : requirements.subList(1, requirements.size())) {
      if (!row.get(2).toString().isEmpty()) {
        row.set(2, Integer.parseInt(row.get(2).toString()));
      }
    }
    SheetData nodes = new SheetData("nodes", csv(BIA.resolve("nodes.csv")));
    SheetData reqs = new SheetData("Requirements", requirements);
    SheetData notes = new SheetData("notes", List.of(List.of("kept by the preparedness planner")));
    List<List<Object>> threatRows = csv(BIA.resolve("threats.csv"));
    // probabilities, rates and sigmas as the numbers a spreadsheet makes of them
    for (List<Object> row : threatRows.subList(1, threatRows.size())) {
      for (int c : new int[] {2, 3, 10}) {
        if (!row.get(c).toString().isEmpty()) {
          row.set(c, Double.parseDouble(row.get(c).toString()));
        }
      }
    }
    SheetData impacts = new SheetData("impacts", csv(BIA.resolve("impacts.csv")));
    SheetData threats = new SheetData("Threats", threatRows);
    Path x = dir.resolve("bia.xlsx");
    xlsx(x, notes, reqs, nodes, threats, impacts);
    assertEquals(expected, BiaWorkbook.read(x));
    Path o = dir.resolve("bia.ods");
    ods(o, nodes, reqs, notes, impacts, threats);
    assertEquals(expected, BiaWorkbook.read(o));
    Path two = dir.resolve("two.xlsx");
    xlsx(two, nodes, reqs);
    assertEquals(BiaCsv.read(BIA.resolve("nodes.csv"), BIA.resolve("requirements.csv")), BiaWorkbook.read(two),
        "impacts and threats are optional sheets");
  }

  private static List<String> problems(Path file) {
    DocumentException e = assertThrows(DocumentException.class, () -> BiaWorkbook.read(file));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void everyProblemIsLocatedAtItsCell(@TempDir Path dir) throws IOException {
    SheetData nodes = new SheetData("nodes", List.of(
        List.of("id", "kind", "name", "ownr", "criticality", "mtpd"),
        List.of("grid", "resource"),
        List.of("care", "function", "Care", "", "deadly", LocalDateTime.of(1899, 12, 31, 4, 0)),
        List.of("", "resource"),
        List.of(42, "resource")));
    SheetData reqs = new SheetData("requirements", List.of(
        List.of("node", "alternatives", "k", "tolerance"),
        List.of("care", "grid|gird", 1, ""),
        List.of("care", "grid", "two", "PT1H"),
        List.of("nobody", "grid", 1.5, ""),
        List.of("", ""),
        List.of("42", "grid", new Formula("1/0"), "")));
    Path x = dir.resolve("bia.xlsx");
    xlsx(x, nodes, reqs);
    assertEquals(List.of(
        "bia.xlsx:nodes!D1: unknown column 'ownr'; did you mean 'owner'?",
        "bia.xlsx:nodes!E3: column 'criticality': must be vital, critical, important or supporting, not 'deadly'",
        "bia.xlsx:nodes!F3: holds a date or time, not text (a spreadsheet turns what looks like a date or a time, "
            + "such as 4:00, into one); write durations as ISO-8601 text such as PT4H, and format the column as text",
        "bia.xlsx:nodes!A4: column 'id': must not be empty",
        "bia.xlsx:requirements!B2: node 'care', requirement 1 (alternatives): names 'gird', which is not a node; did you mean 'grid'?",
        "bia.xlsx:requirements!C3: column 'k': must be a whole number, not 'two'",
        "bia.xlsx:requirements!A4: column 'node': names 'nobody', which is not a row of the nodes sheet",
        "bia.xlsx:requirements!C4: column 'k': must be a whole number, not '1.5'",
        // a writer that does not compute leaves no value: refused, not read as empty
        "bia.xlsx:requirements!C6: holds a formula (1/0) that was never computed; open and save the "
            + "workbook in a spreadsheet program, or write the value itself"),
        problems(x).stream().map(p -> p.replace(dir + "/", "")).toList());
  }

  @Test
  void odsCellsAreLocatedToo(@TempDir Path dir) throws IOException {
    SheetData nodes = new SheetData("nodes", List.of(
        List.of("id", "kind"),
        List.of("grid", "resourse"),
        List.of("care", "function")));
    SheetData reqs = new SheetData("requirements", List.of(
        List.of("node", "alternatives", "k", "tolerance"),
        List.of("care", "grid", 1, "4 hours")));
    Path o = dir.resolve("bia.ods");
    ods(o, nodes, reqs);
    // sheet by sheet, in the order each first had a problem (requirements are read first)
    assertEquals(List.of(
        "bia.ods:requirements!D2: column 'tolerance': '4 hours' is not an ISO-8601 duration (examples: PT15M, PT4H, P2D)",
        "bia.ods:nodes!B2: column 'kind': must be function, resource or supplier, not 'resourse'",
        // no criticality column: the whole row
        "bia.ods:nodes!3:3: node 'care' (criticality): a function needs a criticality (vital, critical, important, supporting)"),
        problems(o).stream().map(p -> p.replace(dir + "/", "")).toList());
  }

  @Test
  void impactAndThreatProblemsAreLocatedInTheirSheets(@TempDir Path dir) throws IOException {
    SheetData nodes = new SheetData("nodes", List.of(List.of("id", "kind", "criticality"),
        List.of("grid", "resource", ""), List.of("care", "function", "vital")));
    SheetData reqs = new SheetData("requirements", List.of(List.of("node", "alternatives"), List.of("care", "grid")));
    SheetData impacts = new SheetData("impacts", List.of(List.of("function", "after", "category", "level"),
        List.of("care", "PT1H", "health", "dreadful"), List.of("cure", "PT2H", "health", "serious")));
    SheetData threats = new SheetData("threats", List.of(List.of("id", "rate", "distribution", "nodes"),
        List.of("storm", "lots", "gaussian", "grid")));
    Path x = dir.resolve("bia.xlsx");
    xlsx(x, nodes, reqs, impacts, threats);
    assertEquals(List.of(
        "bia.xlsx:impacts!D2: column 'level': must be minor, moderate, serious, severe or catastrophic, not 'dreadful'",
        "bia.xlsx:impacts!A3: column 'function': names 'cure', which is not a row of the nodes sheet; did you mean 'care'?",
        "bia.xlsx:threats!B2: column 'rate': must be a number, not 'lots'",
        "bia.xlsx:threats!C2: column 'distribution': must be fixed, exponential, uniform or lognormal, not 'gaussian'"),
        problems(x).stream().map(p -> p.replace(dir + "/", "")).toList());
  }

  @Test
  void missingSheetsAndUnreadableFilesAreSaidSo(@TempDir Path dir) throws IOException {
    Path x = dir.resolve("bia.xlsx");
    xlsx(x, new SheetData("node", List.of(List.of("id", "kind"))), new SheetData("Sheet2", List.of()));
    assertEquals(List.of("bia.xlsx: no sheet 'nodes'; did you mean 'node'?",
        "bia.xlsx: no sheet 'requirements' (the sheets: node, Sheet2)"),
        problems(x).stream().map(p -> p.replace(dir + "/", "")).toList());
    Path fake = Files.writeString(dir.resolve("fake.xlsx"), "id,kind\n");
    assertTrue(problems(fake).get(0).contains("fake.xlsx: cannot be read as an Excel workbook (.xlsx)"), problems(fake)::toString);
    Path fakeOds = Files.writeString(dir.resolve("fake.ods"), "id,kind\n");
    assertTrue(problems(fakeOds).get(0).contains("fake.ods: cannot be read as an OpenDocument spreadsheet (.ods)"),
        problems(fakeOds)::toString);
    assertEquals(List.of(dir.resolve("bia.csv") + ": a workbook must be .xlsx (Excel) or .ods (OpenDocument, LibreOffice)"),
        problems(Files.writeString(dir.resolve("bia.csv"), "")));
    assertEquals(List.of(dir.resolve("none.xlsx") + ": no such file"), problems(dir.resolve("none.xlsx")));
  }

  @Test
  void numbersReadAsTheirDigits() {
    assertEquals("2", Workbooks.number(new java.math.BigDecimal("2.000")));
    assertEquals("1000", Workbooks.number(new java.math.BigDecimal("1E+3")));
    assertEquals("0.5", Workbooks.number(java.math.BigDecimal.valueOf(0.5)));
  }

  /** Whatever the tables say, the workbook says the same: the same model, or the same problems. */
  @Property(tries = 30)
  void aWorkbookMeansWhatItsCsvTablesMean(@ForAll @IntRange(min = 1, max = 8) int size, @ForAll long seed)
      throws IOException {
    java.util.Random random = new java.util.Random(seed);
    List<List<Object>> nodeRows = new ArrayList<>(List.of(List.of("id", "kind", "criticality", "mtpd")));
    List<List<Object>> reqRows = new ArrayList<>(List.of(List.of("node", "alternatives", "k", "tolerance")));
    String[] kinds = {"function", "resource", "supplier", "resorce"};
    for (int i = 0; i < size; i++) {
      String kind = kinds[random.nextInt(kinds.length)];
      nodeRows.add(List.of("n" + i, kind, kind.equals("function") ? "vital" : "", random.nextInt(5) == 0 ? "4h" : "PT4H"));
      if (i > 0) {
        reqRows.add(List.of("n" + i, "n" + random.nextInt(size + 1) + "|n" + random.nextInt(i), 1 + random.nextInt(2), ""));
      }
    }
    Path dir = Files.createTempDirectory("kuja-wb");
    try {
      StringBuilder n = new StringBuilder();
      nodeRows.forEach(r -> n.append(String.join(",", r.stream().map(Object::toString).toList())).append('\n'));
      StringBuilder q = new StringBuilder();
      reqRows.forEach(r -> q.append(String.join(",", r.stream().map(Object::toString).toList())).append('\n'));
      Path x = dir.resolve("t.xlsx");
      xlsx(x, new SheetData("nodes", nodeRows), new SheetData("requirements", reqRows));
      Object fromCsv;
      try {
        fromCsv = BiaCsv.read(n.toString(), "nodes", q.toString(), "requirements");
      } catch (DocumentException e) {
        fromCsv = e.problems().stream().map(p -> p.message()).toList();
      }
      Object fromWorkbook;
      try {
        fromWorkbook = BiaWorkbook.read(x);
      } catch (DocumentException e) {
        fromWorkbook = e.problems().stream().map(p -> p.message()).toList();
      }
      if (fromCsv instanceof Model) {
        assertEquals(fromCsv, fromWorkbook);
      } else {
        assertEquals(fromCsv.toString().replace("not a row of nodes", "not a row of the nodes sheet"),
            fromWorkbook.toString());
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
