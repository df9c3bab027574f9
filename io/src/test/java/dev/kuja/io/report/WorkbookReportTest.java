package dev.kuja.io.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.kuja.analysis.InterfaceReport;
import dev.kuja.analysis.Ranking;
import dev.kuja.analysis.Spof;
import dev.kuja.analysis.SpofReport;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.model.Criticality;
import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.report.Report;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report workbook holds, cell by cell, what the report says. */
class WorkbookReportTest {

  static Report report;
  static Map<String, List<List<Object>>> sheets;

  @BeforeAll
  static void write() throws IOException {
    Model county = ModelDocuments.read(HtmlReportTest.EXAMPLES.resolve("county.yaml"));
    report = Report.of(county);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WorkbookReport.write(report, out);
    sheets = read(new ByteArrayInputStream(out.toByteArray()));
  }

  /** Every sheet as rows of cell values: String, Double (numbers) or Boolean; null for empty. */
  static Map<String, List<List<Object>>> read(InputStream in) throws IOException {
    Map<String, List<List<Object>>> out = new LinkedHashMap<>();
    try (ReadableWorkbook wb = new ReadableWorkbook(in)) {
      for (Sheet s : wb.getSheets().toList()) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : s.read()) {
          assertEquals(rows.size() + 1, r.getRowNum(), "no row left out in " + s.getName());
          List<Object> cells = new ArrayList<>();
          for (int c = 0; c < r.getCellCount(); c++) {
            Cell cell = r.getCell(c);
            cells.add(cell == null || cell.getType() == CellType.EMPTY ? null
                : cell.getType() == CellType.NUMBER ? (Object) cell.asNumber().doubleValue()
                : cell.getType() == CellType.BOOLEAN ? (Object) cell.asBoolean() : cell.asString());
          }
          while (!cells.isEmpty() && cells.get(cells.size() - 1) == null) {
            cells.remove(cells.size() - 1);
          }
          rows.add(cells);
        }
        out.put(s.getName(), rows);
      }
    }
    return out;
  }

  private static List<Object> row(Object... cells) {
    List<Object> l = new ArrayList<>();
    for (Object c : cells) {
      l.add(c instanceof String s && s.isEmpty() ? null : c instanceof Integer i ? (Object) i.doubleValue() : c);
    }
    while (!l.isEmpty() && l.get(l.size() - 1) == null) {
      l.remove(l.size() - 1);
    }
    return l;
  }

  @Test
  void theSheetsComeInOrder() {
    assertEquals(WorkbookReport.SHEETS, List.copyOf(sheets.keySet()));
  }

  @Test
  void functionsAndTheirSpofs() {
    Model m = report.model();
    List<List<Object>> functions = new ArrayList<>(List.of(row("function", "name", "owner", "criticality", "mtpd",
        "rto", "spofs", "common-cause spofs", "double points of failure")));
    List<List<Object>> spofs = new ArrayList<>(List.of(row("function", "spof", "spof name", "spof owner", "kind", "chain")));
    List<List<Object>> doubles = new ArrayList<>(List.of(row("function", "first", "second")));
    for (SpofReport r : report.spofs()) {
      Node f = m.requireNode(r.target());
      functions.add(row(f.id(), f.name(), f.owner().orElse(""), f.criticality().map(Criticality::label).orElse(""),
          f.mtpd().map(Durations::format).orElse(""), f.rto().map(Durations::format).orElse(""),
          r.spofs().size(), r.commonCause().size(), report.cutSets(f.id()).ofOrder(2).size()));
      for (Spof s : r.spofs()) {
        Node n = m.requireNode(s.node());
        spofs.add(row(f.id(), n.id(), n.name(), n.owner().orElse(""), s.commonCause() ? "common-cause" : "direct",
            String.join(" -> ", s.path())));
      }
      for (Set<String> pair : report.cutSets(f.id()).ofOrder(2)) {
        doubles.add(row(f.id(), pair.iterator().next(), pair.stream().skip(1).findFirst().orElseThrow()));
      }
    }
    assertEquals(functions, sheets.get("functions"));
    assertEquals(spofs, sheets.get("spofs"));
    assertEquals(doubles, sheets.get("double points"));
    assertEquals(11 + 1, functions.size());
    assertTrue(spofs.size() > 100, "the county has many SPOFs: " + spofs.size());
  }

  @Test
  void rankingAndInterfaces() {
    Model m = report.model();
    List<List<Object>> ranking = new ArrayList<>(List.of(row("rank", "node", "name", "owner", "score",
        "functions lost", "functions")));
    int rank = 0;
    for (Ranking.Entry e : report.ranking().critical()) {
      Node n = m.requireNode(e.node());
      ranking.add(row(++rank, n.id(), n.name(), n.owner().orElse(""), e.score(), e.functions().size(),
          String.join(", ", e.functions())));
    }
    assertEquals(ranking, sheets.get("ranking"));
    List<List<Object>> interfaces = new ArrayList<>(List.of(row("dependent organisation", "provider organisation",
        "dependent", "provider", "requirement", "redundant", "spof of")));
    for (InterfaceReport.Group g : report.interfaces().groups()) {
      for (InterfaceReport.Interface i : g.interfaces()) {
        interfaces.add(row(g.dependentOrganisation(), g.providerOrganisation(), i.dependent(), i.provider(),
            i.requirement() + 1, i.redundant(), String.join(", ", i.spofOf())));
      }
    }
    assertEquals(interfaces, sheets.get("interfaces"));
    assertTrue(interfaces.stream().anyMatch(r -> Boolean.TRUE.equals(r.get(5))), "some interface is redundant");
  }

  @Test
  void writtenAtomicallyOverTheOldFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("county.xlsx");
    Files.writeString(file, "old");
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
    } catch (UnsupportedOperationException e) {
      // not POSIX: permissions are not checked below
    }
    WorkbookReport.write(report, file);
    try (InputStream in = Files.newInputStream(file)) {
      assertEquals(sheets, read(in));
    }
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file left");
    }
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> WorkbookReport.write(report, dir.resolve("no-such-dir").resolve("x.xlsx")));
    assertTrue(e.getMessage().startsWith("cannot write "), e.getMessage());
    assertFalse(Files.exists(dir.resolve("no-such-dir")));
  }
}
