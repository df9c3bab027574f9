package dev.kuja.io.report;

import dev.kuja.analysis.InterfaceReport;
import dev.kuja.analysis.Ranking;
import dev.kuja.analysis.Spof;
import dev.kuja.analysis.SpofReport;
import dev.kuja.model.Criticality;
import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.region.Commitments;
import dev.kuja.report.Coordination;
import dev.kuja.report.Report;
import dev.kuja.scenario.RiskMatrix;
import dev.kuja.simulation.NodeObjectives;
import dev.kuja.simulation.RecoveryObjectives;
import dev.kuja.simulation.RequiredTime;
import dev.kuja.simulation.SimulationResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The continuity report as text for a terminal, as {@code kuja report} prints it
 * (docs/cli.md#kuja-report): a title, the validity of the model, then the sections <i>single
 * points of failure of critical functions</i> (per function its count, each common-cause SPOF
 * with its path, up to 8 direct ones), <i>where to invest: criticality ranking</i> (the first
 * rows), <i>interfaces between organisations</i> (the pairs with SPOF interfaces, and those
 * interfaces), <i>coordination: who must plan with whom</i> (the matrix of critical interfaces
 * and the functions at stake, each node with its document), <i>service commitments at the
 * interfaces</i> (when the model declares externals with commitments), <i>risk matrix</i> (the
 * threats' cells on the five-by-five matrix, and each function's cell for all causes),
 * <i>recovery objectives</i> (the declared RTOs longer than required, and the functions whose
 * recovery time misses their RTO) and one <i>scenario</i>
 * section per simulation.
 */
public final class TextReport {

  /** The rows of the ranking a report shows unless told otherwise. */
  public static final int DEFAULT_TOP = 15;

  /** Direct SPOFs listed per function; the rest are counted. */
  private static final int DIRECT_SHOWN = 8;

  private TextReport() {}

  /**
   * The report as text, the model named by its name (or "model"), with the first {@value
   * #DEFAULT_TOP} rows of the ranking.
   */
  public static String render(Report report) {
    return render(report, report.model().name().orElse("model"), DEFAULT_TOP);
  }

  /**
   * The report as text.
   *
   * @param source what the model was read from, such as its file: the title when the model has
   *               no name, and the subject of the line that says it is valid
   * @param top    rows of the ranking to show
   */
  public static String render(Report report, String source, int top) {
    StringWriter out = new StringWriter();
    PrintWriter w = new PrintWriter(out);
    print(report, source, top, w);
    w.flush();
    return out.toString();
  }

  /** Prints the report as text to {@code out}; see {@link #render(Report, String, int)}. */
  public static void print(Report report, String source, int top, PrintWriter out) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(source, "source");
    Model m = report.model();
    out.println("KUJA CONTINUITY REPORT — " + m.name().orElse(source));
    out.println(source + ": valid. " + m);
    out.println();
    out.println("SINGLE POINTS OF FAILURE OF CRITICAL FUNCTIONS");
    for (SpofReport r : report.spofs()) {
      Node f = m.requireNode(r.target());
      String crit = f.criticality().map(Criticality::label).orElse("");
      List<Spof> common = r.commonCause();
      out.printf("  %-28s %-9s %3d SPOFs, %d common-cause%n", r.target(), crit, r.spofs().size(), common.size());
      for (Spof s : common.subList(0, Math.min(SpofReport.SHOWN, common.size()))) {
        out.println("      common-cause  " + s.node() + ": " + s.pathText());
      }
      if (common.size() > SpofReport.SHOWN) {
        out.println("      … and " + (common.size() - SpofReport.SHOWN) + " more common-cause SPOFs");
      }
      List<Spof> direct = r.direct();
      List<String> shown = direct.stream().map(Spof::node).limit(DIRECT_SHOWN).toList();
      if (!shown.isEmpty()) {
        out.println("      direct        " + String.join(", ", shown)
            + (direct.size() > DIRECT_SHOWN ? ", … " + (direct.size() - DIRECT_SHOWN) + " more" : ""));
      }
    }
    out.println();
    out.println("WHERE TO INVEST: CRITICALITY RANKING");
    out.println(ranking(report.ranking(), top).indent(2).stripTrailing());
    out.println();
    out.println("INTERFACES BETWEEN ORGANISATIONS (yhdyspinnat)");
    InterfaceReport interfaces = report.interfaces();
    List<InterfaceReport.Group> risky = interfaces.groups().stream()
        .filter(g -> !g.spofInterfaces().isEmpty()).toList();
    out.printf("  %d requirements cross organisations; %d pairs of organisations have interfaces "
        + "that are single points of failure%n", interfaces.interfaces().size(), risky.size());
    for (InterfaceReport.Group g : risky) {
      out.println("  " + g.dependentOrganisation() + " depends on " + g.providerOrganisation() + ":");
      for (InterfaceReport.Interface i : g.spofInterfaces()) {
        out.println("      " + i.dependent() + " -> " + i.provider() + "  (SPOF of "
            + String.join(", ", i.spofOf()) + ")");
      }
    }
    out.println();
    coordination(report, out);
    if (!report.commitments().checks().isEmpty()) {
      out.println();
      commitments(report.commitments(), commonDirectory(report.model().sources()), out);
    }
    out.println();
    riskMatrix(report, out);
    out.println();
    objectives(report.objectives(), out);
    for (SimulationResult r : report.simulations()) {
      out.println();
      out.println("SCENARIO: " + r.scenario().name().toUpperCase(Locale.ROOT));
      out.println(r.toString().indent(2).stripTrailing());
    }
  }

  /** The coordination section: the matrix, then each pair's critical interfaces. */
  private static void coordination(Report report, PrintWriter out) {
    Model m = report.model();
    Coordination c = report.coordination();
    out.println("COORDINATION: WHO MUST PLAN WITH WHOM");
    out.println("  critical interfaces: requirements across organisations on the chain of a single point of");
    out.println("  failure of a vital or critical function; each cell the number of functions at stake");
    out.println(c.matrix().indent(2).stripTrailing());
    int common = commonDirectory(m.sources());
    for (Coordination.Pair p : c.pairs()) {
      out.println("  " + p.dependentOrganisation() + " needs " + p.providerOrganisation() + " ("
          + p.functions().size() + " at stake: " + String.join(", ", p.functions()) + "):");
      for (Coordination.CriticalInterface i : p.interfaces()) {
        String sources = m.source(i.dependent()).isPresent() && m.source(i.provider()).isPresent()
            && m.sources().size() > 1
            ? "  [" + m.source(i.dependent()).get().substring(common) + " -> "
                + m.source(i.provider()).get().substring(common) + "]" : "";
        out.println("      " + i.dependent() + " -> " + i.provider() + sources + "  "
            + String.join(", ", i.functions()));
      }
    }
  }

  /** The length of the directory all the documents share ("examples/region/"), to leave out. */
  private static int commonDirectory(List<String> documents) {
    if (documents.isEmpty()) {
      return 0;
    }
    String first = documents.get(0);
    int end = first.length();
    for (String d : documents) {
      int i = 0;
      while (i < Math.min(end, d.length()) && d.charAt(i) == first.charAt(i)) {
        i++;
      }
      end = i;
    }
    int slash = Math.max(first.lastIndexOf('/', end - 1), first.lastIndexOf('\\', end - 1));
    return end == 0 || slash < 0 ? 0 : slash + 1;
  }

  /** The commitments section: each commitment with its status, documents without their common directory. */
  private static void commitments(Commitments c, int common, PrintWriter out) {
    out.println("SERVICE COMMITMENTS AT THE INTERFACES");
    out.printf("  %d commitments, %d not kept by the provider's model%n", c.checks().size(), c.mismatches().size());
    for (Commitments.Check check : c.checks()) {
      String line = check.toString();
      if (check.declaredIn().isPresent()) {
        String d = check.declaredIn().get();
        line = line.replace("(declared in " + d + ")", "(declared in " + d.substring(Math.min(common, d.length())) + ")");
      }
      out.printf("  %-9s  %s%n", check.status().name().toLowerCase(Locale.ROOT), line);
    }
  }

  /** The matrix of the threats and, for all causes, each function's cell. */
  private static void riskMatrix(Report report, PrintWriter out) {
    if (report.riskMatrix().isEmpty()) {
      out.println("RISK MATRIX");
      out.println("  no function has impact thresholds (impacts:), so there is nothing to place on the matrix");
      return;
    }
    RiskMatrix m = report.riskMatrix().get();
    out.printf(Locale.ROOT, "RISK MATRIX (likelihood per year × impact level; %,d years per threat, seed %d)%n",
        m.allCauses().scenarios(), m.seed());
    out.println(m.matrixTable().indent(2).stripTrailing());
    out.println("  all causes (threats and reliability data together):");
    int width = m.allCauses().functions().stream().mapToInt(e -> e.function().length()).max().orElse(8);
    for (RiskMatrix.Entry e : m.allCauses().functions()) {
      out.println(String.format(Locale.ROOT, "    %-" + width + "s  %s", e.function(), e.cell()
          .map(c -> c + String.format(Locale.ROOT, " (P(%s or worse) %.3f a year)", c.level().label(),
              c.probability().value()))
          .orElse("no impact level reached")));
    }
  }

  /** The gaps between declared and required RTOs. */
  private static void objectives(RecoveryObjectives o, PrintWriter out) {
    out.println("RECOVERY OBJECTIVES: DECLARED RTO LONGER THAN REQUIRED");
    List<NodeObjectives> gaps = o.gaps();
    if (gaps.isEmpty()) {
      out.println("  none: every declared RTO is within what the functions need");
    }
    for (NodeObjectives n : gaps) {
      RequiredTime r = n.requiredRto().orElseThrow();
      out.println("  " + n.node() + ": declared " + Durations.format(n.declaredRto().orElseThrow())
          + ", required " + Durations.format(r.duration()) + " by " + r.function() + " (+"
          + Durations.format(n.gap().orElseThrow()) + ")");
      out.println("      " + String.join(" -> ", r.chain()));
    }
    out.println("  functions whose own recovery time is at least their RTO: "
        + (o.recoveryOverRto().isEmpty() ? "none" : String.join(", ", o.recoveryOverRto())));
  }

  /**
   * The first {@code top} rows of the ranking as a table (rank, node, score, functions lost),
   * stopping at the first node that brings no function down; as {@code kuja rank} prints it.
   */
  public static String ranking(Ranking r, int top) {
    if (top < 1) {
      // "no node brings a function down alone" would be false
      throw new IllegalArgumentException("the ranking shows at least 1 row, not " + top);
    }
    StringBuilder sb = new StringBuilder(String.format("%4s  %-26s %6s  %s%n", "rank", "node", "score", "functions lost"));
    int rank = 0;
    for (Ranking.Entry e : r.top(top)) {
      if (e.score() == 0) {
        break;
      }
      sb.append(String.format("%4d  %-26s %6.0f  %s%n", ++rank, e.node(), e.score(), String.join(", ", e.functions())));
    }
    if (rank == 0) {
      sb.append("  no node brings a function down alone\n");
    }
    return sb.toString().stripTrailing();
  }
}
