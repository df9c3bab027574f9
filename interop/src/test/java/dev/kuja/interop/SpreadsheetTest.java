package dev.kuja.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.kuja.analysis.InterfaceReport;
import dev.kuja.analysis.Ranking;
import dev.kuja.analysis.Spof;
import dev.kuja.analysis.SpofReport;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.report.WorkbookReport;
import dev.kuja.model.Criticality;
import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.report.Report;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks both ways with LibreOffice itself: a workbook that LibreOffice made of the example's
 * CSV tables (as .xlsx and as .ods) imports to the model of those tables; the report workbook
 * Kuja writes opens in LibreOffice, which turns every sheet into the expected cells.
 */
class SpreadsheetTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final Path BIA = Tools.EXAMPLES.resolve("bia");

  @Test
  void aWorkbookLibreOfficeSavedImportsToTheModelOfTheCsvTables(@TempDir Path dir) throws Exception {
    Tools.LIBREOFFICE.require();
    Tools.PYTHON_UNO.require();
    Path script = Tools.script(dir, "workbook.py");
    Tools.run(TIMEOUT, dir, Tools.PYTHON.toString(), script.toString(), dir.resolve("profile").toString(),
        BIA.resolve("nodes.csv").toString(), BIA.resolve("requirements.csv").toString(), dir.resolve("bia").toString())
        .ok("LibreOffice making bia.xlsx and bia.ods");
    String fromCsv = Tools.kuja("import", "--nodes", BIA.resolve("nodes.csv").toString(), "--requirements",
        BIA.resolve("requirements.csv").toString()).ok("import CSV").out();
    for (String book : List.of("bia.xlsx", "bia.ods")) {
      Path file = dir.resolve(book);
      assertTrue(Files.size(file) > 1000, book + " written by LibreOffice");
      assertEquals(fromCsv, Tools.kuja("import", "--workbook", file.toString()).ok("import " + book).out(),
          book + " imports to the model of the CSV tables");
    }
  }

  /** LibreOffice's cells of every sheet of a workbook, converted to UTF-8 CSV, one file per sheet. */
  private static List<List<String>> sheet(Path dir, String base, String sheet) throws Exception {
    Path csv = dir.resolve(base + "-" + sheet + ".csv");
    assertTrue(Files.exists(csv), "LibreOffice wrote no " + csv.getFileName());
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class)
        .readValues(Files.readString(csv, StandardCharsets.UTF_8))) {
      while (it.hasNext()) {
        List<String> row = new ArrayList<>(it.next());
        while (!row.isEmpty() && row.get(row.size() - 1).isEmpty()) {
          row.remove(row.size() - 1);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** A row as LibreOffice writes its cells: numbers without trailing zeros, TRUE and FALSE. */
  private static List<String> row(Object... cells) {
    List<String> out = new ArrayList<>();
    for (Object c : cells) {
      if (c instanceof Number n) {
        BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
        out.add((d.scale() < 0 ? d.setScale(0) : d).toPlainString());
      } else if (c instanceof Boolean b) {
        out.add(b ? "TRUE" : "FALSE");
      } else {
        out.add((String) c);
      }
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  @Test
  void theReportWorkbookOpensInLibreOfficeWithTheExpectedCells(@TempDir Path dir) throws Exception {
    Path soffice = Tools.LIBREOFFICE.require();
    Path county = Tools.EXAMPLES.resolve("models").resolve("county.yaml");
    Path xlsx = dir.resolve("county.xlsx");
    Tools.kuja("report", county.toString(), "--xlsx", xlsx.toString()).ok("kuja report --xlsx");
    Path out = Files.createDirectories(dir.resolve("csv"));
    // every sheet (-1) to its own UTF-8 (76) CSV, values as they are rather than as shown
    Tools.run(TIMEOUT, dir, soffice.toString(), "-env:UserInstallation=" + dir.resolve("profile").toUri(),
        "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir", out.toString(), xlsx.toString()).ok("LibreOffice converting county.xlsx");

    Model m = ModelDocuments.read(county);
    Report report = Report.of(m);
    List<List<String>> functions = new ArrayList<>(List.of(row("function", "name", "owner", "criticality", "mtpd",
        "rto", "spofs", "common-cause spofs", "double points of failure")));
    List<List<String>> spofs = new ArrayList<>(List.of(row("function", "spof", "spof name", "spof owner", "kind", "chain")));
    List<List<String>> doubles = new ArrayList<>(List.of(row("function", "first", "second")));
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
        List<String> ids = new ArrayList<>(pair);
        doubles.add(row(f.id(), ids.get(0), ids.get(1)));
      }
    }
    List<List<String>> ranking = new ArrayList<>(List.of(row("rank", "node", "name", "owner", "score",
        "functions lost", "functions")));
    int rank = 0;
    for (Ranking.Entry e : report.ranking().critical()) {
      Node n = m.requireNode(e.node());
      ranking.add(row(++rank, n.id(), n.name(), n.owner().orElse(""), e.score(), e.functions().size(),
          String.join(", ", e.functions())));
    }
    List<List<String>> interfaces = new ArrayList<>(List.of(row("dependent organisation", "provider organisation",
        "dependent", "provider", "requirement", "redundant", "spof of")));
    for (InterfaceReport.Group g : report.interfaces().groups()) {
      for (InterfaceReport.Interface i : g.interfaces()) {
        interfaces.add(row(g.dependentOrganisation(), g.providerOrganisation(), i.dependent(), i.provider(),
            i.requirement() + 1, i.redundant(), String.join(", ", i.spofOf())));
      }
    }
    assertEquals(functions, sheet(out, "county", "functions"));
    assertEquals(spofs, sheet(out, "county", "spofs"));
    assertEquals(doubles, sheet(out, "county", "double points"));
    assertEquals(ranking, sheet(out, "county", "ranking"));
    assertEquals(interfaces, sheet(out, "county", "interfaces"));
    assertEquals(WorkbookReport.SHEETS.size(), Files.list(out).count(), "one CSV per sheet, no more");
    assertTrue(functions.stream().anyMatch(r -> r.get(1).contains("ä")), "non-ASCII names survive as UTF-8");
  }
}
