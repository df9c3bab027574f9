package dev.kuja.io.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kuja.model.Durations;
import dev.kuja.model.External;
import dev.kuja.model.Model;
import dev.kuja.region.Commitments;
import dev.kuja.report.Coordination;
import dev.kuja.report.Report;
import dev.kuja.simulation.SimulationResult;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The continuity report as one JSON object, the output of {@code kuja report --json}
 * (docs/cli.md#kuja-report): {@code {"model", "valid", "nodes", "functions": [SPOF reports],
 * "ranking": [...], "interfaces": [groups], "coordination": {...}, "commitments": [...],
 * "scenarios": [simulations], "risk": {risk matrix} or null, "objectives": {recovery
 * objectives}}}. Each part shown by a command of its own is written by the same {@link
 * ResultsJson} or {@link RiskJson} writer as that command.
 */
public final class ReportJson {

  private ReportJson() {}

  /** The report as a pretty-printed JSON object. */
  public static String render(Report report) {
    Objects.requireNonNull(report, "report");
    return ResultsJson.object(g -> write(g, report));
  }

  /** The fields of {@link #render(Report)}, into an object {@code g} has open. */
  public static void write(JsonGenerator g, Report report) throws IOException {
    g.writeStringField("model", report.model().name().orElse(""));
    g.writeBooleanField("valid", true);
    g.writeNumberField("nodes", report.model().size());
    ResultsJson.writeSpofs(g, report.spofs());
    ResultsJson.writeRanking(g, report.ranking());
    g.writeFieldName("interfaces");
    ResultsJson.writeInterfaceGroups(g, report.interfaces());
    g.writeFieldName("coordination");
    writeCoordination(g, report.coordination(), report.model());
    g.writeFieldName("commitments");
    writeCommitments(g, report.commitments());
    g.writeArrayFieldStart("scenarios");
    for (SimulationResult r : report.simulations()) {
      g.writeStartObject();
      ResultsJson.writeSimulation(g, r);
      g.writeEndObject();
    }
    g.writeEndArray();
    if (report.riskMatrix().isPresent()) {
      g.writeObjectFieldStart("risk");
      RiskJson.writeRiskMatrix(g, report.riskMatrix().get());
      g.writeEndObject();
    } else {
      g.writeNullField("risk");
    }
    g.writeObjectFieldStart("objectives");
    RiskJson.writeObjectives(g, report.objectives());
    g.writeEndObject();
  }

  /**
   * The coordination matrix as a JSON object value (docs/cli.md#kuja-report): {@code
   * {"organisations": [ids], "pairs": [{"dependent", "provider", "functions": [ids],
   * "interfaces": [{"dependent", "dependentSource", "provider", "providerSource", "requirement",
   * "redundant", "functions"}]}]}}; a source is the document a node came from, or null.
   */
  public static void writeCoordination(JsonGenerator g, Coordination c, Model model) throws IOException {
    g.writeStartObject();
    strings(g, "organisations", c.organisations());
    g.writeArrayFieldStart("pairs");
    for (Coordination.Pair p : c.pairs()) {
      g.writeStartObject();
      g.writeStringField("dependent", p.dependentOrganisation());
      g.writeStringField("provider", p.providerOrganisation());
      strings(g, "functions", p.functions());
      g.writeArrayFieldStart("interfaces");
      for (Coordination.CriticalInterface i : p.interfaces()) {
        g.writeStartObject();
        g.writeStringField("dependent", i.dependent());
        nullable(g, "dependentSource", model.source(i.dependent()));
        g.writeStringField("provider", i.provider());
        nullable(g, "providerSource", model.source(i.provider()));
        g.writeNumberField("requirement", i.requirement() + 1);
        g.writeBooleanField("redundant", i.redundant());
        strings(g, "functions", i.functions());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * The commitments as a JSON array value: {@code [{"node", "kind", "provider", "declaredIn",
   * "rto", "tolerance", "status", "findings": [text]}]}, status {@code kept}, {@code mismatch} or
   * {@code unchecked}; absent values null.
   */
  public static void writeCommitments(JsonGenerator g, Commitments c) throws IOException {
    g.writeStartArray();
    for (Commitments.Check check : c.checks()) {
      External e = check.external();
      g.writeStartObject();
      g.writeStringField("node", e.id());
      g.writeStringField("kind", e.kind().label());
      g.writeStringField("provider", e.provider());
      nullable(g, "declaredIn", check.declaredIn());
      nullable(g, "rto", e.rto().map(Durations::format));
      nullable(g, "tolerance", e.tolerance().map(Durations::format));
      g.writeStringField("status", check.status().name().toLowerCase(Locale.ROOT));
      strings(g, "findings", check.findings());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
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
