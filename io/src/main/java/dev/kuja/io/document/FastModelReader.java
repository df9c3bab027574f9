package dev.kuja.io.document;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kuja.io.syntax.Source;
import dev.kuja.io.syntax.StrictReader;
import dev.kuja.model.Criticality;
import dev.kuja.model.Durations;
import dev.kuja.model.ImpactLevel;
import dev.kuja.model.ImpactThreshold;
import dev.kuja.model.Model;
import dev.kuja.model.NodeKind;
import dev.kuja.model.Organisation;
import dev.kuja.model.Reliability;
import dev.kuja.model.RepairTime;
import dev.kuja.model.Requirement;
import dev.kuja.model.Target;
import dev.kuja.model.Threat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The fast path of reading a model document: straight from the parser's tokens into the model,
 * with no located tree. It reads a document only as far as it finds nothing to object to: an
 * unknown or repeated key, a value of another type than expected, a text that is not a
 * duration, a character a document may not carry, a model that does not validate — on the
 * first such thing it gives up, and {@link ModelDocuments} reads the document again with the
 * located reader, which finds every problem and names its line and column. What it reads it
 * reads exactly as the located reader does: a property checks that both give equal models. A
 * document that includes others or declares externals is composed by the located reader.
 *
 * <p>On a valid document of 10^6 nodes it saves the tree of every node (a map of located
 * values per node, tens of millions of objects) and the second pass over it, and it shares one
 * string per node id among the requirements that name it.
 */
final class FastModelReader {

  /** Thrown to give up; carries no stack, it is not an error. */
  static final class GiveUp extends RuntimeException {
    GiveUp() {
      super(null, null, false, false);
    }
  }

  private static final GiveUp GIVE_UP = new GiveUp();

  private final JsonParser p;
  private final Model.Builder b = Model.builder();
  /** Each id once, so that the alternatives naming a node share its id's string. */
  private final Texts ids = new Texts(1 << 16);
  /** Each text of a duration, kind or criticality once, with what it reads as. */
  private final Texts words = new Texts(1 << 8);
  private final Map<String, Object> meanings = new HashMap<>();

  private FastModelReader(JsonParser p, String document) {
    this.p = p;
    b.from(document); // every node remembers its document, as the located reader has it
  }

  /** The model of a valid document, or empty when the located reader must read it. */
  static Optional<Model> read(Source source) {
    try (JsonParser p = source.openFast()) {
      return Optional.of(new FastModelReader(p, source.name()).document());
    } catch (Exception | StackOverflowError e) {
      // a problem of any kind, the parser's included: the located reader will say what it is
      return Optional.empty();
    }
  }

  private static GiveUp giveUp() {
    return GIVE_UP;
  }

