package dev.kuja.io.document;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kuja.io.DocumentException;
import dev.kuja.io.Format;
import dev.kuja.io.OutputFile;
import dev.kuja.io.ReadOptions;
import dev.kuja.io.syntax.Fields;
import dev.kuja.io.syntax.Problems;
import dev.kuja.io.syntax.Source;
import dev.kuja.io.syntax.Tree;
import dev.kuja.io.syntax.TreeReader;
import dev.kuja.io.syntax.Writers;
import dev.kuja.model.Criticality;
import dev.kuja.model.Durations;
import dev.kuja.model.External;
import dev.kuja.model.ImpactLevel;
import dev.kuja.model.ImpactThreshold;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.NodeKind;
import dev.kuja.model.Organisation;
import dev.kuja.model.Problem;
import dev.kuja.model.Reliability;
import dev.kuja.model.RepairTime;
import dev.kuja.model.Requirement;
import dev.kuja.model.Suggestions;
import dev.kuja.model.Target;
import dev.kuja.model.Threat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Model documents, format version 1 (docs/documents.md#model-documents), in YAML or JSON.
 *
 * <pre>{@code
 * Model m = ModelDocuments.read(Path.of("county.yaml"));
 * ModelDocuments.write(m, Path.of("county.json"));
 * }</pre>
 *
 * Reading reports every problem it can find at once — unknown keys, duplicate keys, wrong types,
 * bad durations, missing fields, and every validation problem of the model — each with file,
 * line and column, as a {@link DocumentException}.
 */
public final class ModelDocuments {

  static final Set<String> TOP = ordered("kuja", "name", "organisations", "nodes", "threats", "include", "externals");
  static final Set<String> ORGANISATION = ordered("id", "name", "type");
  static final Set<String> NODE = ordered("id", "kind", "name", "owner", "criticality", "mtpd",
      "rto", "mbco", "impacts", "recovery", "tags", "attributes", "reliability", "requires");
  static final Set<String> IMPACT = ordered("after", "category", "level", "note");
  static final Set<String> THREAT = ordered("id", "name", "probability", "rate", "duration", "targets");
  static final Set<String> TARGET = ordered("node", "organisation", "tag");
  static final Set<String> REQUIREMENT = ordered("any", "all", "of", "k", "tolerance");
  static final Set<String> RELIABILITY = ordered("probability", "rate", "repair");
  static final Set<String> REPAIR = ordered("distribution", "duration", "mean", "min", "max",
      "median", "sigma");

  private ModelDocuments() {}

  static Set<String> ordered(String... keys) {
    return new LinkedHashSet<>(List.of(keys));
  }

  /**
   * Reads a model from a {@code .yaml}, {@code .yml} or {@code .json} file, with the documents it
   * includes (docs/regional.md#composing-documents).
   */
  public static Model read(Path file) {
    return read(file, ReadOptions.DEFAULT);
  }

  /** Reads a model from a file and the documents it includes, within the given limits. */
  public static Model read(Path file, ReadOptions options) {
    return read(List.of(file), options);
  }

  /**
   * Reads several documents, and the documents they include, as one model
   * (docs/regional.md#composing-documents): organisations, nodes and externals of all of them,
   * every node remembering its document ({@link Model#source(String)}). Every problem of every
   * document is reported at once.
   */
  public static Model read(List<Path> files) {
    return read(files, ReadOptions.DEFAULT);
  }

  /** Reads several documents as one model, within the given limits (each document's own). */
  public static Model read(List<Path> files, ReadOptions options) {
    return Composition.read(files, options);
  }

  /** Reads a model from text; {@code name} stands for the file in messages. */
  public static Model read(String text, String name, Format format) {
    return Composition.read(Source.of(text, name, format, ReadOptions.DEFAULT), ReadOptions.DEFAULT);
  }

  /**
   * Reads the keys of one document into {@code b}, reporting the problems of form it finds;
   * {@code more} is given the keys that concern composition ({@code name}, {@code include},
   * {@code externals}) with their values. False when the document could not be read to its end.
   */
  static boolean readInto(Source source, Model.Builder b, Problems problems, Set<List<String>> reported,
      BiConsumer<String, Tree> more) {
    try (JsonParser p = source.open()) {
      TreeReader r = new TreeReader(p, source.name(), problems);
      if (r.next() != JsonToken.START_OBJECT) {
        throw r.fatal("a model document is a map with the keys kuja, name, organisations, nodes and threats");
      }
      boolean version = false;
      Set<String> seen = new HashSet<>();
      while (r.next() == JsonToken.FIELD_NAME) {
        String key = r.fieldName();
        int kl = r.line();
        int kc = r.column();
        r.next();
        if (!seen.add(key)) {
          problems.add(kl, kc, "the key '" + key + "' appears twice in this map");
        }
        switch (key) {
          case "kuja" -> {
            version = true;
            Tree v = r.read();
            if (v.kind != Tree.Kind.NUMBER || !v.text.equals("1")) {
              problems.at(v, "this reader knows format version 1 of model documents, not " + v.describe());
            }
          }
          case "name" -> {
            Tree v = r.read();
            if (v.isScalar() && v.kind != Tree.Kind.NULL) {
              more.accept(key, v);
            } else {
              problems.at(v, "name of the model must be text, not " + v.describe());
            }
          }
          case "organisations" -> {
            Tree v = r.read();
            if (v.kind != Tree.Kind.LIST) {
              problems.at(v, "organisations must be a list, not " + v.describe());
            } else {
              v.list.forEach(o -> organisation(o, b, problems));
            }
          }
          case "nodes" -> {
            if (r.current() == JsonToken.START_ARRAY) {
              while (r.next() != JsonToken.END_ARRAY) {
                node(r.read(), b, problems, reported);
              }
            } else {
              problems.at(r.read(), "nodes must be a list");
            }
          }
          case "threats" -> {
            Tree v = r.read();
            if (v.kind != Tree.Kind.LIST) {
              problems.at(v, "threats must be a list, not " + v.describe());
            } else {
              v.list.forEach(item -> threat(item, b, problems, reported));
            }
          }
          case "include", "externals" -> more.accept(key, r.read());
          case "kuja-scenario" -> throw new TreeReader.Fatal(Problem.inDocument(new Problem.Location(source.name(), kl, kc), "this is a scenario document, not a model (it starts with kuja-scenario)"));
          default -> {
            r.read();
            problems.add(kl, kc, "unknown key '" + key + "' at the top of the model"
                + Suggestions.hint(key, TOP));
          }
        }
      }
      if (!version) {
        problems.add(1, 1, "a model document needs 'kuja: 1' (the format version)");
      }
      r.end();
    } catch (TreeReader.Fatal f) {
      problems.add(f.problem);
      return false;
    } catch (IOException e) {
      problems.add(0, 0, "cannot be read: " + e.getMessage());
      return false;
    }
    return true;
  }

  private static void organisation(Tree t, Model.Builder b, Problems problems) {
    Fields.of(t, "an organisation", problems, ORGANISATION).ifPresent(f -> {
      Optional<String> id = f.text("id", true);
      Optional<String> name = f.text("name", true);
      Optional<String> type = f.text("type", false);
      if (id.isPresent()) {
        b.organisation(new Organisation(id.get(), name.orElse(id.get()), type));
      }
    });
  }

  private static void node(Tree t, Model.Builder b, Problems problems, Set<List<String>> reported) {
    if (t.kind != Tree.Kind.MAP) {
      problems.at(t, "a node must be a map, not " + t.describe());
      return;
    }
    Tree idTree = t.get("id");
    String what = idTree != null && idTree.isScalar() ? "node '" + idTree.text + "'" : "a node";
    Fields f = new Fields(t, what, problems, NODE);
    Optional<String> id = f.text("id", true);
    if (id.isEmpty()) {
      return;
    }
    Optional<String> kindText = f.text("kind", true);
    Optional<NodeKind> kind = kindText.flatMap(NodeKind::parse);
    if (kindText.isPresent() && kind.isEmpty()) {
      problems.at(t.get("kind"), "kind of " + what + " must be function, resource or supplier, not '"
          + kindText.get() + "'");
    }
    if (kind.isEmpty()) {
      // read on to report the rest, but say nothing more about this node's kind-bound fields
      reported.add(List.of("NODE", id.get(), "*"));
    }
    Optional<String> name = f.text("name", false);
    Optional<String> owner = f.text("owner", false);
    Optional<String> criticalityText = f.text("criticality", false);
    Optional<Criticality> criticality = criticalityText.flatMap(Criticality::parse);
    if (criticalityText.isPresent() && criticality.isEmpty()) {
      f.faulty.add("criticality");
      problems.at(t.get("criticality"), "criticality of " + what
          + " must be vital, critical, important or supporting, not '" + criticalityText.get() + "'");
    }
    Optional<Duration> mtpd = f.duration("mtpd", false);
    Optional<Duration> rto = f.duration("rto", false);
    Optional<String> mbco = f.text("mbco", false);
    List<ImpactThreshold> impacts = impacts(t.get("impacts"), what, problems, reported, id.get());
    Optional<Duration> recovery = f.duration("recovery", false);
    Optional<List<String>> tags = f.texts("tags");
    Optional<Map<String, String>> attributes = f.textMap("attributes");
    List<Requirement> requirements = requirements(t.get("requires"), what, problems, reported, id.get());
    Optional<Reliability> reliability = reliability(t.get("reliability"), what, problems);
    for (String field : f.faulty) {
      reported.add(List.of("NODE", id.get(), field));
    }
    NodeKind k = kind.orElse(criticality.isPresent() ? NodeKind.FUNCTION : NodeKind.RESOURCE);
    b.node(id.get(), k, nb -> {
      name.ifPresent(nb::name);
      owner.ifPresent(nb::owner);
      criticality.ifPresent(nb::criticality);
      mtpd.ifPresent(nb::mtpd);
      rto.ifPresent(nb::rto);
      mbco.ifPresent(nb::mbco);
      nb.impacts(impacts);
      recovery.ifPresent(nb::recovery);
      tags.ifPresent(list -> nb.tags(list.toArray(String[]::new)));
      attributes.ifPresent(map -> map.forEach(nb::attribute));
      nb.requirements(requirements);
      reliability.ifPresent(nb::reliability);
    });
  }

  private static List<Requirement> requirements(Tree t, String what, Problems problems,
      Set<List<String>> reported, String id) {
    List<Requirement> out = new ArrayList<>();
    if (t == null) {
      return out;
    }
    if (t.kind != Tree.Kind.LIST) {
      problems.at(t, "requires of " + what + " must be a list, not " + t.describe());
      return out;
    }
    for (int i = 0; i < t.list.size(); i++) {
      Tree item = t.list.get(i);
      String where = "requirement " + (i + 1) + " of " + what;
      if (item.kind == Tree.Kind.STRING || item.kind == Tree.Kind.NUMBER) {
        out.add(Requirement.on(item.text));
        continue;
      }
      Optional<Fields> mf = Fields.of(item, where, problems, REQUIREMENT);
      if (mf.isEmpty()) {
        // keep numbering aligned with the document for later messages
        out.add(new Requirement(List.of(), 1, Duration.ZERO));
        reported.add(List.of("NODE", id, "requirement " + i));
        continue;
      }
      Fields f = mf.get();
      List<String> forms = new ArrayList<>();
      for (String form : List.of("any", "all", "of")) {
        if (f.has(form)) {
          forms.add(form);
        }
      }
      Optional<Duration> tolerance = f.duration("tolerance", false);
      OptionalInt k = f.integer("k", false);
      List<String> alternatives = List.of();
      int kk = 1;
      // what validation could only repeat: the whole requirement when its alternatives are
      // unknown, otherwise the fields whose values were already reported
      boolean unknown = false;
      Set<String> said = new HashSet<>();
      if (forms.size() != 1) {
        problems.at(item, where + " needs exactly one of any:, all: or of: (with k:), not "
            + (forms.isEmpty() ? "none" : String.join(" and ", forms)));
        unknown = true;
      } else {
        String form = forms.get(0);
        Optional<List<String>> alts = f.texts(form);
        alternatives = alts.orElse(List.of());
        if (f.faulty.contains(form)) {
          // some alternatives could not be read: n, and so k's range, are not what was meant
          said.add("k");
          unknown = alternatives.isEmpty();
        }
        switch (form) {
          case "any" -> kk = 1;
          case "all" -> kk = alternatives.size();
          default -> {
            if (k.isEmpty() && !f.has("k")) {
              problems.at(item, where + " uses of: and needs k: (how many must operate)");
              said.add("k");
            }
            kk = k.orElse(1);
          }
        }
        if (!form.equals("of") && f.has("k")) {
          problems.at(f.tree("k"), where + " gives k: with " + form + ":; k: goes with of:");
          said.add("k");
        }
      }
      for (String key : f.faulty) {
        if (key.equals("k") || key.equals("tolerance")) {
          said.add(key);
        }
      }
      if (unknown) {
        reported.add(List.of("NODE", id, "requirement " + i));
      }
      for (String field : said) {
        reported.add(List.of("NODE", id, "requirement " + i, field));
      }
      out.add(new Requirement(alternatives, kk, tolerance.orElse(Duration.ZERO)));
    }
    return out;
  }

  /**
   * The impact thresholds of a node, one per item, in document order. An item that cannot be
   * read keeps its place (so later messages number the rest as the document does) as a blank
   * threshold whose validation problems are not reported again.
   */
  private static List<ImpactThreshold> impacts(Tree t, String what, Problems problems,
      Set<List<String>> reported, String id) {
    List<ImpactThreshold> out = new ArrayList<>();
    if (t == null) {
      return out;
    }
    if (t.kind != Tree.Kind.LIST) {
      problems.at(t, "impacts of " + what + " must be a list, not " + t.describe());
      reported.add(List.of("NODE", id, "impacts"));
      return out;
    }
    for (int i = 0; i < t.list.size(); i++) {
      Tree item = t.list.get(i);
      String where = "impact " + (i + 1) + " of " + what;
      Optional<Fields> mf = Fields.of(item, where, problems, IMPACT);
      ImpactThreshold placeholder = ImpactThreshold.of(Duration.ZERO, "", ImpactLevel.MINOR);
      if (mf.isEmpty()) {
        out.add(placeholder);
        reported.add(List.of("IMPACT", id, "impact " + i));
        continue;
      }
      Fields f = mf.get();
      Optional<Duration> after = f.duration("after", true);
      Optional<String> category = f.text("category", true);
      Optional<String> levelText = f.text("level", true);
      Optional<ImpactLevel> level = levelText.flatMap(ImpactLevel::parse);
      if (levelText.isPresent() && level.isEmpty()) {
        f.faulty.add("level");
        problems.at(f.tree("level"), "level of " + where
            + " must be minor, moderate, serious, severe or catastrophic, not '" + levelText.get() + "'");
      }
      Optional<String> note = f.text("note", false);
      if (after.isEmpty() || category.isEmpty() || level.isEmpty() || !f.faulty.isEmpty()) {
        out.add(placeholder);
        reported.add(List.of("IMPACT", id, "impact " + i));
        continue;
      }
      out.add(new ImpactThreshold(after.get(), category.get(), level.get(), note));
    }
    return out;
  }

  /** A threat of the risk register; one without a readable id is reported and left out. */
  private static void threat(Tree t, Model.Builder b, Problems problems, Set<List<String>> reported) {
    if (t.kind != Tree.Kind.MAP) {
      problems.at(t, "a threat must be a map, not " + t.describe());
      return;
    }
    Tree idTree = t.get("id");
    String what = idTree != null && idTree.isScalar() ? "threat '" + idTree.text + "'" : "a threat";
    Fields f = new Fields(t, what, problems, THREAT);
    Optional<String> id = f.text("id", true);
    if (id.isEmpty()) {
      return;
    }
    Threat.Builder tb = Threat.builder(id.get());
    f.text("name", false).ifPresent(tb::name);
    f.number("probability").ifPresent(tb::probability);
    f.number("rate").ifPresent(tb::ratePerYear);
    Tree duration = f.tree("duration");
    if (duration != null) {
      if (duration.kind == Tree.Kind.MAP) {
        Fields.of(duration, "duration of " + what, problems, REPAIR)
            .flatMap(df -> repair(df, duration, what, "duration", problems)).ifPresentOrElse(tb::duration,
                () -> f.faulty.add("duration"));
      } else {
        f.duration("duration", false).ifPresent(tb::duration);
      }
    }
    Tree targets = f.tree("targets");
    if (targets == null) {
      problems.at(t, what + " needs 'targets': the nodes, organisations or tags it disrupts");
      f.faulty.add("targets");
    } else if (targets.kind != Tree.Kind.LIST) {
      problems.at(targets, "targets of " + what + " must be a list, not " + targets.describe());
      f.faulty.add("targets");
    } else {
      for (int i = 0; i < targets.list.size(); i++) {
        Optional<Target> target = target(targets.list.get(i), "target " + (i + 1) + " of " + what, problems);
        if (target.isEmpty()) {
          reported.add(List.of("THREAT", id.get(), "target " + i));
        }
        // an unreadable target keeps its place, so that later ones are numbered as written
        tb.target(target.orElse(Target.node("")));
      }
    }
    for (String field : f.faulty) {
      reported.add(List.of("THREAT", id.get(), field));
    }
    b.threat(tb.build());
  }

  /** A target map: exactly one of node, organisation or tag. */
  static Optional<Target> target(Tree t, String what, Problems problems) {
    Optional<Fields> mf = Fields.of(t, what, problems, TARGET);
    if (mf.isEmpty()) {
      return Optional.empty();
    }
    Fields f = mf.get();
    List<String> forms = TARGET.stream().filter(f::has).toList();
    if (forms.size() != 1) {
      problems.at(t, what + " needs exactly one of node:, organisation: or tag:, not "
          + (forms.isEmpty() ? "none" : String.join(" and ", forms)));
      return Optional.empty();
    }
    String form = forms.get(0);
    return f.text(form, true).map(v -> switch (form) {
      case "node" -> Target.node(v);
      case "organisation" -> Target.organisation(v);
      default -> Target.tag(v);
    });
  }

  private static Optional<Reliability> reliability(Tree t, String what, Problems problems) {
    if (t == null) {
      return Optional.empty();
    }
    String where = "reliability of " + what;
    Optional<Fields> mf = Fields.of(t, where, problems, RELIABILITY);
    if (mf.isEmpty()) {
      return Optional.empty();
    }
    Fields f = mf.get();
    OptionalDouble p = f.number("probability");
    OptionalDouble rate = f.number("rate");
    Optional<RepairTime> repair = Optional.empty();
    Tree r = f.tree("repair");
    if (r != null) {
      repair = Fields.of(r, "repair of " + what, problems, REPAIR)
          .flatMap(rf -> repair(rf, r, what, "repair", problems));
    }
    return Optional.of(new Reliability(p, rate, repair));
  }

  /** The parameters of each repair distribution, in the order documents write them. */
  static final Map<String, List<String>> PARAMETERS = Map.of("fixed", List.of("duration"),
      "exponential", List.of("mean"), "uniform", List.of("min", "max"),
      "lognormal", List.of("median", "sigma"));

  /**
   * A distribution of time, under {@code key} ({@code repair} of a node's reliability, {@code
   * duration} of a threat) of {@code what}.
   */
  private static Optional<RepairTime> repair(Fields f, Tree t, String what, String key, Problems problems) {
    Optional<String> dist = f.text("distribution", true);
    if (dist.isEmpty()) {
      return Optional.empty();
    }
    List<String> parameters = PARAMETERS.get(dist.get());
    if (parameters != null) {
      // a parameter of another distribution is a mistake: it would be ignored
      String time = key.equals("repair") ? "repair time" : key;
      for (Map.Entry<String, int[]> given : t.keys.entrySet()) {
        if (REPAIR.contains(given.getKey()) && !given.getKey().equals("distribution")
            && !parameters.contains(given.getKey())) {
          problems.add(given.getValue()[0], given.getValue()[1], "'" + given.getKey() + "' is not a"
              + " parameter of a " + dist.get() + " " + time + " of " + what + " (it takes "
              + String.join(" and ", parameters) + ")");
        }
      }
    }
    switch (dist.get()) {
      case "fixed":
        return f.duration("duration", true).map(RepairTime.Fixed::new);
      case "exponential":
        return f.duration("mean", true).map(RepairTime.Exponential::new);
      case "uniform": {
        Optional<Duration> min = f.duration("min", true);
        Optional<Duration> max = f.duration("max", true);
        return min.isPresent() && max.isPresent()
            ? Optional.of(new RepairTime.Uniform(min.get(), max.get())) : Optional.empty();
      }
      case "lognormal": {
        Optional<Duration> median = f.duration("median", true);
        OptionalDouble sigma = f.number("sigma");
        if (sigma.isEmpty()) {
          problems.at(t, key + " of " + what + " needs 'sigma' for a lognormal distribution");
        }
        return median.isPresent() && sigma.isPresent()
            ? Optional.of(new RepairTime.LogNormal(median.get(), sigma.getAsDouble())) : Optional.empty();
      }
      default:
        problems.at(t.get("distribution"), "distribution of " + key + " of " + what
            + " must be fixed, exponential, uniform or lognormal, not '" + dist.get() + "'");
        return Optional.empty();
    }
  }

  // ------------------------------------------------------------------------------- writing

  /** The model as a document. */
  public static String write(Model model, Format format) {
    StringWriter out = new StringWriter();
    write(model, format, out);
    return out.toString();
  }

  /**
   * Writes the model to a file, all of it or nothing ({@link OutputFile}); the format follows the
   * file name.
   *
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public static void write(Model model, Path file) {
    Format format = Format.of(file).orElseThrow(() -> new IllegalArgumentException(
        "cannot tell the format of " + file + ": name it .yaml, .yml or .json"));
    OutputFile.write(file, w -> write(model, format, w));
  }

  /** Writes the model as a document to a writer. */
  public static void write(Model model, Format format, Writer out) {
    try (JsonGenerator g = Writers.generator(format, out)) {
      g.writeStartObject();
      g.writeNumberField("kuja", 1);
      if (model.name().isPresent()) {
        g.writeStringField("name", model.name().get());
      }
      if (!model.organisations().isEmpty()) {
        g.writeArrayFieldStart("organisations");
        for (Organisation o : model.organisations()) {
          g.writeStartObject();
          g.writeStringField("id", o.id());
          g.writeStringField("name", o.name());
          if (o.type().isPresent()) {
            g.writeStringField("type", o.type().get());
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeArrayFieldStart("nodes");
      for (Node n : model.nodes()) {
        if (!model.isExternal(n.id())) { // made from its declaration, written below
          node(g, n);
        }
      }
      g.writeEndArray();
      if (!model.threats().isEmpty()) {
        g.writeArrayFieldStart("threats");
        for (Threat t : model.threats()) {
          threat(g, t);
        }
        g.writeEndArray();
      }
      if (!model.externals().isEmpty()) {
        g.writeArrayFieldStart("externals");
        for (External e : model.externals()) {
          external(g, e);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void node(JsonGenerator g, Node n) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", n.id());
    g.writeStringField("kind", n.kind().label());
    if (!n.name().equals(n.id())) {
      g.writeStringField("name", n.name());
    }
    if (n.owner().isPresent()) {
      g.writeStringField("owner", n.owner().get());
    }
    if (n.criticality().isPresent()) {
      g.writeStringField("criticality", n.criticality().get().label());
    }
    writeDuration(g, "mtpd", n.mtpd());
    writeDuration(g, "rto", n.rto());
    if (n.mbco().isPresent()) {
      g.writeStringField("mbco", n.mbco().get());
    }
    if (!n.impacts().isEmpty()) {
      g.writeArrayFieldStart("impacts");
      for (ImpactThreshold i : n.impacts()) {
        g.writeStartObject();
        g.writeStringField("after", Durations.format(i.after()));
        g.writeStringField("category", i.category());
        g.writeStringField("level", i.level().label());
        if (i.note().isPresent()) {
          g.writeStringField("note", i.note().get());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (!n.recovery().isZero()) {
      g.writeStringField("recovery", Durations.format(n.recovery()));
    }
    if (!n.tags().isEmpty()) {
      g.writeArrayFieldStart("tags");
      for (String tag : n.tags()) {
        g.writeString(tag);
      }
      g.writeEndArray();
    }
    if (!n.attributes().isEmpty()) {
      g.writeObjectFieldStart("attributes");
      for (Map.Entry<String, String> e : n.attributes().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    }
    if (n.reliability().isPresent()) {
      reliability(g, n.reliability().get());
    }
    if (!n.requirements().isEmpty()) {
      g.writeArrayFieldStart("requires");
      for (Requirement r : n.requirements()) {
        requirement(g, r);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void external(JsonGenerator g, External e) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", e.id());
    g.writeStringField("kind", e.kind().label());
    if (!e.name().equals(e.id())) {
      g.writeStringField("name", e.name());
    }
    g.writeStringField("provider", e.provider());
    writeDuration(g, "rto", e.rto());
    writeDuration(g, "tolerance", e.tolerance());
    g.writeEndObject();
  }

  private static void requirement(JsonGenerator g, Requirement r) throws IOException {
    if (r.n() == 1 && r.k() == 1 && r.tolerance().isZero()) {
      g.writeString(r.alternatives().get(0));
      return;
    }
    g.writeStartObject();
    String form = r.k() == r.n() ? "all" : r.k() == 1 ? "any" : "of";
    g.writeArrayFieldStart(form);
    for (String a : r.alternatives()) {
      g.writeString(a);
    }
    g.writeEndArray();
    if (form.equals("of")) {
      g.writeNumberField("k", r.k());
    }
    if (!r.tolerance().isZero()) {
      g.writeStringField("tolerance", Durations.format(r.tolerance()));
    }
    g.writeEndObject();
  }

  private static void reliability(JsonGenerator g, Reliability r) throws IOException {
    g.writeObjectFieldStart("reliability");
    if (r.failureProbability().isPresent()) {
      g.writeNumberField("probability", r.failureProbability().getAsDouble());
    }
    if (r.failuresPerYear().isPresent()) {
      g.writeNumberField("rate", r.failuresPerYear().getAsDouble());
    }
    if (r.repairTime().isPresent()) {
      g.writeObjectFieldStart("repair");
      distribution(g, r.repairTime().get());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void threat(JsonGenerator g, Threat t) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", t.id());
    if (!t.name().equals(t.id())) {
      g.writeStringField("name", t.name());
    }
    Reliability r = t.occurrence();
    if (r.failureProbability().isPresent()) {
      g.writeNumberField("probability", r.failureProbability().getAsDouble());
    }
    if (r.failuresPerYear().isPresent()) {
      g.writeNumberField("rate", r.failuresPerYear().getAsDouble());
    }
    if (t.duration().isPresent()) {
      if (t.duration().get() instanceof RepairTime.Fixed f) {
        g.writeStringField("duration", Durations.format(f.duration()));
      } else {
        g.writeObjectFieldStart("duration");
        distribution(g, t.duration().get());
        g.writeEndObject();
      }
    }
    g.writeArrayFieldStart("targets");
    for (Target target : t.targets()) {
      g.writeStartObject();
      if (target instanceof Target.OfNode n) {
        g.writeStringField("node", n.id());
      } else if (target instanceof Target.OfOrganisation o) {
        g.writeStringField("organisation", o.id());
      } else if (target instanceof Target.OfTag tag) {
        g.writeStringField("tag", tag.tag());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void distribution(JsonGenerator g, RepairTime t) throws IOException {
    if (t instanceof RepairTime.Fixed f) {
      g.writeStringField("distribution", "fixed");
      g.writeStringField("duration", Durations.format(f.duration()));
    } else if (t instanceof RepairTime.Exponential e) {
      g.writeStringField("distribution", "exponential");
      g.writeStringField("mean", Durations.format(e.mean()));
    } else if (t instanceof RepairTime.Uniform u) {
      g.writeStringField("distribution", "uniform");
      g.writeStringField("min", Durations.format(u.min()));
      g.writeStringField("max", Durations.format(u.max()));
    } else if (t instanceof RepairTime.LogNormal l) {
      g.writeStringField("distribution", "lognormal");
      g.writeStringField("median", Durations.format(l.median()));
      g.writeNumberField("sigma", l.sigma());
    }
  }

  private static void writeDuration(JsonGenerator g, String key, Optional<Duration> d) throws IOException {
    if (d.isPresent()) {
      g.writeStringField(key, Durations.format(d.get()));
    }
  }
}
