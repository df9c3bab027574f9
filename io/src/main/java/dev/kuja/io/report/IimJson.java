package dev.kuja.io.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kuja.iim.InterdependencyMatrix;
import dev.kuja.iim.StaticSolution;
import dev.kuja.iim.Timeline;
import dev.kuja.io.Format;
import dev.kuja.io.syntax.Writers;
import dev.kuja.model.Durations;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of the inoperability input–output model as JSON, the shape of {@code kuja iim
 * --json} (docs/cli.md#kuja-iim): {@code sectors} (the static solution, in the order of A*),
 * {@code interdependency} (A*, rows and columns in that order) and, for a dynamic run,
 * {@code timeline} (q at every step, times as ISO-8601) and {@code impact}.
 */
public final class IimJson {

  private IimJson() {}

  /** {@code {"sectors": [{"id", "inoperability"}], "interdependency": [[…]]}}. */
  public static String of(StaticSolution solution, InterdependencyMatrix aStar) {
    return write(solution, aStar, Optional.empty());
  }

  /**
   * As {@link #of(StaticSolution, InterdependencyMatrix)}, then {@code "timeline": [{"t": "PT0S",
   * "q": {"S1": 0.0, …}}, …]} and {@code "impact": {"S1": 1.98, …}}.
   */
  public static String of(StaticSolution solution, InterdependencyMatrix aStar, Timeline timeline) {
    return write(solution, aStar, Optional.of(timeline));
  }

  private static String write(StaticSolution solution, InterdependencyMatrix aStar, Optional<Timeline> timeline) {
    Objects.requireNonNull(solution, "solution");
    Objects.requireNonNull(aStar, "aStar");
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Writers.generator(Format.JSON, out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("sectors");
      for (Map.Entry<String, Double> e : solution.inoperability().entrySet()) {
        g.writeStartObject();
        g.writeStringField("id", e.getKey());
        g.writeNumberField("inoperability", e.getValue());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("interdependency");
      for (double[] row : aStar.toArray()) {
        g.writeStartArray();
        for (double v : row) {
          g.writeNumber(v);
        }
        g.writeEndArray();
      }
      g.writeEndArray();
      if (timeline.isPresent()) {
        Timeline t = timeline.get();
        g.writeArrayFieldStart("timeline");
        for (int i = 0; i < t.points(); i++) {
          g.writeStartObject();
          g.writeStringField("t", Durations.format(t.time(i)));
          g.writeObjectFieldStart("q");
          for (Map.Entry<String, Double> e : t.inoperability(i).entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
          }
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("impact");
        for (Map.Entry<String, Double> e : t.impact().entrySet()) {
          g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
