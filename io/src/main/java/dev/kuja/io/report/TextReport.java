package dev.kuja.io.report;

import dev.kuja.analysis.CutSets;
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
import dev.kuja.simulation.CausalChain;
import dev.kuja.simulation.FunctionOutcome;
import dev.kuja.scenario.RiskMatrix;
import dev.kuja.simulation.NodeObjectives;
import dev.kuja.simulation.RecoveryObjectives;
import dev.kuja.simulation.RequiredTime;
import dev.kuja.simulation.SimulationResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The continuity report as text for a terminal, as {@code kuja report} prints it
 * (docs/cli.md#kuja-report): a title, the validity of the model, then the sections <i>single
 * points of failure of critical functions</i> (the most exposed functions first: per function
 * its count, each common-cause SPOF with its path, up to 8 direct ones, its double points of
 * failure when the report found them), <i>where to invest: criticality ranking</i>,
 * <i>interfaces between organisations</i> (the pairs with SPOF interfaces, and those
 * interfaces), <i>coordination: who must plan with whom</i> (the matrix of critical interfaces
 * and the functions at stake, each node with its document), <i>service commitments at the
 * interfaces</i> (when the model declares externals with commitments), <i>risk matrix</i> (the
 * threats' cells on the five-by-five matrix, and each function's cell for all causes),
 * <i>recovery objectives</i> (the declared RTOs longer than required, and the functions whose
 * recovery time misses their RTO) and one <i>scenario</i>
 * section per simulation.
 *
 * <p>Bounded: with a {@code top} of N, every section and every list in it shows its first N items
 * and says how many there are in all, so the text of a national model fits on a few screens;
 * {@link ReportJson#ALL} shows everything.
 */
public final class TextReport {

  /** The items per list a report shows unless told otherwise. */
  public static final int DEFAULT_TOP = 15;

  /** The most organisations the coordination matrix is drawn for in a bounded report. */
  static final int MATRIX_LIMIT = 40;

  /** Direct SPOFs listed per function; the rest are counted. */
  private static final int DIRECT_SHOWN = 8;

  private TextReport() {}

  /**
   * The report as text, the model named by its name (or "model"), with the first {@value
   * #DEFAULT_TOP} items of every list.
   */
  public static String render(Report report) {
    return render(report, report.model().name().orElse("model"), DEFAULT_TOP);
  }

  /**
   * The report as text.
   *
   * @param source what the model was read from, such as its file: the title when the model has
   *               no name, and the subject of the line that says it is valid
   * @param top    items shown per list ({@link ReportJson#ALL} for all)
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
    if (top < 0) {
      throw new IllegalArgumentException("the number of items per list must not be negative, not " + top);
    }
    Model m = report.model();
    Report.Totals t = report.totals();
    out.println("KUJA CONTINUITY REPORT — " + m.name().orElse(source));
    out.println(source + ": valid. " + m);
    out.println();
    out.println("SINGLE POINTS OF FAILURE OF CRITICAL FUNCTIONS");
    out.println(String.format(Locale.ROOT, "  %,d functions, %,d of them with single points of failure: "
        + "%,d in all, %,d common-cause.", t.functions(), t.functionsWithSpofs(), t.spofs(), t.commonCause()));
    List<SpofReport> shown = first(report.byExposure(), top);
    if (shown.size() < t.functions()) {
      out.println(String.format(Locale.ROOT, "  The %,d most exposed (vital first, then by common-cause "
          + "SPOFs, then by SPOFs):", shown.size()));
    }
    for (SpofReport r : shown) {
      Node f = m.requireNode(r.target());
      String crit = f.criticality().map(Criticality::label).orElse("");
      out.printf("  %-28s %-9s %3d SPOFs, %d common-cause%n", r.target(), crit, r.spofs().size(),
          r.commonCauseCount());
      List<Spof> common = r.commonCause();
      for (Spof s : first(common, top)) {
        out.println("      common-cause  " + s.node() + ": " + s.pathText());
      }
      more(out, "      ", common.size(), top, "common-cause SPOFs");
      List<Spof> direct = r.direct();
      List<String> names = direct.stream().map(Spof::node).limit(Math.min(DIRECT_SHOWN, top)).toList();
      if (!names.isEmpty()) {
        out.println("      direct        " + String.join(", ", names)
            + (direct.size() > names.size() ? ", … " + (direct.size() - names.size()) + " more" : ""));
      }
      Optional<CutSets> sets = report.cutSets(r.target());
      if (sets.isPresent()) {
        List<Set<String>> pairs = sets.get().ofOrder(2);
        String listed = first(pairs, top).stream().map(p -> String.join(" + ", p))
            .collect(Collectors.joining("; "));
        out.println("      double        " + (pairs.isEmpty() ? "none" : listed
            + (pairs.size() > top ? "; … " + (pairs.size() - top) + " more" : "")));
      }
    }
    more(out, "  ", t.functions(), top, "functions");
    if (t.doublePointFunctions() < t.functions()) {
      out.println(String.format(Locale.ROOT, "  Double points of failure were found for the %,d most "
          + "exposed functions: %,d.", t.doublePointFunctions(), t.doublePoints()));
    }
    out.println();
    out.println("WHERE TO INVEST: CRITICALITY RANKING");
    out.println(String.format(Locale.ROOT, "  %,d of %,d nodes bring a function down alone.",
        t.criticalNodes(), m.size()));
    out.println(ranking(report.ranking(), top, top).indent(2).stripTrailing());
    more(out, "  ", t.criticalNodes(), top, "nodes that bring a function down");
    out.println();
    out.println("INTERFACES BETWEEN ORGANISATIONS (yhdyspinnat)");
    InterfaceReport interfaces = report.interfaces();
    List<InterfaceReport.Group> risky = interfaces.groups().stream()
        .filter(g -> !g.spofInterfaces().isEmpty()).toList();
    out.println(String.format(Locale.ROOT, "  %,d requirements cross organisations; %,d pairs of "
        + "organisations have interfaces that are single points of failure (%,d interfaces)",
        t.interfaces(), t.spofGroups(), t.spofInterfaces()));
    for (InterfaceReport.Group g : first(risky, top)) {
      out.println("  " + g.dependentOrganisation() + " depends on " + g.providerOrganisation() + ":");
      List<InterfaceReport.Interface> spofs = g.spofInterfaces();
      for (InterfaceReport.Interface i : first(spofs, top)) {
        out.println("      " + i.dependent() + " -> " + i.provider() + "  (SPOF of "
            + names(i.spofOf(), top) + ")");
      }
      more(out, "      ", spofs.size(), top, "SPOF interfaces");
    }
    more(out, "  ", risky.size(), top, "pairs");
    out.println();
    coordination(report, top, out);
    if (!report.commitments().checks().isEmpty()) {
      out.println();
      commitments(report.commitments(), commonDirectory(report.model().sources()), top, out);
    }
    out.println();
    riskMatrix(report, top, out);
    out.println();
    objectives(report.objectives(), top, out);
    for (SimulationResult r : report.simulations()) {
      out.println();
      out.println("SCENARIO: " + r.scenario().name().toUpperCase(Locale.ROOT));
      out.println((top == ReportJson.ALL ? r.toString() : scenario(r, top)).indent(2).stripTrailing());
    }
  }

  /** "… and 12 more ITEMS" when a list of {@code size} was cut at {@code top}. */
  private static void more(PrintWriter out, String indent, long size, int top, String items) {
    if (size > top) {
      out.println(String.format(Locale.ROOT, "%s… and %,d more %s", indent, size - top, items));
    }
  }

  private static String names(List<String> ids, int top) {
    return String.join(", ", first(ids, top))
        + (ids.size() > top ? String.format(Locale.ROOT, ", … %,d more", ids.size() - top) : "");
  }

  private static <T> List<T> first(List<T> list, int top) {
    return list.size() <= top ? list : list.subList(0, top);
  }

  /**
   * The affected functions of a simulation: those beyond their MTPD first, then by downtime,
   * longest first, then in model order. The order in which bounded reports list them.
   */
  static List<FunctionOutcome> affected(SimulationResult r) {
    List<FunctionOutcome> hit = new ArrayList<>();
    for (FunctionOutcome f : r.functions()) {
      if (f.affected()) {
        hit.add(f);
      }
    }
    hit.sort(Comparator.comparing((FunctionOutcome f) -> !f.mtpdExceeded())
        .thenComparing(FunctionOutcome::downtime, Comparator.reverseOrder()));
    return hit;
  }

  /**
   * A simulation as {@link SimulationResult#toString()} writes it, its lists cut at {@code top}:
   * the affected functions in the order of {@link #affected(SimulationResult)}, the locked nodes,
   * and the causal chains of the functions shown.
   */
  static String scenario(SimulationResult r, int top) {
    List<FunctionOutcome> hit = affected(r);
    List<FunctionOutcome> shown = first(hit, top);
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "Scenario '%s' over %s: %,d nodes went down, %,d of %,d functions affected, %,d MTPD breached",
        r.scenario().name(), Durations.format(r.scenario().horizon()), r.timelines().size(),
        hit.size(), r.functions().size(), r.mtpdBreaches().size()));
    if (!shown.isEmpty()) {
      int width = Math.max(8, shown.stream().mapToInt(f -> f.function().length()).max().orElse(8));
      String row = "%n  %-" + width + "s %-10s %-10s %-10s %-8s %s";
      sb.append(String.format(row, "function", "down at", "downtime", "longest", "MTPD", "breach"));
      for (FunctionOutcome f : shown) {
        sb.append(String.format(row, f.function(),
            Durations.format(f.firstImpact().orElseThrow()), Durations.format(f.downtime()),
            Durations.format(f.longestOutage()), f.mtpd().map(Durations::format).orElse("-"),
            f.mtpdExceeded() ? "+" + Durations.format(f.mtpdExcess()) : "-"));
      }
      if (hit.size() > top) {
        sb.append(String.format(Locale.ROOT, "%n  … and %,d more affected functions", hit.size() - top));
      }
    }
    sb.append("\n  locked (need a black start): ")
        .append(r.locked().isEmpty() ? "none" : names(List.copyOf(r.locked()), top));
    for (FunctionOutcome f : shown) {
      if (!f.chains().isEmpty()) {
        CausalChain chain = f.chains().get(0);
        sb.append("\n  why ").append(f.function()).append(":\n    ")
            .append(chain.toString().replace("\n", "\n  "));
      }
    }
    return sb.toString();
  }

  /**
   * The coordination section: the matrix (when it has at most {@value #MATRIX_LIMIT}
   * organisations), then each pair's critical interfaces, cut at {@code top}.
   */
  private static void coordination(Report report, int top, PrintWriter out) {
    Model m = report.model();
    Coordination c = report.coordination();
    out.println("COORDINATION: WHO MUST PLAN WITH WHOM");
    out.println("  critical interfaces: requirements across organisations on the chain of a single point of");
    out.println("  failure of a vital or critical function; each cell the number of functions at stake");
    if (c.organisations().size() <= MATRIX_LIMIT || top == ReportJson.ALL) {
      out.println(c.matrix().indent(2).stripTrailing());
    } else {
      out.println(String.format(Locale.ROOT, "  %,d organisations in %,d pairs: too many for a matrix; "
          + "the pairs with the most functions at stake follow", c.organisations().size(), c.pairs().size()));
    }
    int common = commonDirectory(m.sources());
    for (Coordination.Pair p : first(c.pairs(), top)) {
      out.println("  " + p.dependentOrganisation() + " needs " + p.providerOrganisation() + " ("
          + p.functions().size() + " at stake: " + names(p.functions(), top) + "):");
      for (Coordination.CriticalInterface i : first(p.interfaces(), top)) {
        String sources = m.source(i.dependent()).isPresent() && m.source(i.provider()).isPresent()
            && m.sources().size() > 1
            ? "  [" + m.source(i.dependent()).get().substring(common) + " -> "
                + m.source(i.provider()).get().substring(common) + "]" : "";
        out.println("      " + i.dependent() + " -> " + i.provider() + sources + "  "
            + names(i.functions(), top));
      }
      more(out, "      ", p.interfaces().size(), top, "critical interfaces");
    }
    more(out, "  ", c.pairs().size(), top, "pairs");
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
  private static void commitments(Commitments c, int common, int top, PrintWriter out) {
    out.println("SERVICE COMMITMENTS AT THE INTERFACES");
    out.printf("  %d commitments, %d not kept by the provider's model%n", c.checks().size(), c.mismatches().size());
    for (Commitments.Check check : first(c.checks(), top)) {
      String line = check.toString();
      if (check.declaredIn().isPresent()) {
        String d = check.declaredIn().get();
        line = line.replace("(declared in " + d + ")", "(declared in " + d.substring(Math.min(common, d.length())) + ")");
      }
      out.printf("  %-9s  %s%n", check.status().name().toLowerCase(Locale.ROOT), line);
    }
    more(out, "  ", c.checks().size(), top, "commitments");
  }

  /** The matrix of the threats and, for all causes, each function's cell. */
  private static void riskMatrix(Report report, int top, PrintWriter out) {
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
    List<RiskMatrix.Entry> entries = first(m.allCauses().functions(), top);
    int width = entries.stream().mapToInt(e -> e.function().length()).max().orElse(8);
    for (RiskMatrix.Entry e : entries) {
      out.println(String.format(Locale.ROOT, "    %-" + width + "s  %s", e.function(), e.cell()
          .map(c -> c + String.format(Locale.ROOT, " (P(%s or worse) %.3f a year)", c.level().label(),
              c.probability().value()))
          .orElse("no impact level reached")));
    }
    more(out, "    ", m.allCauses().functions().size(), top, "functions");
  }

  /** The gaps between declared and required RTOs. */
  private static void objectives(RecoveryObjectives o, int top, PrintWriter out) {
    out.println("RECOVERY OBJECTIVES: DECLARED RTO LONGER THAN REQUIRED");
    List<NodeObjectives> gaps = o.gaps();
    if (gaps.isEmpty()) {
      out.println("  none: every declared RTO is within what the functions need");
    }
    for (NodeObjectives n : first(gaps, top)) {
      RequiredTime r = n.requiredRto().orElseThrow();
      out.println("  " + n.node() + ": declared " + Durations.format(n.declaredRto().orElseThrow())
          + ", required " + Durations.format(r.duration()) + " by " + r.function() + " (+"
          + Durations.format(n.gap().orElseThrow()) + ")");
      out.println("      " + String.join(" -> ", r.chain()));
    }
    more(out, "  ", gaps.size(), top, "declared RTOs longer than required");
    out.println("  functions whose own recovery time is at least their RTO: "
        + (o.recoveryOverRto().isEmpty() ? "none" : names(o.recoveryOverRto(), top)));
  }

  /**
   * The first {@code top} rows of the ranking as a table (rank, node, score, functions lost),
   * stopping at the first node that brings no function down; as {@code kuja rank} prints it.
   */
  public static String ranking(Ranking r, int top) {
    return ranking(r, top, ReportJson.ALL);
  }

  /**
   * The first {@code top} rows of the ranking as a table, each row's functions cut at {@code
   * names} (and counted).
   */
  private static String ranking(Ranking r, int top, int names) {
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
      sb.append(String.format("%4d  %-26s %6.0f  %s%n", ++rank, e.node(), e.score(), names(e.functions(), names)));
    }
    if (rank == 0) {
      sb.append("  no node brings a function down alone\n");
    }
    return sb.toString().stripTrailing();
  }
}
