package dev.kuja.io.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kuja.model.Durations;
import dev.kuja.model.ImpactLevel;
import dev.kuja.scenario.Estimate;
import dev.kuja.scenario.Likelihood;
import dev.kuja.scenario.RiskMatrix;
import dev.kuja.simulation.FunctionOutcome;
import dev.kuja.simulation.ImpactReached;
import dev.kuja.simulation.NodeObjectives;
import dev.kuja.simulation.RecoveryObjectives;
import dev.kuja.simulation.RequiredTime;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The risk assessment as JSON (docs/cli.md#kuja-risk, docs/cli.md#kuja-objectives): the
 * computed risk matrix and the recovery objectives rolled up through the chains, and the impact
 * levels inside simulation and ensemble results. As in {@link ResultsJson}, each result type has
 * a writer {@code writeX(generator, result)} of the fields of its object, which the report
 * ({@link ReportJson}) composes, and {@code x(result)} is the result alone.
 */
public final class RiskJson {

  private RiskJson() {}

  /**
   * {@code {"nodes": [{"id", "requiredRto", "rtoSetBy", "requiredMtpd", "mtpdSetBy",
   * "declaredRto", "gap", "chain"}], "recoveryOverRto": [...]}}: every node in model order;
   * absent values are null; {@code chain} runs from the node up to the function that sets the
   * required RTO (or, without one, the required MTPD), empty when neither exists.
   */
  public static String objectives(RecoveryObjectives o) {
    return ResultsJson.object(g -> writeObjectives(g, o));
  }

  /** The fields of {@link #objectives(RecoveryObjectives)}. */
  public static void writeObjectives(JsonGenerator g, RecoveryObjectives o) throws IOException {
    writeObjectives(g, o, Integer.MAX_VALUE);
  }

  /**
   * The fields of {@link #writeObjectives(JsonGenerator, RecoveryObjectives)} with the lists cut
   * to their first {@code top} items; when any is cut, {@code "nodeCount"} and {@code
   * "recoveryOverRtoCount"} give their sizes.
   */
  static void writeObjectives(JsonGenerator g, RecoveryObjectives o, int top) throws IOException {
    if (top != Integer.MAX_VALUE) {
      g.writeNumberField("nodeCount", o.nodes().size());
      g.writeNumberField("recoveryOverRtoCount", o.recoveryOverRto().size());
    }
    g.writeArrayFieldStart("nodes");
    for (NodeObjectives n : o.nodes().subList(0, Math.min(top, o.nodes().size()))) {
      g.writeStartObject();
      g.writeStringField("id", n.node());
      required(g, "requiredRto", "rtoSetBy", n.requiredRto());
      required(g, "requiredMtpd", "mtpdSetBy", n.requiredMtpd());
      duration(g, "declaredRto", n.declaredRto());
      duration(g, "gap", n.gap());
      g.writeArrayFieldStart("chain");
      for (String id : n.requiredRto().or(n::requiredMtpd).map(RequiredTime::chain).orElse(List.of())) {
        g.writeString(id);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("recoveryOverRto");
    int written = 0;
    for (String f : o.recoveryOverRto()) {
      if (written++ == top) {
        break;
      }
      g.writeString(f);
    }
    g.writeEndArray();
  }

  /**
   * {@code {"period", "seed", "level", "likelihoods": [{"class", "finnish", "rank", "from",
   * "to"}], "levels": [{"level", "finnish", "rank"}], "sources": [{"threat" (null for all
   * causes), "name", "scenarios", "functions": [{"id", "atLeast": {"minor": {"p", "low",
   * "high"}, …}, "cell": {"likelihood", "level", "p"} or null}]}]}}.
   */
  public static String riskMatrix(RiskMatrix m) {
    return ResultsJson.object(g -> writeRiskMatrix(g, m));
  }

  /** The fields of {@link #riskMatrix(RiskMatrix)}. */
  public static void writeRiskMatrix(JsonGenerator g, RiskMatrix m) throws IOException {
    writeRiskMatrix(g, m, Integer.MAX_VALUE);
  }

  /**
   * The fields of {@link #writeRiskMatrix(JsonGenerator, RiskMatrix)} with each source's
   * functions cut to the first {@code top}; when they are cut, {@code "functionCount"} gives
   * their number.
   */
  static void writeRiskMatrix(JsonGenerator g, RiskMatrix m, int top) throws IOException {
    g.writeStringField("period", Durations.format(m.period()));
    g.writeNumberField("seed", m.seed());
    g.writeNumberField("level", m.level());
    g.writeArrayFieldStart("likelihoods");
    for (Likelihood l : Likelihood.values()) {
      g.writeStartObject();
      g.writeStringField("class", l.label());
      g.writeStringField("finnish", l.finnish());
      g.writeNumberField("rank", l.rank());
      g.writeNumberField("from", l.from());
      g.writeNumberField("to", l.to());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("levels");
    for (ImpactLevel l : ImpactLevel.values()) {
      g.writeStartObject();
      g.writeStringField("level", l.label());
      g.writeStringField("finnish", l.finnish());
      g.writeNumberField("rank", l.rank());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("sources");
    for (RiskMatrix.Source s : m.sources()) {
      g.writeStartObject();
      if (s.threat().isPresent()) {
        g.writeStringField("threat", s.threat().get());
      } else {
        g.writeNullField("threat");
      }
      g.writeStringField("name", s.name());
      g.writeNumberField("scenarios", s.scenarios());
      if (top != Integer.MAX_VALUE) {
        g.writeNumberField("functionCount", s.functions().size());
      }
      g.writeArrayFieldStart("functions");
      for (RiskMatrix.Entry e : s.functions().subList(0, Math.min(top, s.functions().size()))) {
        g.writeStartObject();
        g.writeStringField("id", e.function());
        writeAtLeast(g, "atLeast", e.atLeast());
        if (e.cell().isPresent()) {
          RiskMatrix.Cell c = e.cell().get();
          g.writeObjectFieldStart("cell");
          g.writeStringField("likelihood", c.likelihood().label());
          g.writeStringField("level", c.level().label());
          g.writeNumberField("p", c.probability().value());
          g.writeEndObject();
        } else {
          g.writeNullField("cell");
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * The impact levels a function reached in a simulation: {@code "impactLevel"} (the highest,
   * or null) and {@code "impacts": [{"category", "level", "after", "reachedAt"}]}.
   */
  public static void writeImpacts(JsonGenerator g, FunctionOutcome f) throws IOException {
    if (f.impactLevel().isPresent()) {
      g.writeStringField("impactLevel", f.impactLevel().get().label());
    } else {
      g.writeNullField("impactLevel");
    }
    g.writeArrayFieldStart("impacts");
    for (ImpactReached i : f.impacts()) {
      g.writeStartObject();
      g.writeStringField("category", i.category());
      g.writeStringField("level", i.level().label());
      g.writeStringField("after", Durations.format(i.after()));
      g.writeStringField("reachedAt", Durations.format(i.reachedAt()));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** Per impact level, in order, {@code {"p", "low", "high"}}: P(that level or worse). */
  public static void writeAtLeast(JsonGenerator g, String key, Map<ImpactLevel, Estimate> atLeast)
      throws IOException {
    g.writeObjectFieldStart(key);
    for (Map.Entry<ImpactLevel, Estimate> e : atLeast.entrySet()) {
      g.writeObjectFieldStart(e.getKey().label());
      g.writeNumberField("p", e.getValue().value());
      g.writeNumberField("low", e.getValue().low());
      g.writeNumberField("high", e.getValue().high());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void required(JsonGenerator g, String key, String setBy, Optional<RequiredTime> r)
      throws IOException {
    duration(g, key, r.map(RequiredTime::duration));
    if (r.isPresent()) {
      g.writeStringField(setBy, r.get().function());
    } else {
      g.writeNullField(setBy);
    }
  }

  private static void duration(JsonGenerator g, String key, Optional<Duration> d) throws IOException {
    if (d.isPresent()) {
      g.writeStringField(key, Durations.format(d.get()));
    } else {
      g.writeNullField(key);
    }
  }
}
