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
 */
public final class ResultsJson {

  private ResultsJson() {}

  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String object(Body body) {
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
    return object(g -> {
      g.writeBooleanField("valid", problems.isEmpty());
      g.writeArrayFieldStart("errors");
      for (Problem p : problems) {
        g.writeStartObject();
        g.writeStringField("location", p.location().map(Problem.Location::toString).orElse(""));
        g.writeStringField("message", p.description());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  /** {@code {"initial": [...], "horizon": D|null, "failed": [...], "functions": [...]}}. */
  public static String impact(Impact impact) {
    return object(g -> {
      strings(g, "initial", impact.initial());
      duration(g, "horizon", impact.horizon());
      strings(g, "failed", impact.failed());
      strings(g, "functions", impact.functions());
    });
  }

  /** {@code {"initial": [...], "times": {"node": D, ...}}}, earliest first. */
  public static String failureTimes(FailureTimes times) {
    return object(g -> {
      strings(g, "initial", times.initial());
      duration(g, "horizon", times.horizon());
      g.writeObjectFieldStart("times");
      for (Map.Entry<String, Duration> e : times.times().entrySet()) {
        g.writeStringField(e.getKey(), Durations.format(e.getValue()));
      }
      g.writeEndObject();
    });
  }

  /** {@code {"functions": [{"id", "spofs": [{"node", "commonCause", "path"}]}]}}. */
  public static String spofs(List<SpofReport> reports) {
    return object(g -> {
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
    });
  }

  /** {@code {"function": F, "order": K, "cutsets": [[...], ...]}}. */
  public static String cutSets(CutSets c) {
    return object(g -> {
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
    });
  }

  /** {@code {"ranking": [{"node", "functions", "score"}]}}, highest first. */
  public static String ranking(Ranking r) {
    return object(g -> {
      g.writeArrayFieldStart("ranking");
      for (Ranking.Entry e : r.entries()) {
        g.writeStartObject();
        g.writeStringField("node", e.node());
        strings(g, "functions", e.functions());
        g.writeNumberField("score", e.score());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  /** {@code {"root", "direction", "tiers": {"node": tier}}}. */
  public static String closure(DependencyClosure c) {
    return object(g -> {
      g.writeStringField("root", c.root());
      g.writeStringField("direction", c.direction().name().toLowerCase(java.util.Locale.ROOT));
      g.writeObjectFieldStart("tiers");
      for (Map.Entry<String, Integer> e : c.tiers().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    });
  }

  /** {@code {"groups": [{"dependent", "provider", "interfaces": [...]}]}}. */
  public static String interfaces(InterfaceReport r) {
    return object(g -> {
      g.writeArrayFieldStart("groups");
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
    });
  }

  /**
   * {@code {"scenario", "horizon", "functions": [{"id", "down": [{"from", "to"}], "firstImpact",
   * "downtime", "longestOutage", "mtpd", "mtpdExceeded", "mtpdExcess", "chain"}], "nodes": {...},
   * "locked": [...]}}; {@code to} is null when still down at the horizon.
   */
  public static String simulation(SimulationResult r) {
    return object(g -> {
      g.writeStringField("scenario", r.scenario().name());
      g.writeStringField("horizon", Durations.format(r.scenario().horizon()));
      g.writeArrayFieldStart("functions");
      for (FunctionOutcome f : r.functions()) {
        g.writeStartObject();
        g.writeStringField("id", f.function());
        outages(g, "down", f.outages());
        duration(g, "firstImpact", f.firstImpact());
        g.writeStringField("downtime", Durations.format(f.downtime()));
        g.writeStringField("longestOutage", Durations.format(f.longestOutage()));
        duration(g, "mtpd", f.mtpd());
        g.writeBooleanField("mtpdExceeded", f.mtpdExceeded());
        g.writeStringField("mtpdExcess", Durations.format(f.mtpdExcess()));
        g.writeArrayFieldStart("chains");
        for (CausalChain c : f.chains()) {
          g.writeStartArray();
          for (String id : c.nodes()) {
            g.writeString(id);
          }
          g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("nodes");
      for (Map.Entry<String, List<Outage>> e : r.timelines().entrySet()) {
        outages(g, e.getKey(), e.getValue());
      }
      g.writeEndObject();
      strings(g, "locked", r.locked());
    });
  }

  /**
   * {@code {"period", "seed", "scenarios", "level", "cancelled", "functions": [{"id", "mtpd",
   * "down": {"p", "low", "high"}, "mtpdExceeded": {...} or null, "meanDowntime": {"value",
   * "low", "high"}, "medianDowntime", "p90Downtime", "p99Downtime"}]}}.
   */
  public static String ensemble(EnsembleResult r) {
    return object(g -> {
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
        estimate(g, "meanDowntime", f.meanDowntime());
        estimate(g, "medianDowntime", f.medianDowntime());
        estimate(g, "p90Downtime", f.p90Downtime());
        estimate(g, "p99Downtime", f.p99Downtime());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  /**
   * {@code {"function", "period", "exact", "samples", "probability": {"p", "low", "high"},
   * "events": [{"event", "probability", "birnbaum", "fussellVesely", "riskAchievementWorth",
   * "riskReductionWorth"}]}}; an infinite worth is written as null.
   */
  public static String importance(ImportanceReport r) {
    return object(g -> {
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
    });
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

  private static void outages(JsonGenerator g, String key, List<Outage> outages) throws IOException {
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
