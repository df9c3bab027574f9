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
import dev.kuja.model.ImpactLevel;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.report.Report;
import dev.kuja.scenario.RiskMatrix;
import dev.kuja.simulation.NodeObjectives;
import dev.kuja.simulation.RequiredTime;
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
 * four CSV tables (as .xlsx and as .ods) imports to the model of those tables; the report workbook
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
    List<String> tables = List.of("nodes", "requirements", "impacts", "threats");
    List<String> command = new ArrayList<>(List.of(Tools.PYTHON.toString(), script.toString(),
        dir.resolve("profile").toString(), dir.resolve("bia").toString()));
    tables.forEach(t -> command.add(BIA.resolve(t + ".csv").toString()));
    Tools.run(TIMEOUT, dir, command.toArray(String[]::new)).ok("LibreOffice making bia.xlsx and bia.ods");
    List<String> csvImport = new ArrayList<>(List.of("import"));
    tables.forEach(t -> csvImport.addAll(List.of("--" + t, BIA.resolve(t + ".csv").toString())));
    String fromCsv = Tools.kuja(csvImport.toArray(String[]::new)).ok("import CSV").out();
    assertTrue(fromCsv.contains("threats:") && fromCsv.contains("impacts:"), "all four tables imported");
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

  /**
   * LibreOffice's rows against the expected ones: text equal, numbers (expected as {@link Double})
   * equal to LibreOffice's 15 significant digits.
   */
  private static void assertCells(List<List<Object>> expected, List<List<String>> actual, String sheet) {
    assertEquals(expected.size(), actual.size(), sheet + ": rows");
    for (int r = 0; r < expected.size(); r++) {
      List<Object> e = expected.get(r);
      List<String> a = actual.get(r);
      assertEquals(e.size(), a.size(), sheet + " row " + (r + 1) + ": " + a);
      for (int c = 0; c < e.size(); c++) {
        if (e.get(c) instanceof Double d) {
          double x = Double.parseDouble(a.get(c));
          assertTrue(Math.abs(x - d) <= 1e-13 * Math.abs(d), sheet + " row " + (r + 1) + ": " + x + " for " + d);
        } else {
          assertEquals(e.get(c), a.get(c), sheet + " row " + (r + 1) + " column " + (c + 1));
        }
      }
    }
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
          r.spofs().size(), r.commonCause().size(), report.cutSets(f.id()).orElseThrow().ofOrder(2).size()));
      for (Spof s : r.spofs()) {
        Node n = m.requireNode(s.node());
        spofs.add(row(f.id(), n.id(), n.name(), n.owner().orElse(""), s.commonCause() ? "common-cause" : "direct",
            String.join(" -> ", s.path())));
      }
      for (Set<String> pair : report.cutSets(f.id()).orElseThrow().ofOrder(2)) {
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
    List<List<Object>> risk = new ArrayList<>(List.of(new ArrayList<>(row("source", "threat name", "function",
        "p minor", "p moderate", "p serious", "p severe", "p catastrophic", "likelihood", "level", "p", "score", "years"))));
    for (RiskMatrix.Source source : report.riskMatrix().orElseThrow().sources()) {
      for (RiskMatrix.Entry e : source.functions()) {
        List<Object> r = new ArrayList<>(List.of(source.threat().orElse("all causes"), source.name(), e.function()));
        for (ImpactLevel level : ImpactLevel.values()) {
          r.add(e.atLeast().get(level).value());
        }
        r.add(e.cell().map(c -> c.likelihood().label()).orElse(""));
        r.add(e.cell().map(c -> c.level().label()).orElse(""));
        r.add(e.cell().<Object>map(c -> c.probability().value()).orElse(""));
        r.add(e.cell().<Object>map(c -> String.valueOf(c.score())).orElse(""));
        r.add(String.valueOf(source.scenarios()));
        while (!r.isEmpty() && "".equals(r.get(r.size() - 1))) {
          r.remove(r.size() - 1);
        }
        risk.add(r);
      }
    }
    assertCells(risk, sheet(out, "county", "risk matrix"), "risk matrix");
    List<List<String>> objectives = new ArrayList<>(List.of(row("node", "name", "kind", "owner", "declared rto",
        "required rto", "rto set by", "required mtpd", "mtpd set by", "gap", "chain")));
    for (NodeObjectives n : report.objectives().nodes()) {
      if (n.requiredRto().isEmpty() && n.requiredMtpd().isEmpty() && n.declaredRto().isEmpty()) {
        continue;
      }
      Node node = m.requireNode(n.node());
      objectives.add(row(n.node(), node.name(), node.kind().label(), node.owner().orElse(""),
          n.declaredRto().map(Durations::format).orElse(""),
          n.requiredRto().map(r -> Durations.format(r.duration())).orElse(""),
          n.requiredRto().map(RequiredTime::function).orElse(""),
          n.requiredMtpd().map(r -> Durations.format(r.duration())).orElse(""),
          n.requiredMtpd().map(RequiredTime::function).orElse(""),
          n.gap().map(Durations::format).orElse(""),
          String.join(" -> ", n.requiredRto().or(n::requiredMtpd).map(RequiredTime::chain).orElse(List.of()))));
    }
    assertEquals(objectives, sheet(out, "county", "recovery objectives"));
    try (var files = Files.list(out)) {
      assertEquals(WorkbookReport.SHEETS.size(), files.count(), "one CSV per sheet, no more");
    }
    assertTrue(functions.stream().anyMatch(r -> r.get(1).contains("ä")), "non-ASCII names survive as UTF-8");
  }
}
