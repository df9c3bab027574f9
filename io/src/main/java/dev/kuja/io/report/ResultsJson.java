package dev.kuja.io.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kuja.analysis.CutSets;
import dev.kuja.analysis.DependencyClosure;
import dev.kuja.analysis.FailureTimes;
import dev.kuja.analysis.Impact;
import dev.kuja.analysis.InterfaceReport;
import dev.kuja.analysis.Ranking;
import dev.kuja.analysis.Spof;
import dev.kuja.analysis.SpofReport;
import dev.kuja.io.Format;
import dev.kuja.io.syntax.Writers;
import dev.kuja.model.Durations;
import dev.kuja.model.Problem;
import dev.kuja.scenario.DurationEstimate;
import dev.kuja.scenario.EnsembleResult;
import dev.kuja.scenario.EnsembleSweep;
import dev.kuja.scenario.Estimate;
import dev.kuja.scenario.FunctionRisk;
import dev.kuja.scenario.ImportanceReport;
import dev.kuja.scenario.NodeImportance;
import dev.kuja.simulation.CausalChain;
import dev.kuja.simulation.FunctionOutcome;
import dev.kuja.simulation.Outage;
import dev.kuja.simulation.SimulationResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Analysis and simulation results as JSON, one object each, durations as ISO-8601 strings. The
 * shapes are those of the {@code kuja} command's {@code --json} output (docs/cli.md#conventions), with a few
 * more keys where they help.
 *
 * <p>Each result type has one writer, {@code writeX(generator, result)}, that writes the fields
 * of its object into an object the generator has open, so that larger documents (the report,
 * {@link ReportJson}) compose the same writers; {@code x(result)} is the result alone as a
 * pretty-printed JSON object.
 */
public final class ResultsJson {

  private ResultsJson() {}

  /** Writes fields into an open object, as the {@code writeX} methods of this class do. */
  @FunctionalInterface
  public interface Body {
    /** Writes the fields. */
    void write(JsonGenerator g) throws IOException;
  }

