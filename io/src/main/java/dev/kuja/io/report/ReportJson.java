package dev.kuja.io.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kuja.analysis.CutSets;
import dev.kuja.analysis.InterfaceReport;
import dev.kuja.analysis.Ranking;
import dev.kuja.analysis.Spof;
import dev.kuja.analysis.SpofReport;
import dev.kuja.model.Durations;
import dev.kuja.model.External;
import dev.kuja.model.Model;
import dev.kuja.region.Commitments;
import dev.kuja.report.Coordination;
import dev.kuja.report.Report;
import dev.kuja.simulation.FunctionOutcome;
import dev.kuja.simulation.Outage;
import dev.kuja.simulation.SimulationResult;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The continuity report as one JSON object, the output of {@code kuja report --json}
 * (docs/cli.md#kuja-report): {@code {"model", "valid", "nodes", "top", "totals", "functions",
 * "ranking", "interfaces", "coordination", "commitments", "scenarios", "risk", "objectives"}}.
 *
 * <p>Bounded: with a {@code top} of N, every list is cut to its first N items and has its full
 * size beside it ({@code "spofCount"} beside {@code "spofs"}, and so on), and {@code "totals"}
 * counts every part in full; so the output of a national model stays a few hundred kilobytes.
 * With {@link #ALL} nothing is cut. Either way every item has the shape the command that shows
 * it alone gives it ({@code spof}, {@code rank}, {@code simulate}, {@code risk}, {@code
 * objectives}; see {@link ResultsJson} and {@link RiskJson}), with the counts added, and the
 * report is written as it is made, to a {@link Writer}, never held whole in memory.
 */
public final class ReportJson {

  /** The {@code top} that cuts nothing. */
  public static final int ALL = Integer.MAX_VALUE;

  private ReportJson() {}

  /** The whole report, nothing cut, as a pretty-printed JSON object. */
  public static String render(Report report) {
    return render(report, ALL);
  }

  /** The report with every list cut to {@code top} items, as a pretty-printed JSON object. */
  public static String render(Report report, int top) {
    Objects.requireNonNull(report, "report");
    checkTop(top);
    return ResultsJson.object(g -> write(g, report, top));
  }

  /**
   * Writes the report with every list cut to {@code top} items ({@link #ALL} for everything) to
   * {@code out} as one pretty-printed JSON object, as it goes. {@code out} is flushed, not
   * closed.
   */
  public static void write(Report report, int top, Writer out) {
    Objects.requireNonNull(report, "report");
    checkTop(top);
    ResultsJson.write(out, g -> write(g, report, top));
  }

  /** The fields of {@link #render(Report)} — the whole report — into an object {@code g} has open. */
  public static void write(JsonGenerator g, Report report) throws IOException {
    write(g, report, ALL);
  }

  private static void checkTop(int top) {
    if (top < 0) {
      throw new IllegalArgumentException("the number of items per list must not be negative, not " + top);
    }
  }

  /** The fields of {@link #render(Report, int)}, into an object {@code g} has open. */
  public static void write(JsonGenerator g, Report report, int top) throws IOException {
    g.writeStringField("model", report.model().name().orElse(""));
    g.writeBooleanField("valid", true);
    g.writeNumberField("nodes", report.model().size());
    if (top == ALL) {
      g.writeNullField("top");
    } else {
      g.writeNumberField("top", top);
    }
    totals(g, report.totals());
    g.writeArrayFieldStart("functions");
    for (SpofReport r : first(report.byExposure(), top)) {
      g.writeStartObject();
      g.writeStringField("id", r.target());
      g.writeNullField("horizon");
      g.writeNumberField("spofCount", r.spofs().size());
      g.writeNumberField("commonCauseCount", r.commonCauseCount());
      g.writeArrayFieldStart("spofs");
      for (Spof s : first(r.spofs(), top)) {
        g.writeStartObject();
        g.writeStringField("node", s.node());
        g.writeBooleanField("commonCause", s.commonCause());
        strings(g, "path", s.path(), ALL);
        g.writeEndObject();
      }
      g.writeEndArray();
      Optional<CutSets> sets = report.cutSets(r.target());
      if (sets.isPresent()) {
        List<Set<String>> pairs = sets.get().ofOrder(2);
        g.writeNumberField("doublePointCount", pairs.size());
        g.writeArrayFieldStart("doublePoints");
        for (Set<String> pair : first(pairs, top)) {
          strings(g, pair);
        }
        g.writeEndArray();
      } else {
        g.writeNullField("doublePointCount");
        g.writeNullField("doublePoints");
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("ranking");
    for (Ranking.Entry e : first(report.ranking().entries(), top)) {
      g.writeStartObject();
      g.writeStringField("node", e.node());
      g.writeNumberField("functionCount", e.functions().size());
      strings(g, "functions", e.functions(), top);
      g.writeNumberField("score", e.score());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("interfaces");
    for (InterfaceReport.Group group : first(report.interfaces().groups(), top)) {
      g.writeStartObject();
      g.writeStringField("dependent", group.dependentOrganisation());
      g.writeStringField("provider", group.providerOrganisation());
      g.writeNumberField("interfaceCount", group.interfaces().size());
      g.writeNumberField("spofInterfaceCount", group.spofInterfaces().size());
      g.writeArrayFieldStart("interfaces");
      for (InterfaceReport.Interface i : first(group.interfaces(), top)) {
        g.writeStartObject();
        g.writeStringField("dependent", i.dependent());
        g.writeStringField("provider", i.provider());
        g.writeNumberField("requirement", i.requirement() + 1);
        g.writeBooleanField("redundant", i.redundant());
        g.writeNumberField("spofOfCount", i.spofOf().size());
        strings(g, "spofOf", i.spofOf(), top);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeFieldName("coordination");
    writeCoordination(g, report.coordination(), report.model(), top);
    g.writeFieldName("commitments");
    writeCommitments(g, report.commitments(), top);
    g.writeArrayFieldStart("scenarios");
    for (SimulationResult r : report.simulations()) {
      g.writeStartObject();
      if (top == ALL) {
        ResultsJson.writeSimulation(g, r);
      } else {
        boundedSimulation(g, r, top);
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    if (report.riskMatrix().isPresent()) {
      g.writeObjectFieldStart("risk");
      RiskJson.writeRiskMatrix(g, report.riskMatrix().get(), top);
      g.writeEndObject();
    } else {
      g.writeNullField("risk");
    }
    g.writeObjectFieldStart("objectives");
    RiskJson.writeObjectives(g, report.objectives(), top);
    g.writeEndObject();
  }

  private static void totals(JsonGenerator g, Report.Totals t) throws IOException {
    g.writeObjectFieldStart("totals");
    g.writeNumberField("functions", t.functions());
    g.writeNumberField("functionsWithSpofs", t.functionsWithSpofs());
    g.writeNumberField("spofs", t.spofs());
    g.writeNumberField("commonCause", t.commonCause());
    g.writeNumberField("doublePointFunctions", t.doublePointFunctions());
    g.writeNumberField("doublePoints", t.doublePoints());
    g.writeNumberField("criticalNodes", t.criticalNodes());
    g.writeNumberField("interfaces", t.interfaces());
    g.writeNumberField("spofInterfaces", t.spofInterfaces());
    g.writeNumberField("interfaceGroups", t.interfaceGroups());
    g.writeNumberField("spofGroups", t.spofGroups());
    g.writeNumberField("coordinationPairs", t.coordinationPairs());
    g.writeNumberField("commitments", t.commitments());
    g.writeNumberField("commitmentMismatches", t.commitmentMismatches());
    g.writeEndObject();
  }

  /**
   * The coordination matrix as a JSON object value (docs/cli.md#kuja-report), every list cut to
   * {@code top} items ({@link #ALL} for everything) with its size beside it: {@code
   * {"organisationCount", "organisations": [ids], "pairCount", "pairs": [{"dependent", "provider",
   * "functionCount", "functions": [ids], "interfaceCount", "interfaces": [{"dependent",
   * "dependentSource", "provider", "providerSource", "requirement", "redundant", "functionCount",
   * "functions"}]}]}}; a source is the document a node came from, or null.
   */
  public static void writeCoordination(JsonGenerator g, Coordination c, Model model, int top) throws IOException {
    g.writeStartObject();
    g.writeNumberField("organisationCount", c.organisations().size());
    strings(g, "organisations", c.organisations(), top);
    g.writeNumberField("pairCount", c.pairs().size());
    g.writeArrayFieldStart("pairs");
    for (Coordination.Pair p : first(c.pairs(), top)) {
      g.writeStartObject();
      g.writeStringField("dependent", p.dependentOrganisation());
      g.writeStringField("provider", p.providerOrganisation());
      g.writeNumberField("functionCount", p.functions().size());
      strings(g, "functions", p.functions(), top);
      g.writeNumberField("interfaceCount", p.interfaces().size());
      g.writeArrayFieldStart("interfaces");
      for (Coordination.CriticalInterface i : first(p.interfaces(), top)) {
        g.writeStartObject();
        g.writeStringField("dependent", i.dependent());
        nullable(g, "dependentSource", model.source(i.dependent()));
        g.writeStringField("provider", i.provider());
        nullable(g, "providerSource", model.source(i.provider()));
        g.writeNumberField("requirement", i.requirement() + 1);
        g.writeBooleanField("redundant", i.redundant());
        g.writeNumberField("functionCount", i.functions().size());
        strings(g, "functions", i.functions(), top);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * The first {@code top} commitments ({@link #ALL} for every one) as a JSON array value: {@code
   * [{"node", "kind", "provider", "declaredIn", "rto", "tolerance", "status", "findings":
   * [text]}]}, status {@code kept}, {@code mismatch} or {@code unchecked}; absent values null.
   * Their number is in the report's totals.
   */
  public static void writeCommitments(JsonGenerator g, Commitments c, int top) throws IOException {
    g.writeStartArray();
    for (Commitments.Check check : first(c.checks(), top)) {
      External e = check.external();
      g.writeStartObject();
      g.writeStringField("node", e.id());
      g.writeStringField("kind", e.kind().label());
      g.writeStringField("provider", e.provider());
      nullable(g, "declaredIn", check.declaredIn());
      nullable(g, "rto", e.rto().map(Durations::format));
      nullable(g, "tolerance", e.tolerance().map(Durations::format));
      g.writeStringField("status", check.status().name().toLowerCase(Locale.ROOT));
      strings(g, "findings", check.findings(), ALL);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * A simulation with its lists cut: the affected functions, those beyond their MTPD first, then
   * by downtime, longest first (then model order); the nodes that went down and the locked ones
   * in the result's order. Each function and node is written as {@code simulate --json} writes
   * it.
   */
  private static void boundedSimulation(JsonGenerator g, SimulationResult r, int top) throws IOException {
    g.writeStringField("scenario", r.scenario().name());
    g.writeStringField("horizon", Durations.format(r.scenario().horizon()));
    List<FunctionOutcome> affected = TextReport.affected(r);
    g.writeNumberField("functionCount", r.functions().size());
    g.writeNumberField("affectedCount", affected.size());
    g.writeNumberField("mtpdBreachCount", r.mtpdBreaches().size());
    g.writeArrayFieldStart("functions");
    for (FunctionOutcome f : first(affected, top)) {
      g.writeStartObject();
      ResultsJson.writeOutcome(g, f);
      g.writeEndObject();
    }
    g.writeEndArray();
    Map<String, List<Outage>> timelines = r.timelines();
    g.writeNumberField("nodeCount", timelines.size());
    g.writeObjectFieldStart("nodes");
    int written = 0;
    for (Map.Entry<String, List<Outage>> e : timelines.entrySet()) {
      if (written++ == top) {
        break;
      }
      ResultsJson.outages(g, e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeNumberField("lockedCount", r.locked().size());
    strings(g, "locked", r.locked(), top);
  }

  private static <T> List<T> first(List<T> list, int top) {
    return list.size() <= top ? list : list.subList(0, top);
  }

  private static void strings(JsonGenerator g, String key, Collection<String> values, int top) throws IOException {
    g.writeArrayFieldStart(key);
    int written = 0;
    for (String v : values) {
      if (written++ == top) {
        break;
      }
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void strings(JsonGenerator g, Collection<String> values) throws IOException {
    g.writeStartArray();
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void nullable(JsonGenerator g, String field, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      g.writeStringField(field, value.get());
    } else {
      g.writeNullField(field);
    }
  }
}