  private JsonToken next() throws java.io.IOException {
    JsonToken t = p.nextToken();
    if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser y && y.isCurrentAlias()) {
      throw giveUp(); // the located reader refuses aliases, with their place
    }
    return t;
  }

  private void expect(JsonToken t) throws java.io.IOException {
    if (next() != t) {
      throw giveUp();
    }
  }

  private Model document() throws java.io.IOException {
    expect(JsonToken.START_OBJECT);
    boolean version = false;
    boolean name = false;
    boolean organisations = false;
    boolean nodes = false;
    boolean threats = false;
    while (next() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      next();
      switch (key) {
        case "kuja" -> {
          version = once(version);
          if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || !p.getText().equals("1")) {
            throw giveUp();
          }
        }
        case "name" -> {
          name = once(name);
          b.name(text());
        }
        case "organisations" -> {
          organisations = once(organisations);
          list();
          while (next() != JsonToken.END_ARRAY) {
            organisation();
          }
        }
        case "nodes" -> {
          nodes = once(nodes);
          list();
          while (next() != JsonToken.END_ARRAY) {
            node();
          }
        }
        case "threats" -> {
          threats = once(threats);
          list();
          while (next() != JsonToken.END_ARRAY) {
            threat();
          }
        }
        default -> throw giveUp(); // include and externals among them: the located reader composes
      }
    }
    if (!version || p.currentToken() != JsonToken.END_OBJECT || next() != null) {
      throw giveUp();
    }
    return b.build(); // a model that does not validate throws: the located reader places its problems
  }

  private static boolean once(boolean seen) {
    if (seen) {
      throw giveUp(); // a key twice in one map
    }
    return true;
  }

  private void list() {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw giveUp();
    }
  }

  private void map() {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw giveUp();
    }
  }

  /** The current token as text, as the located reader takes a scalar (not null). */
  private String text() throws java.io.IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT
        && t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
      throw giveUp();
    }
    return checked(p.getText());
  }

  /** A text with no character a document may not carry (the bytes are checked by the parser). */
  private static String checked(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 || c >= 0x7F) && StrictReader.forbidden(c)) {
        throw giveUp();
      }
    }
    return s;
  }

  /** A node id or a reference to one, one string per id, made only the first time it is read. */
  private String id() throws java.io.IOException {
    return ids.of(p, this::textToken);
  }

  /** The current token as one of a few texts that recur (durations, kinds, criticalities). */
  private String word() throws java.io.IOException {
    return words.of(p, this::textToken);
  }

  private void textToken() {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT
        && t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
      throw giveUp();
    }
  }

  private Duration duration() throws java.io.IOException {
    // Durations.parse throws on a text that is not one: the located reader then says where
    return meaning(Duration.class, t -> Optional.of(Durations.parse(t)).filter(d -> !d.isNegative()));
  }

  private NodeKind kind() throws java.io.IOException {
    return meaning(NodeKind.class, NodeKind::parse);
  }

  private Criticality criticality() throws java.io.IOException {
    return meaning(Criticality.class, Criticality::parse);
  }

  /**
   * The next word read as a value of {@code type}, parsed once per distinct text and remembered;
   * a text that does not parse, or that already means a value of another type, gives up.
   */
  private <T> T meaning(Class<T> type, Function<String, Optional<T>> parse) throws java.io.IOException {
    Object m = meanings.computeIfAbsent(word(), t -> parse.apply(checked(t)).orElseThrow(FastModelReader::giveUp));
    if (!type.isInstance(m)) {
      throw giveUp();
    }
    return type.cast(m);
  }

  /**
   * Texts as the parser holds them, each made a string once: a hash table of strings keyed by
   * their characters, looked up in the parser's buffer, so that a text read a million times
   * makes one string and is hashed where it lies.
   */
  private static final class Texts {
    private String[] table;
    private int[] hashes;
    private int size;

    Texts(int capacity) {
      table = new String[capacity];
      hashes = new int[capacity];
    }

    String of(JsonParser p, Runnable check) throws java.io.IOException {
      check.run();
      char[] buf = p.getTextCharacters();
      int off = p.getTextOffset();
      int len = p.getTextLength();
      int h = 0;
      for (int i = off; i < off + len; i++) {
        h = 31 * h + buf[i];
      }
      int mask = table.length - 1;
      for (int slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
        String s = table[slot];
        if (s == null) {
          String made = checked(new String(buf, off, len));
          table[slot] = made;
          hashes[slot] = h;
          if (++size * 2 > table.length) {
            grow();
          }
          return made;
        }
        if (hashes[slot] == h && same(s, buf, off, len)) {
          return s;
        }
      }
    }

    private static boolean same(String s, char[] buf, int off, int len) {
      if (s.length() != len) {
        return false;
      }
      for (int i = 0; i < len; i++) {
        if (s.charAt(i) != buf[off + i]) {
          return false;
        }
      }
      return true;
    }

    private void grow() {
      String[] oldTable = table;
      int[] oldHashes = hashes;
      table = new String[oldTable.length * 2];
      hashes = new int[oldTable.length * 2];
      int mask = table.length - 1;
      for (int i = 0; i < oldTable.length; i++) {
        if (oldTable[i] != null) {
          int h = oldHashes[i];
          int slot = (h ^ (h >>> 16)) & mask;
          while (table[slot] != null) {
            slot = (slot + 1) & mask;
          }
          table[slot] = oldTable[i];
          hashes[slot] = h;
        }
      }
    }
  }

  private double number() throws java.io.IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw giveUp();
    }
    double d = Double.parseDouble(p.getText());
    if (!Double.isFinite(d)) {
      throw giveUp();
    }
    return d;
  }

  private int integer() throws java.io.IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw giveUp();
    }
    return Integer.parseInt(p.getText());
  }

  private List<String> texts(boolean nodeIds) throws java.io.IOException {
    list();
    List<String> out = new ArrayList<>();
    while (next() != JsonToken.END_ARRAY) {
      out.add(nodeIds ? id() : text());
    }
    return out;
  }

  private void organisation() throws java.io.IOException {
    map();
    String id = null;
    String name = null;
    String type = null;
    while (next() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      next();
      switch (key) {
        case "id" -> id = unique(id, text());
        case "name" -> name = unique(name, text());
        case "type" -> type = unique(type, text());
        default -> throw giveUp();
      }
    }
    if (id == null || name == null) {
      throw giveUp();
    }
    b.organisation(new Organisation(id, name, Optional.ofNullable(type)));
  }

  private static <T> T unique(T before, T value) {
    if (before != null) {
      throw giveUp();
    }
    return value;
  }

  private void node() throws java.io.IOException {
    map();
    String id = null;
    NodeKind kind = null;
    String name = null;
    String owner = null;
    Criticality criticality = null;
    Duration mtpd = null;
    Duration rto = null;
    String mbco = null;
    Duration recovery = null;
    List<ImpactThreshold> impacts = null;
    List<String> tags = null;
    Map<String, String> attributes = null;
    Reliability reliability = null;
    List<Requirement> requirements = null;
    while (next() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      next();
      switch (key) {
        case "id" -> id = unique(id, id());
        case "kind" -> kind = unique(kind, kind());
        case "name" -> name = unique(name, text());
        case "owner" -> owner = unique(owner, text());
        case "criticality" -> criticality = unique(criticality, criticality());
        case "mtpd" -> mtpd = unique(mtpd, duration());
        case "rto" -> rto = unique(rto, duration());
        case "mbco" -> mbco = unique(mbco, text());
        case "recovery" -> recovery = unique(recovery, duration());
        case "impacts" -> impacts = unique(impacts, impacts());
        case "tags" -> tags = unique(tags, texts(false));
        case "attributes" -> attributes = unique(attributes, attributes());
        case "reliability" -> reliability = unique(reliability, reliability());
        case "requires" -> requirements = unique(requirements, requirements());
        default -> throw giveUp();
      }
    }
    if (id == null || kind == null) {
      throw giveUp();
    }
    String n = name;
    String o = owner;
    Criticality c = criticality;
    Duration m = mtpd;
    Duration r = rto;
    String mb = mbco;
    Duration rec = recovery;
    List<ImpactThreshold> imp = impacts == null ? List.of() : impacts;
    List<String> tg = tags;
    Map<String, String> at = attributes;
    Reliability rel = reliability;
    List<Requirement> reqs = requirements == null ? List.of() : requirements;
    b.node(id, kind, nb -> {
      if (n != null) {
        nb.name(n);
      }
      if (o != null) {
        nb.owner(o);
      }
      if (c != null) {
        nb.criticality(c);
      }
      if (m != null) {
        nb.mtpd(m);
      }
      if (r != null) {
        nb.rto(r);
      }
      if (mb != null) {
        nb.mbco(mb);
      }
      nb.impacts(imp);
      if (rec != null) {
        nb.recovery(rec);
      }
      if (tg != null) {
        nb.tags(tg.toArray(String[]::new));
      }
      if (at != null) {
        at.forEach(nb::attribute);
      }
      nb.requirements(reqs);
      if (rel != null) {
        nb.reliability(rel);
      }
    });
  }

  /** Impact thresholds: each a map of after, category and level, and perhaps a note. */
  private List<ImpactThreshold> impacts() throws java.io.IOException {
    list();
    List<ImpactThreshold> out = new ArrayList<>();
    while (next() != JsonToken.END_ARRAY) {
      map();
      Duration after = null;
      String category = null;
      ImpactLevel level = null;
      String note = null;
      while (next() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        next();
        switch (key) {
          case "after" -> after = unique(after, duration());
          case "category" -> category = unique(category, text());
          case "level" -> level = unique(level, ImpactLevel.parse(text()).orElseThrow(FastModelReader::giveUp));
          case "note" -> note = unique(note, text());
          default -> throw giveUp();
        }
      }
      if (after == null || category == null || level == null) {
        throw giveUp();
      }
      out.add(new ImpactThreshold(after, category, level, Optional.ofNullable(note)));
    }
    return out;
  }

  /** A threat of the risk register: its id, name, occurrence, duration and targets. */
  private void threat() throws java.io.IOException {
    map();
    String id = null;
    String name = null;
    Double probability = null;
    Double rate = null;
    RepairTime duration = null;
    List<Target> targets = null;
    while (next() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      next();
      switch (key) {
        case "id" -> id = unique(id, text());
        case "name" -> name = unique(name, text());
        case "probability" -> probability = unique(probability, number());
        case "rate" -> rate = unique(rate, number());
        case "duration" -> duration = unique(duration, p.currentToken() == JsonToken.START_OBJECT
            ? repair() : new RepairTime.Fixed(duration()));
        case "targets" -> targets = unique(targets, targets());
        default -> throw giveUp();
      }
    }
    if (id == null || targets == null) {
      throw giveUp();
    }
    Threat.Builder tb = Threat.builder(id);
    if (name != null) {
      tb.name(name);
    }
    if (probability != null) {
      tb.probability(probability);
    }
    if (rate != null) {
      tb.ratePerYear(rate);
    }
    if (duration != null) {
      tb.duration(duration);
    }
    targets.forEach(tb::target);
    b.threat(tb.build());
  }

  /** Targets: maps of exactly one of node, organisation or tag. */
  private List<Target> targets() throws java.io.IOException {
    list();
    List<Target> out = new ArrayList<>();
    while (next() != JsonToken.END_ARRAY) {
      map();
      Target target = null;
      while (next() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        next();
        Target t = switch (key) {
          case "node" -> Target.node(id());
          case "organisation" -> Target.organisation(text());
          case "tag" -> Target.tag(text());
          default -> throw giveUp();
        };
        target = unique(target, t);
      }
      if (target == null) {
        throw giveUp();
      }
      out.add(target);
    }
    return out;
  }

  private Map<String, String> attributes() throws java.io.IOException {
    map();
    Map<String, String> out = new LinkedHashMap<>();
    while (next() == JsonToken.FIELD_NAME) {
      String key = checked(p.currentName());
      next();
      if (out.put(key, text()) != null) {
        throw giveUp();
      }
    }
    return out;
  }

  private List<Requirement> requirements() throws java.io.IOException {
    list();
    List<Requirement> out = new ArrayList<>();
    while (next() != JsonToken.END_ARRAY) {
      if (p.currentToken() == JsonToken.VALUE_STRING || p.currentToken() == JsonToken.VALUE_NUMBER_INT
          || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
        out.add(Requirement.on(id()));
      } else {
        out.add(requirement());
      }
    }
    return out;
  }

  private Requirement requirement() throws java.io.IOException {
    map();
    String form = null;
    List<String> alternatives = null;
    Integer k = null;
    Duration tolerance = null;
    while (next() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      next();
      switch (key) {
        case "any", "all", "of" -> {
          form = unique(form, key);
          alternatives = texts(true);
        }
        case "k" -> k = unique(k, integer());
        case "tolerance" -> tolerance = unique(tolerance, duration());
        default -> throw giveUp();
      }
    }
    if (form == null || (form.equals("of") != (k != null))) {
      throw giveUp();
    }
    int kk = switch (form) {
      case "any" -> 1;
      case "all" -> alternatives.size();
      default -> k;
    };
    return new Requirement(alternatives, kk, tolerance == null ? Duration.ZERO : tolerance);
  }

  private Reliability reliability() throws java.io.IOException {
    map();
    OptionalDouble probability = OptionalDouble.empty();
    OptionalDouble rate = OptionalDouble.empty();
    Optional<RepairTime> repair = Optional.empty();
    boolean[] seen = new boolean[3];
    while (next() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      next();
      switch (key) {
        case "probability" -> {
          seen[0] = once(seen[0]);
          probability = OptionalDouble.of(number());
        }
        case "rate" -> {
          seen[1] = once(seen[1]);
          rate = OptionalDouble.of(number());
        }
        case "repair" -> {
          seen[2] = once(seen[2]);
          repair = Optional.of(repair());
        }
        default -> throw giveUp();
      }
    }
    return new Reliability(probability, rate, repair);
  }

  /** A repair time: a distribution and exactly its parameters. */
  private RepairTime repair() throws java.io.IOException {
    map();
    Map<String, Object> values = new HashMap<>();
    while (next() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      next();
      Object value = switch (key) {
        case "distribution" -> text();
        case "sigma" -> number();
        case "duration", "mean", "min", "max", "median" -> duration();
        default -> throw giveUp();
      };
      if (values.put(key, value) != null) {
        throw giveUp();
      }
    }
    Object distribution = values.remove("distribution");
    if (!(distribution instanceof String dist)) {
      throw giveUp();
    }
    List<String> parameters = ModelDocuments.PARAMETERS.get(dist);
    if (parameters == null || !values.keySet().equals(java.util.Set.copyOf(parameters))) {
      throw giveUp();
    }
    return switch (dist) {
      case "fixed" -> new RepairTime.Fixed((Duration) values.get("duration"));
      case "exponential" -> new RepairTime.Exponential((Duration) values.get("mean"));
      case "uniform" -> new RepairTime.Uniform((Duration) values.get("min"), (Duration) values.get("max"));
      default -> new RepairTime.LogNormal((Duration) values.get("median"), (Double) values.get("sigma"));
    };
  }
}
