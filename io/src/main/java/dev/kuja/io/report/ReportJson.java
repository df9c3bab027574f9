package dev.kuja.io.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kuja.report.Report;
import dev.kuja.simulation.SimulationResult;
import java.io.IOException;
import java.util.Objects;

/**
 * The continuity report as one JSON object, the output of {@code kuja report --json}
 * (docs/cli.md#kuja-report): {@code {"model", "valid", "nodes", "functions": [SPOF reports],
 * "ranking": [...], "interfaces": [groups], "scenarios": [simulations], "risk": {risk matrix} or
 * null, "objectives": {recovery objectives}}}. Each part is written by the same {@link
 * ResultsJson} or {@link RiskJson} writer as the command that shows it alone.
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
}
