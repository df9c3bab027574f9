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
import dev.kuja.model.ImpactLevel;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.report.Report;
import dev.kuja.scenario.RiskMatrix;
import dev.kuja.simulation.NodeObjectives;
import dev.kuja.simulation.RequiredTime;
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
          r.spofs().size(), r.commonCause().size(), report.cutSets(f.id()).orElseThrow().ofOrder(2).size()));
      for (Spof s : r.spofs()) {
        Node n = m.requireNode(s.node());
        spofs.add(row(f.id(), n.id(), n.name(), n.owner().orElse(""), s.commonCause() ? "common-cause" : "direct",
            String.join(" -> ", s.path())));
      }
      for (Set<String> pair : report.cutSets(f.id()).orElseThrow().ofOrder(2)) {
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
  void theRiskMatrixAndTheRecoveryObjectives() {
    Model m = report.model();
    assertTrue(report.riskMatrix().isPresent(), "the county has impact thresholds");
    List<List<Object>> risk = new ArrayList<>(List.of(row("source", "threat name", "function", "p minor",
        "p moderate", "p serious", "p severe", "p catastrophic", "likelihood", "level", "p", "score", "years")));
    for (RiskMatrix.Source source : report.riskMatrix().get().sources()) {
      for (RiskMatrix.Entry e : source.functions()) {
        List<Object> r = new ArrayList<>(List.of(source.threat().orElse("all causes"), source.name(), e.function()));
        for (ImpactLevel level : ImpactLevel.values()) {
          r.add(e.atLeast().get(level).value());
        }
        r.add(e.cell().map(c -> c.likelihood().label()).orElse(""));
        r.add(e.cell().map(c -> c.level().label()).orElse(""));
        r.add(e.cell().<Object>map(c -> c.probability().value()).orElse(""));
        r.add(e.cell().<Object>map(c -> (double) c.score()).orElse(""));
        r.add((double) source.scenarios());
        risk.add(row(r.toArray()));
      }
    }
    assertEquals(risk, sheets.get("risk matrix"));
    assertTrue(risk.size() > 3 && risk.stream().anyMatch(r -> "all causes".equals(r.get(0))), risk::toString);
    List<List<Object>> objectives = new ArrayList<>(List.of(row("node", "name", "kind", "owner", "declared rto",
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
    assertEquals(objectives, sheets.get("recovery objectives"));
    assertTrue(objectives.size() > 10, "most of the county's nodes have a required RTO or MTPD");
  }

  @Test
  void aModelWithoutImpactThresholdsHasAnEmptyRiskMatrix() throws IOException {
    Model plain = ModelDocuments.read("""
        kuja: 1
        nodes:
          - { id: grid, kind: resource }
          - { id: care, kind: function, criticality: vital, rto: PT1H, requires: [grid] }
        """, "plain.yaml", dev.kuja.io.Format.YAML);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WorkbookReport.write(Report.of(plain), out);
    Map<String, List<List<Object>>> book = read(new ByteArrayInputStream(out.toByteArray()));
    assertEquals(1, book.get("risk matrix").size(), "the header alone");
    assertEquals(List.of(row("grid", "grid", "resource", "", "", "PT1H", "care", "", "", "", "grid -> care")),
        book.get("recovery objectives").subList(1, book.get("recovery objectives").size()).subList(0, 1));
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