  /**
   * Streams one pretty-printed JSON object with the fields {@code body} writes to {@code out},
   * exactly as the {@code x(result)} methods return it, without holding it in memory (a result
   * can run to gigabytes: a 20,000-node chain has 20,000 SPOFs with paths of up to 20,000 ids).
   * {@code out} is flushed, not closed.
   */
  public static void write(Writer out, Body body) {
    try (JsonGenerator g = Writers.generator(Format.JSON, out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One pretty-printed JSON object with the fields {@code body} writes. */
  static String object(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Writers.generator(Format.JSON, out)) {
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void strings(JsonGenerator g, String key, Collection<String> values) throws IOException {
    g.writeArrayFieldStart(key);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void duration(JsonGenerator g, String key, Optional<Duration> d) throws IOException {
    if (d.isPresent()) {
      g.writeStringField(key, Durations.format(d.get()));
    } else {
      g.writeNullField(key);
    }
  }

  /** {@code {"valid": bool, "errors": [{"location", "message"}]}}. */
  public static String validation(List<Problem> problems) {
    return object(g -> writeValidation(g, problems));
  }

  /** The fields of {@link #validation(List)}. */
  public static void writeValidation(JsonGenerator g, List<Problem> problems) throws IOException {
    g.writeBooleanField("valid", problems.isEmpty());
    g.writeArrayFieldStart("errors");
    for (Problem p : problems) {
      g.writeStartObject();
      g.writeStringField("location", p.location().map(Problem.Location::toString).orElse(""));
      g.writeStringField("message", p.description());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** {@code {"initial": [...], "horizon": D|null, "failed": [...], "functions": [...]}}. */
  public static String impact(Impact impact) {
    return object(g -> writeImpact(g, impact));
  }

  /** The fields of {@link #impact(Impact)}. */
  public static void writeImpact(JsonGenerator g, Impact impact) throws IOException {
    strings(g, "initial", impact.initial());
    duration(g, "horizon", impact.horizon());
    strings(g, "failed", impact.failed());
    strings(g, "functions", impact.functions());
  }

  /** {@code {"initial": [...], "times": {"node": D, ...}}}, earliest first. */
  public static String failureTimes(FailureTimes times) {
    return object(g -> writeFailureTimes(g, times));
  }

  /** The fields of {@link #failureTimes(FailureTimes)}. */
  public static void writeFailureTimes(JsonGenerator g, FailureTimes times) throws IOException {
    strings(g, "initial", times.initial());
    duration(g, "horizon", times.horizon());
    g.writeObjectFieldStart("times");
    for (Map.Entry<String, Duration> e : times.times().entrySet()) {
      g.writeStringField(e.getKey(), Durations.format(e.getValue()));
    }
    g.writeEndObject();
  }

  /** {@code {"functions": [{"id", "spofs": [{"node", "commonCause", "path"}]}]}}. */
  public static String spofs(List<SpofReport> reports) {
    return object(g -> writeSpofs(g, reports));
  }

  /** The fields of {@link #spofs(List)}. */
  public static void writeSpofs(JsonGenerator g, List<SpofReport> reports) throws IOException {
    g.writeArrayFieldStart("functions");
    for (SpofReport r : reports) {
      g.writeStartObject();
      g.writeStringField("id", r.target());
      duration(g, "horizon", r.horizon());
      g.writeArrayFieldStart("spofs");
      for (Spof s : r.spofs()) {
        g.writeStartObject();
        g.writeStringField("node", s.node());
        g.writeBooleanField("commonCause", s.commonCause());
        strings(g, "path", s.path());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** {@code {"function": F, "order": K, "cutsets": [[...], ...]}}. */
  public static String cutSets(CutSets c) {
    return object(g -> writeCutSets(g, c));
  }

  /** The fields of {@link #cutSets(CutSets)}. */
  public static void writeCutSets(JsonGenerator g, CutSets c) throws IOException {
    g.writeStringField("function", c.target());
    g.writeNumberField("order", c.maxOrder());
    g.writeArrayFieldStart("cutsets");
    for (Set<String> s : c.sets()) {
      g.writeStartArray();
      for (String id : s) {
        g.writeString(id);
      }
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  /** {@code {"ranking": [{"node", "functions", "score"}]}}, highest first. */
  public static String ranking(Ranking r) {
    return object(g -> writeRanking(g, r));
  }

  /** The fields of {@link #ranking(Ranking)}. */
  public static void writeRanking(JsonGenerator g, Ranking r) throws IOException {
    g.writeArrayFieldStart("ranking");
    for (Ranking.Entry e : r.entries()) {
      g.writeStartObject();
      g.writeStringField("node", e.node());
      strings(g, "functions", e.functions());
      g.writeNumberField("score", e.score());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** {@code {"root", "direction", "tiers": {"node": tier}}}. */
  public static String closure(DependencyClosure c) {
    return object(g -> writeClosure(g, c));
  }

  /** The fields of {@link #closure(DependencyClosure)}. */
  public static void writeClosure(JsonGenerator g, DependencyClosure c) throws IOException {
    g.writeStringField("root", c.root());
    g.writeStringField("direction", c.direction().name().toLowerCase(java.util.Locale.ROOT));
    g.writeObjectFieldStart("tiers");
    for (Map.Entry<String, Integer> e : c.tiers().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  /** {@code {"groups": [{"dependent", "provider", "interfaces": [...]}]}}. */
  public static String interfaces(InterfaceReport r) {
    return object(g -> writeInterfaces(g, r));
  }

  /** The fields of {@link #interfaces(InterfaceReport)}: {@code "groups"} and its array. */
  public static void writeInterfaces(JsonGenerator g, InterfaceReport r) throws IOException {
    g.writeFieldName("groups");
    writeInterfaceGroups(g, r);
  }

  /**
   * The groups of an interface report as a JSON array value, {@code [{"dependent", "provider",
   * "interfaces": [{"dependent", "provider", "requirement", "redundant", "spofOf"}]}]}: the
   * {@code "groups"} of {@link #interfaces(InterfaceReport)} and the {@code "interfaces"} of the
   * report.
   */
  public static void writeInterfaceGroups(JsonGenerator g, InterfaceReport r) throws IOException {
    g.writeStartArray();
    for (InterfaceReport.Group group : r.groups()) {
      g.writeStartObject();
      g.writeStringField("dependent", group.dependentOrganisation());
      g.writeStringField("provider", group.providerOrganisation());
      g.writeArrayFieldStart("interfaces");
      for (InterfaceReport.Interface i : group.interfaces()) {
        g.writeStartObject();
        g.writeStringField("dependent", i.dependent());
        g.writeStringField("provider", i.provider());
        g.writeNumberField("requirement", i.requirement() + 1);
        g.writeBooleanField("redundant", i.redundant());
        strings(g, "spofOf", i.spofOf());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * {@code {"scenario", "horizon", "functions": [{"id", "down": [{"from", "to"}], "firstImpact",
   * "downtime", "longestOutage", "mtpd", "mtpdExceeded", "mtpdExcess", "impactLevel", "impacts":
   * [{"category", "level", "after", "reachedAt"}], "chains"}], "nodes": {...}, "locked": [...]}};
   * {@code to} is null when still down at the horizon.
   */
  public static String simulation(SimulationResult r) {
    return object(g -> writeSimulation(g, r));
  }

  /** The fields of {@link #simulation(SimulationResult)}. */
  public static void writeSimulation(JsonGenerator g, SimulationResult r) throws IOException {
    g.writeStringField("scenario", r.scenario().name());
    g.writeStringField("horizon", Durations.format(r.scenario().horizon()));
    g.writeArrayFieldStart("functions");
    for (FunctionOutcome f : r.functions()) {
      g.writeStartObject();
      writeOutcome(g, f);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("nodes");
    for (Map.Entry<String, List<Outage>> e : r.timelines().entrySet()) {
      outages(g, e.getKey(), e.getValue());
    }
    g.writeEndObject();
    strings(g, "locked", r.locked());
  }

  /** The fields of one function's outcome in {@link #simulation(SimulationResult)}. */
  static void writeOutcome(JsonGenerator g, FunctionOutcome f) throws IOException {
    g.writeStringField("id", f.function());
    outages(g, "down", f.outages());
    duration(g, "firstImpact", f.firstImpact());
    g.writeStringField("downtime", Durations.format(f.downtime()));
    g.writeStringField("longestOutage", Durations.format(f.longestOutage()));
    duration(g, "mtpd", f.mtpd());
    g.writeBooleanField("mtpdExceeded", f.mtpdExceeded());
    g.writeStringField("mtpdExcess", Durations.format(f.mtpdExcess()));
    RiskJson.writeImpacts(g, f);
    g.writeArrayFieldStart("chains");
    for (CausalChain c : f.chains()) {
      g.writeStartArray();
      for (String id : c.nodes()) {
        g.writeString(id);
      }
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  /**
   * {@code {"period", "seed", "scenarios", "level", "cancelled", "functions": [{"id", "mtpd",
   * "down": {"p", "low", "high"}, "mtpdExceeded": {...} or null, "impacts": {"minor": {"p",
   * "low", "high"}, …} ({} without thresholds), "meanDowntime": {"value", "low", "high"},
   * "medianDowntime", "p90Downtime", "p99Downtime"}]}}.
   */
  public static String ensemble(EnsembleResult r) {
    return object(g -> writeEnsemble(g, r));
  }

  /** The fields of {@link #ensemble(EnsembleResult)}. */
  public static void writeEnsemble(JsonGenerator g, EnsembleResult r) throws IOException {
    g.writeStringField("period", Durations.format(r.period()));
    g.writeNumberField("seed", r.seed());
    g.writeNumberField("scenarios", r.scenarios());
    g.writeNumberField("level", r.level());
    g.writeBooleanField("cancelled", r.cancelled());
    g.writeArrayFieldStart("functions");
    for (FunctionRisk f : r.functions()) {
      g.writeStartObject();
      g.writeStringField("id", f.function());
      duration(g, "mtpd", f.mtpd());
      estimate(g, "down", f.down());
      if (f.mtpdExceeded().isPresent()) {
        estimate(g, "mtpdExceeded", f.mtpdExceeded().get());
      } else {
        g.writeNullField("mtpdExceeded");
      }
      RiskJson.writeAtLeast(g, "impacts", f.impacts());
      estimate(g, "meanDowntime", f.meanDowntime());
      estimate(g, "medianDowntime", f.medianDowntime());
      estimate(g, "p90Downtime", f.p90Downtime());
      estimate(g, "p99Downtime", f.p99Downtime());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * {@code {"parameter", "rows": [{"value", "ensemble": {…}}]}}: a {@link
   * dev.kuja.scenario.Sweep} run as ensembles, each row's {@code ensemble} as {@link
   * #ensemble(EnsembleResult)} writes it.
   */
  public static String ensembleSweep(EnsembleSweep sweep) {
    return object(g -> writeEnsembleSweep(g, sweep));
  }

  /** The fields of {@link #ensembleSweep(EnsembleSweep)}. */
  public static void writeEnsembleSweep(JsonGenerator g, EnsembleSweep sweep) throws IOException {
    g.writeStringField("parameter", sweep.parameter());
    g.writeArrayFieldStart("rows");
    for (EnsembleSweep.Row row : sweep.rows()) {
      g.writeStartObject();
      g.writeStringField("value", row.value());
      g.writeObjectFieldStart("ensemble");
      writeEnsemble(g, row.result());
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * {@code {"function", "period", "exact", "samples", "probability": {"p", "low", "high"},
   * "events": [{"event", "probability", "birnbaum", "fussellVesely", "riskAchievementWorth",
   * "riskReductionWorth"}]}}; an infinite worth is written as null.
   */
  public static String importance(ImportanceReport r) {
    return object(g -> writeImportance(g, r));
  }

  /** The fields of {@link #importance(ImportanceReport)}. */
  public static void writeImportance(JsonGenerator g, ImportanceReport r) throws IOException {
    g.writeStringField("function", r.function());
    g.writeStringField("period", Durations.format(r.period()));
    g.writeBooleanField("exact", r.exact());
    g.writeNumberField("samples", r.samples());
    estimate(g, "probability", r.lossProbability());
    g.writeArrayFieldStart("events");
    for (NodeImportance e : r.events()) {
      g.writeStartObject();
      g.writeStringField("event", e.event());
      number(g, "probability", e.probability());
      number(g, "birnbaum", e.birnbaum());
      number(g, "fussellVesely", e.fussellVesely());
      number(g, "riskAchievementWorth", e.riskAchievementWorth());
      number(g, "riskReductionWorth", e.riskReductionWorth());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void number(JsonGenerator g, String key, double x) throws IOException {
    if (Double.isFinite(x)) {
      g.writeNumberField(key, x);
    } else {
      g.writeNullField(key);
    }
  }

  private static void estimate(JsonGenerator g, String key, Estimate e) throws IOException {
    g.writeObjectFieldStart(key);
    g.writeNumberField("p", e.value());
    g.writeNumberField("low", e.low());
    g.writeNumberField("high", e.high());
    g.writeEndObject();
  }

  private static void estimate(JsonGenerator g, String key, DurationEstimate e) throws IOException {
    g.writeObjectFieldStart(key);
    g.writeStringField("value", Durations.format(e.value()));
    g.writeStringField("low", Durations.format(e.low()));
    g.writeStringField("high", Durations.format(e.high()));
    g.writeEndObject();
  }

  static void outages(JsonGenerator g, String key, List<Outage> outages) throws IOException {
    g.writeArrayFieldStart(key);
    for (Outage o : outages) {
      g.writeStartObject();
      g.writeStringField("from", Durations.format(o.from()));
      duration(g, "to", o.to());
      g.writeStringField("cause", o.cause().toString());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
