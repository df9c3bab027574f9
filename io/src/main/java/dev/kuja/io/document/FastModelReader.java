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
import dev.kuja.model.Node;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
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
 * values per node, tens of millions of objects) and the second pass over it. It makes each node
 * as the model's builder would, directly, and shares what recurs: one string per node id among
 * the requirements that name it, one per owner, one optional per owner, criticality and
 * duration, and one requirement record per node needed alone with a given tolerance (records
 * are values: sharing them changes nothing but the memory and the collector's work).
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
  private final Texts ids = new Texts(1 << 16, true);
  /** Each text of a duration, kind or criticality once, with what it reads as. */
  private final Texts words = new Texts(1 << 8, false);
  private final Map<String, Object> meanings = new HashMap<>();
  /** Each organisation named as an owner once. */
  private final Texts organisations = new Texts(1 << 8, false);
  /** The optionals of {@link #shared}, by value. */
  private final Map<Object, Optional<?>> optionals = new HashMap<>();
  /** The owner of nodes, by organisation. */
  private final Map<String, Optional<String>> owners = new HashMap<>();
  /** The items of the lists being read, nested lists above their parents (see {@link #listed}). */
  private Object[] items = new Object[64];
  private int itemCount;

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
    textToken();
    return ids.of(p);
  }

  /** The current token as one of a few texts that recur (durations, kinds, criticalities). */
  private String word() throws java.io.IOException {
    textToken();
    return words.of(p);
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
    String word = word();
    Object m = meanings.get(word);
    if (m == null) {
      m = parse.apply(word).orElseThrow(FastModelReader::giveUp);
      meanings.put(word, m);
    }
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
    /**
     * Per slot the hash of a text (high half) and its number + 1 (low half), 0 for none: a table
     * of numbers, not of references, so that making a million strings does not have the
     * collector scan a table of them at every collection (references written all over a large
     * old array mark all of its cards).
     */
    private long[] table;
    /** The texts in the order they were first read: written in order, one card after another. */
    private String[] texts;
    /** A requirement on each text alone, the last made, when the texts are node ids (or null). */
    private Requirement[] alone;
    private int size;
    /** The number of the text last returned. */
    private int last;

    Texts(int capacity, boolean ids) {
      table = new long[capacity];
      texts = new String[capacity / 2];
      alone = ids ? new Requirement[capacity / 2] : null;
    }

    /** The current token's text (the caller has checked that it is one). */
    String of(JsonParser p) throws java.io.IOException {
      char[] buf = p.getTextCharacters();
      int off = p.getTextOffset();
      int len = p.getTextLength();
      int h = 0;
      for (int i = off; i < off + len; i++) {
        h = 31 * h + buf[i];
      }
      int mask = table.length - 1;
      for (int slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
        long entry = table[slot];
        if (entry == 0) {
          String made = checked(new String(buf, off, len));
          if (size == texts.length) {
            texts = java.util.Arrays.copyOf(texts, size * 2);
            if (alone != null) {
              alone = java.util.Arrays.copyOf(alone, size * 2);
            }
          }
          texts[size] = made;
          table[slot] = (long) h << 32 | (size + 1);
          last = size;
          if (++size * 2 > table.length) {
            grow();
          }
          return made;
        }
        if ((int) (entry >>> 32) == h) {
          int number = (int) entry - 1;
          String s = texts[number];
          if (same(s, buf, off, len)) {
            last = number;
            return s;
          }
        }
      }
    }

    /**
     * A requirement on the node id last returned alone, with this k and tolerance: the one made
     * before when it has them (a node that many others need plainly is needed by one record),
     * else a new one, which shares its list with the one before.
     */
    Requirement alone(int k, Duration tolerance) {
      Requirement before = alone[last];
      if (before != null && before.k() == k && before.tolerance().equals(tolerance)) {
        return before;
      }
      Requirement made = new Requirement(before != null ? before.alternatives() : List.of(texts[last]), k,
          tolerance);
      alone[last] = made;
      return made;
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
      long[] old = table;
      table = new long[old.length * 2];
      int mask = table.length - 1;
      for (long entry : old) {
        if (entry != 0) {
          int h = (int) (entry >>> 32);
          int slot = (h ^ (h >>> 16)) & mask;
          while (table[slot] != 0) {
            slot = (slot + 1) & mask;
          }
          table[slot] = entry;
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
    int from = itemCount;
    while (next() != JsonToken.END_ARRAY) {
      push(nodeIds ? id() : text());
    }
    return listed(from);
  }

  private void push(Object item) {
    if (itemCount == items.length) {
      items = java.util.Arrays.copyOf(items, itemCount * 2);
    }
    items[itemCount++] = item;
  }

  /**
   * The items pushed since {@code from}, as an unmodifiable list, taken off the stack: the lists
   * of a node are made once, at their size, with no list to grow and copy.
   */
  @SuppressWarnings("unchecked")
  private <T> List<T> listed(int from) {
    int size = itemCount - from;
    Object[] a = items;
    List<Object> out = switch (size) {
      case 0 -> List.of();
      case 1 -> List.of(a[from]);
      case 2 -> List.of(a[from], a[from + 1]);
      default -> List.of(java.util.Arrays.copyOfRange(a, from, itemCount));
    };
    java.util.Arrays.fill(a, from, itemCount, null);
    itemCount = from;
    return (List<T>) out;
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
        case "owner" -> {
          textToken();
          owner = unique(owner, organisations.of(p));
        }
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
    // the node as its builder makes it: a name not given is the id, tags once each in order
    b.node(new Node(id, kind, name == null ? id : name, owner == null ? Optional.empty() : owned(owner),
        shared(criticality), shared(mtpd), shared(rto),
        Optional.ofNullable(mbco), impacts == null ? List.of() : impacts,
        recovery == null ? Duration.ZERO : recovery,
        tags == null ? Set.of() : new LinkedHashSet<>(tags), attributes == null ? Map.of() : attributes,
        requirements == null ? List.of() : requirements, Optional.ofNullable(reliability)));
  }

  /** An optional of a value that recurs (a criticality, a duration): one per distinct value. */
  @SuppressWarnings("unchecked")
  private <T> Optional<T> shared(T value) {
    if (value == null) {
      return Optional.empty();
    }
    Optional<?> o = optionals.get(value);
    if (o == null) {
      o = Optional.of(value);
      optionals.put(value, o);
    }
    return (Optional<T>) o;
  }

  /** The owner of a node, one string and one optional per organisation named. */
  private Optional<String> owned(String organisation) {
    return owners.computeIfAbsent(organisation, Optional::of);
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
    int from = itemCount;
    while (next() != JsonToken.END_ARRAY) {
      if (p.currentToken() == JsonToken.VALUE_STRING || p.currentToken() == JsonToken.VALUE_NUMBER_INT
          || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
        id();
        push(ids.alone(1, Duration.ZERO)); // as Requirement.on makes it
      } else {
        push(requirement());
      }
    }
    return listed(from);
  }

  private Requirement requirement() throws java.io.IOException {
    map();
    String form = null;
    List<String> alternatives = null;
    Integer k = null;
    Duration tolerance = null;
    boolean alone = false;
    while (next() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      next();
      switch (key) {
        case "any", "all", "of" -> {
          form = unique(form, key);
          alternatives = texts(true);
          alone = alternatives.size() == 1; // the last id read is the one
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
    Duration t = tolerance == null ? Duration.ZERO : tolerance;
    // no id is read after the alternatives within a requirement: the last one read is still its own
    return alone ? ids.alone(kk, t) : new Requirement(alternatives, kk, t);
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
