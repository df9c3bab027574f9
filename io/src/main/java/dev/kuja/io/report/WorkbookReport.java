package dev.kuja.io.report;

import dev.kuja.analysis.CutSets;
import dev.kuja.analysis.InterfaceReport;
import dev.kuja.analysis.Ranking;
import dev.kuja.analysis.Spof;
import dev.kuja.analysis.SpofReport;
import dev.kuja.io.OutputFile;
import dev.kuja.model.Criticality;
import dev.kuja.model.Durations;
import dev.kuja.model.ImpactLevel;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.report.Report;
import dev.kuja.scenario.RiskMatrix;
import dev.kuja.simulation.NodeObjectives;
import dev.kuja.simulation.RequiredTime;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The planners' tables of a {@link Report} as an Excel workbook ({@code .xlsx}, Office Open
 * XML), to sort, filter and share as spreadsheets are: one sheet per table, its first row the
 * column names (bold, frozen, with a filter), then one row per entry. Ids, names and durations
 * (ISO-8601, such as {@code PT4H}) are text; counts and scores are numbers; yes/no columns are
 * TRUE/FALSE. The sheets, in order (docs/documents.md#report-workbook):
 *
 * <ol>
 *   <li>{@code functions}: every function with its owner, criticality, MTPD and RTO, and how many
 *       single points of failure (common-cause among them) and double points of failure it has;
 *   <li>{@code spofs}: every single point of failure of every function, direct or common-cause,
 *       with the chain through which it brings the function down;
 *   <li>{@code double points}: the minimal failure sets of order 2 of every function;
 *   <li>{@code ranking}: the nodes that bring some function down alone, by criticality score;
 *   <li>{@code interfaces}: every requirement across organisations, with the functions its
 *       provider is a single point of failure of;
 *   <li>{@code risk matrix}: per threat and for all causes, per function with impact thresholds,
 *       the probability per year of each impact level or a worse one, and the function's cell on
 *       the matrix (empty but for its header when no function has impact thresholds);
 *   <li>{@code recovery objectives}: the requirements on every node, suppliers' among them — how
 *       soon it must be restored for the functions' RTOs and MTPDs, set by which function through
 *       which chain — its declared RTO and how much longer that is than required.
 * </ol>
 */
public final class WorkbookReport {

  /** The sheets of the workbook, in order. */
  public static final List<String> SHEETS = List.of("functions", "spofs", "double points", "ranking",
      "interfaces", "risk matrix", "recovery objectives");

  private WorkbookReport() {}

  /**
   * Writes the workbook to {@code file}, all of it or nothing ({@link OutputFile}): to a
   * temporary file in the same directory, then moved into place, so that no reader sees half a
   * workbook and a failed run leaves the old file as it was.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(Report report, Path file) {
    Objects.requireNonNull(report, "report");
    OutputFile.writeBytes(file, out -> write(report, out));
  }

  /** Writes the workbook to a stream, which is left open. */
  public static void write(Report report, OutputStream out) throws IOException {
    Objects.requireNonNull(report, "report");
    Model m = report.model();
    Workbook wb = new Workbook(new NoClose(out), "Kuja", "0.1");
    wb.properties().setTitle("Kuja continuity report — " + m.name().orElse("model"));
    Sheet functions = new Sheet(wb, SHEETS.get(0), "function", "name", "owner", "criticality", "mtpd",
        "rto", "spofs", "common-cause spofs", "double points of failure");
    Sheet spofs = new Sheet(wb, SHEETS.get(1), "function", "spof", "spof name", "spof owner", "kind", "chain");
    Sheet doubles = new Sheet(wb, SHEETS.get(2), "function", "first", "second");
    for (SpofReport r : report.spofs()) {
      Node f = m.requireNode(r.target());
      // double points of failure are found for the most exposed functions only (Report.cutSets)
      Optional<CutSets> cuts = report.cutSets(r.target());
      functions.row(f.id(), f.name(), f.owner().orElse(""),
          f.criticality().map(Criticality::label).orElse(""),
          f.mtpd().map(Durations::format).orElse(""), f.rto().map(Durations::format).orElse(""),
          r.spofs().size(), r.commonCause().size(),
          cuts.<Object>map(c -> c.ofOrder(2).size()).orElse("not computed"));
      for (Spof s : r.spofs()) {
        Node n = m.requireNode(s.node());
        spofs.row(f.id(), n.id(), n.name(), n.owner().orElse(""), s.commonCause() ? "common-cause" : "direct",
            String.join(" -> ", s.path()));
      }
      for (Set<String> pair : cuts.map(c -> c.ofOrder(2)).orElse(List.of())) {
        List<String> ids = new ArrayList<>(pair);
        doubles.row(f.id(), ids.get(0), ids.get(1));
      }
    }
    Sheet ranking = new Sheet(wb, SHEETS.get(3), "rank", "node", "name", "owner", "score",
        "functions lost", "functions");
    int rank = 0;
    for (Ranking.Entry e : report.ranking().critical()) {
      Node n = m.requireNode(e.node());
      ranking.row(++rank, n.id(), n.name(), n.owner().orElse(""), e.score(), e.functions().size(),
          String.join(", ", e.functions()));
    }
    Sheet interfaces = new Sheet(wb, SHEETS.get(4), "dependent organisation", "provider organisation",
        "dependent", "provider", "requirement", "redundant", "spof of");
    for (InterfaceReport.Group g : report.interfaces().groups()) {
      for (InterfaceReport.Interface i : g.interfaces()) {
        interfaces.row(g.dependentOrganisation(), g.providerOrganisation(), i.dependent(), i.provider(),
            i.requirement() + 1, i.redundant(), String.join(", ", i.spofOf()));
      }
    }
    List<String> header = new ArrayList<>(List.of("source", "threat name", "function"));
    for (ImpactLevel level : ImpactLevel.values()) {
      header.add("p " + level.label());
    }
    header.addAll(List.of("likelihood", "level", "p", "score", "years"));
    Sheet risk = new Sheet(wb, SHEETS.get(5), header.toArray(String[]::new));
    report.riskMatrix().ifPresent(matrix -> {
      for (RiskMatrix.Source source : matrix.sources()) {
        for (RiskMatrix.Entry e : source.functions()) {
          List<Object> row = new ArrayList<>(List.of(source.threat().orElse("all causes"), source.name(), e.function()));
          for (ImpactLevel level : ImpactLevel.values()) {
            row.add(e.atLeast().get(level).value());
          }
          row.add(e.cell().map(c -> c.likelihood().label()).orElse(""));
          row.add(e.cell().map(c -> c.level().label()).orElse(""));
          row.add(e.cell().<Object>map(c -> c.probability().value()).orElse(""));
          row.add(e.cell().<Object>map(RiskMatrix.Cell::score).orElse(""));
          row.add(source.scenarios());
          risk.row(row.toArray());
        }
      }
    });
    Sheet objectives = new Sheet(wb, SHEETS.get(6), "node", "name", "kind", "owner", "declared rto",
        "required rto", "rto set by", "required mtpd", "mtpd set by", "gap", "chain");
    for (NodeObjectives n : report.objectives().nodes()) {
      if (n.requiredRto().isEmpty() && n.requiredMtpd().isEmpty() && n.declaredRto().isEmpty()) {
        continue;
      }
      Node node = m.requireNode(n.node());
      objectives.row(n.node(), node.name(), node.kind().label(), node.owner().orElse(""),
          n.declaredRto().map(Durations::format).orElse(""),
          n.requiredRto().map(r -> Durations.format(r.duration())).orElse(""),
          n.requiredRto().map(RequiredTime::function).orElse(""),
          n.requiredMtpd().map(r -> Durations.format(r.duration())).orElse(""),
          n.requiredMtpd().map(RequiredTime::function).orElse(""),
          n.gap().map(Durations::format).orElse(""),
          String.join(" -> ", n.requiredRto().or(n::requiredMtpd).map(RequiredTime::chain).orElse(List.of())));
    }
    for (Sheet s : List.of(functions, spofs, doubles, ranking, interfaces, risk, objectives)) {
      s.finish();
    }
    wb.finish();
  }

  /** One sheet being written: a header row, then rows of text, numbers and TRUE/FALSE. */
  private static final class Sheet {
    private final Worksheet ws;
    private final int columns;
    private final int[] widths;
    private int next = 1;

    Sheet(Workbook wb, String name, String... header) {
      this.ws = wb.newWorksheet(name);
      this.columns = header.length;
      this.widths = new int[header.length];
      for (int c = 0; c < header.length; c++) {
        ws.value(0, c, header[c]);
        widths[c] = header[c].length();
      }
      ws.range(0, 0, 0, header.length - 1).style().bold().set();
      ws.freezePane(0, 1);
    }

    void row(Object... cells) {
      for (int c = 0; c < cells.length; c++) {
        Object v = cells[c];
        if (v instanceof Number n) {
          ws.value(next, c, n);
        } else if (v instanceof Boolean b) {
          ws.value(next, c, b);
        } else {
          String text = (String) v;
          if (!text.isEmpty()) {
            ws.value(next, c, text);
          }
        }
        widths[c] = Math.max(widths[c], String.valueOf(v).length());
      }
      next++;
    }

    void finish() throws IOException {
      ws.setAutoFilter(0, 0, Math.max(0, next - 1), columns - 1);
      for (int c = 0; c < columns; c++) {
        ws.width(c, Math.min(60, widths[c] + 2));
      }
      ws.finish();
    }
  }

  /** Keeps the workbook writer from closing a stream it was given. */
  private static final class NoClose extends java.io.FilterOutputStream {
    NoClose(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
