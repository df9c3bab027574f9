package dev.kuja.io.document;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kuja.io.Format;
import dev.kuja.io.OutputFile;
import dev.kuja.io.ReadOptions;
import dev.kuja.io.syntax.Fields;
import dev.kuja.io.syntax.Problems;
import dev.kuja.io.syntax.Source;
import dev.kuja.io.syntax.Tree;
import dev.kuja.io.syntax.TreeReader;
import dev.kuja.io.syntax.Writers;
import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.model.Problem;
import dev.kuja.model.Target;
import dev.kuja.model.Texts;
import dev.kuja.simulation.Disruption;
import dev.kuja.simulation.Scenario;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Scenario documents, format version 1 (docs/documents.md#scenario-documents), in YAML or JSON:
 *
 * <pre>
 * kuja-scenario: 1
 * name: Storm, two days
 * horizon: P7D
 * disruptions:
 *   - { node: grid, start: PT0S, duration: PT48H }
 *   - { organisation: city, start: PT6H, duration: PT2H }
 *   - { tag: region:north, start: PT0S }          # open-ended
 * </pre>
 *
 * Read with a model, every disruption is also checked against it: a node, organisation or tag
 * the model lacks is reported at its line and column.
 */
public final class ScenarioDocuments {

  static final Set<String> TOP = ModelDocuments.ordered("kuja-scenario", "name", "horizon", "disruptions");
  static final Set<String> DISRUPTION = ModelDocuments.ordered("node", "organisation", "tag", "start", "duration");

  private ScenarioDocuments() {}

  /** Reads a scenario from a file. */
  public static Scenario read(Path file) {
    return parse(Source.of(file, ReadOptions.DEFAULT), Optional.empty());
  }

  /** Reads a scenario from a file and checks its disruptions against the model. */
  public static Scenario read(Path file, Model model) {
    return parse(Source.of(file, ReadOptions.DEFAULT), Optional.of(model));
  }

  /** Reads a scenario from text; {@code name} stands for the file in messages. */
  public static Scenario read(String text, String name, Format format, Optional<Model> model) {
    return parse(Source.of(text, name, format, ReadOptions.DEFAULT), model);
  }

  private static Scenario parse(Source source, Optional<Model> model) {
    Problems problems = new Problems(source.name());
    Tree root;
    try (JsonParser p = source.open()) {
      TreeReader r = new TreeReader(p, source.name(), problems);
      if (r.next() != JsonToken.START_OBJECT) {
        throw r.fatal("a scenario document is a map with the keys kuja-scenario, name, horizon and disruptions");
      }
      root = r.read();
      r.end();
    } catch (TreeReader.Fatal f) {
      problems.add(f.problem);
      problems.throwIfAny();
      throw new IllegalStateException("unreachable");
    } catch (IOException e) {
      problems.add(0, 0, "cannot be read: " + e.getMessage());
      problems.throwIfAny();
      throw new IllegalStateException("unreachable");
    }
    if (root.get("kuja") != null && root.get("nodes") != null) {
      problems.at(root, "this is a model document, not a scenario (it starts with kuja)");
      problems.throwIfAny();
    }
    Fields f = new Fields(root, "the scenario", problems, TOP);
    Tree version = root.get("kuja-scenario");
    if (version == null) {
      problems.add(1, 1, "a scenario document needs 'kuja-scenario: 1' (the format version)");
    } else if (version.kind != Tree.Kind.NUMBER || !version.text.equals("1")) {
      problems.at(version, "this reader knows format version 1 of scenario documents, not "
          + version.describe());
    }
    String name = f.text("name", true).orElse("");
    Texts.problem(name).ifPresent(p -> problems.at(root.get("name"), "name of the scenario " + p));
    Optional<Duration> horizon = f.duration("horizon", true);
    horizon.filter(Duration::isZero).ifPresent(h ->
        problems.at(root.get("horizon"), "horizon must be positive, not PT0S"));
    horizon.flatMap(Durations::check).ifPresent(p -> problems.at(root.get("horizon"), "horizon " + p));
    List<Disruption> disruptions = new ArrayList<>();
    Tree list = root.get("disruptions");
    if (list == null) {
      problems.at(root, "the scenario needs 'disruptions'");
    } else if (list.kind != Tree.Kind.LIST) {
      problems.at(list, "disruptions must be a list, not " + list.describe());
    } else {
      for (int i = 0; i < list.list.size(); i++) {
        disruption(list.list.get(i), i, horizon, problems, model).ifPresent(disruptions::add);
      }
    }
    problems.throwIfAny();
    return new Scenario(name, horizon.orElseThrow(), disruptions);
  }

  private static Optional<Disruption> disruption(Tree t, int i, Optional<Duration> horizon,
      Problems problems, Optional<Model> model) {
    String what = "disruption " + (i + 1);
    Optional<Fields> mf = Fields.of(t, what, problems, DISRUPTION);
    if (mf.isEmpty()) {
      return Optional.empty();
    }
    Fields f = mf.get();
    List<String> forms = new ArrayList<>();
    for (String form : List.of("node", "organisation", "tag")) {
      if (f.has(form)) {
        forms.add(form);
      }
    }
    Optional<Duration> start = f.duration("start", true);
    Optional<Duration> duration = f.duration("duration", false);
    duration.filter(Duration::isZero).ifPresent(d -> problems.at(t.get("duration"),
        "duration of " + what + " must be positive (leave it out for an open-ended disruption)"));
    // the simulator's checks of times, here where the times stand (docs/documents.md#scenario-documents)
    start.flatMap(Durations::check).ifPresent(p -> problems.at(t.get("start"), "start of " + what + " " + p));
    duration.flatMap(Durations::check).ifPresent(p ->
        problems.at(t.get("duration"), "duration of " + what + " " + p));
    if (start.isPresent() && horizon.isPresent() && start.get().compareTo(horizon.get()) >= 0) {
      problems.at(t.get("start"), what + " starts at " + Durations.format(start.get())
          + ", not before the horizon " + Durations.format(horizon.get())
          + ", so it would change nothing; start it earlier or lengthen the horizon");
    }
    if (forms.size() != 1) {
      problems.at(t, what + " needs exactly one of node:, organisation: or tag:, not "
          + (forms.isEmpty() ? "none" : String.join(" and ", forms)));
      return Optional.empty();
    }
    String form = forms.get(0);
    Optional<String> value = f.text(form, true);
    if (value.isEmpty() || start.isEmpty()) {
      return Optional.empty();
    }
    String v = value.get();
    Target target = switch (form) {
      case "node" -> new Target.OfNode(v);
      case "organisation" -> new Target.OfOrganisation(v);
      default -> new Target.OfTag(v);
    };
    model.ifPresent(m -> target.problemIn(m).ifPresent(message ->
        problems.at(t.get(form), Problem.disruption(i, target.toString(), message))));
    return Optional.of(new Disruption(target, start.get(), duration));
  }

  /** The scenario as a document. */
  public static String write(Scenario scenario, Format format) {
    StringWriter out = new StringWriter();
    write(scenario, format, out);
    return out.toString();
  }

  /**
   * Writes the scenario to a file, all of it or nothing ({@link OutputFile}); the format follows
   * the file name.
   *
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public static void write(Scenario scenario, Path file) {
    Format format = Format.of(file).orElseThrow(() -> new IllegalArgumentException(
        "cannot tell the format of " + file + ": name it .yaml, .yml or .json"));
    OutputFile.write(file, w -> write(scenario, format, w));
  }

  private static void write(Scenario s, Format format, Writer out) {
    try (JsonGenerator g = Writers.generator(format, out)) {
      g.writeStartObject();
      g.writeNumberField("kuja-scenario", 1);
      g.writeStringField("name", s.name());
      g.writeStringField("horizon", Durations.format(s.horizon()));
      g.writeArrayFieldStart("disruptions");
      for (Disruption d : s.disruptions()) {
        g.writeStartObject();
        if (d.target() instanceof Target.OfNode n) {
          g.writeStringField("node", n.id());
        } else if (d.target() instanceof Target.OfOrganisation o) {
          g.writeStringField("organisation", o.id());
        } else if (d.target() instanceof Target.OfTag t) {
          g.writeStringField("tag", t.tag());
        }
        g.writeStringField("start", Durations.format(d.start()));
        if (d.duration().isPresent()) {
          g.writeStringField("duration", Durations.format(d.duration().get()));
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
