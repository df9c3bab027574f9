package dev.kuja.io.export;

import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Problem;
import dev.kuja.model.Reliability;
import dev.kuja.model.Requirement;
import dev.kuja.model.Target;
import dev.kuja.model.Threat;
import dev.kuja.model.ValidationException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;

/**
 * The model's failure logic as Open-PSA Model Exchange Format (MEF 2.0) XML, so that fault-tree
 * tools such as SCRAM can read it: one fault tree per function, whose top event is "the
 * function fails". A node fails when its own basic event occurs or one of its requirements
 * breaks; a k-of-n requirement breaks when at least n−k+1 alternatives fail.
 *
 * <p>Fault trees are acyclic; Kuja models need not be. Cycles are unfolded: a branch that would
 * come back to a node already on the way down cannot fail through that cycle (the least
 * fixpoint) and is dropped. Gates are written in the simplest form MEF tools accept: {@code or}
 * and {@code and} with two or more arguments, {@code atleast} only where 1 &lt; n−k+1 &lt; n, a
 * single argument in place of a one-argument gate. Tolerances and recovery times have no place
 * in static fault trees and are left out.
 *
 * <p>Each threat of the model's risk register is a basic event too, an argument of the gate of
 * every node it fails: a common cause. Every basic event carries a probability: the node's (or
 * threat's) mean unavailability over a study period ({@link Reliability#unavailability(Duration)}),
 * the same static snapshot that Kuja's importance measures read, so a fault-tree tool's
 * probability and importance analysis answers for the same numbers; 0 for a node without
 * reliability data, which never fails by itself in Kuja's stochastic analyses. Names follow
 * {@link #name(String)}; see docs/documents.md#open-psa-mef.
 */
public final class OpenPsaMef {

  /** Unfolding stops beyond this many gates (a model with very large cycles). */
  public static final int MAX_GATES = 200_000;

  /** The study period of the probabilities unless another is given: 365 days. */
  public static final Duration DEFAULT_PERIOD = Duration.ofDays(365);

  private final Model model;
  private final Duration period;
  private final Map<String, Integer> scc = new HashMap<>();
  private final Set<Integer> cyclic = new HashSet<>();
  /** The basic events of the threats that fail each node, in the order of the model's threats. */
  private final Map<String, List<String>> threatsOf = new HashMap<>();

  private OpenPsaMef(Model model, Duration period) {
    this.model = model;
    this.period = period;
    var inspector = new KosarajuStrongConnectivityInspector<>(model.graph());
    int i = 0;
    for (Set<String> component : inspector.stronglyConnectedSets()) {
      for (String v : component) {
        scc.put(v, i);
      }
      if (component.size() > 1) {
        cyclic.add(i);
      }
      i++;
    }
    for (Threat t : model.threats()) {
      for (Target target : t.targets()) {
        for (Node n : target.nodesIn(model)) {
          List<String> events = threatsOf.computeIfAbsent(n.id(), x -> new ArrayList<>());
          if (!events.contains(threatEvent(t.id()))) {
            events.add(threatEvent(t.id()));
          }
        }
      }
    }
  }

  /**
   * The whole model as an {@code opsa-mef} document, probabilities over {@link #DEFAULT_PERIOD}.
   *
   * @throws ValidationException when a function's fault tree would need more than {@link
   *     #MAX_GATES} gates
   */
  public static String write(Model model) {
    return write(model, DEFAULT_PERIOD);
  }

  /**
   * The whole model as an {@code opsa-mef} document, each basic event's probability its node's
   * mean unavailability over {@code period}.
   *
   * @throws IllegalArgumentException when the period is not positive
   * @throws ValidationException when a function's fault tree would need more than {@link
   *     #MAX_GATES} gates
   */
  public static String write(Model model, Duration period) {
    return write(model, period, model.functions().stream().map(Node::id).toList());
  }

  /**
   * The fault trees of the given functions only, in the order given: for a fault-tree tool that
   * should analyse one function of a large model.
   *
   * @throws java.util.NoSuchElementException when a name is not a node of the model
   * @throws IllegalArgumentException when the period is not positive, or a node named is not a
   *     function (or is named twice)
   * @throws ValidationException when a function's fault tree would need more than {@link
   *     #MAX_GATES} gates
   */
  public static String write(Model model, Duration period, List<String> functions) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(period, "period");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("the study period must be positive, not " + period);
    }
    List<Node> trees = new ArrayList<>();
    for (String f : Objects.requireNonNull(functions, "functions")) {
      Node n = model.requireNode(f);
      if (!n.isFunction()) {
        throw new IllegalArgumentException("'" + f + "' is a " + n.kind().label() + ", not a function");
      }
      if (trees.contains(n)) {
        throw new IllegalArgumentException("'" + f + "' is named twice");
      }
      trees.add(n);
    }
    return new OpenPsaMef(model, period).document(trees);
  }

  /** The name of the fault tree of a function: {@code ft-} and the function's {@linkplain #name(String) name}. */
  public static String faultTree(String function) {
    return "ft-" + name(function);
  }

  /** The name of the top gate of a function's tree, "the function fails": its top event. */
  public static String topGate(String function) {
    return gate(function, function, List.of());
  }

  /** The name of the basic event "the node fails by itself": {@code e-} and the node's {@linkplain #name(String) name}. */
  public static String basicEvent(String node) {
    return "e-" + name(node);
  }

  /**
   * The name of the basic event "the threat happens" of a threat of the model's risk register:
   * {@code t-} and the threat's {@linkplain #name(String) name}. It is an argument of the gate of
   * every node the threat fails.
   */
  public static String threatEvent(String threat) {
    return "t-" + name(threat);
  }

  /**
   * A Kuja id as part of an MEF name, which must be an XML name (NCName, as SCRAM's libxml2 reads
   * it: the letters of XML 1.0, 4th edition) without periods, double hyphens or a hyphen at the
   * end. ASCII letters and digits, and the Latin letters U+00C0–U+017E that XML names allow (ä,
   * ö, å, š, ž, č, đ, ŋ, ŧ …), stay as they are; a hyphen stays unless it is first, last or
   * follows another; every other character c becomes {@code _h_}, h the code point of c in
   * lower-case hexadecimal ({@code _} is {@code _5f_}, {@code .} is {@code _2e_}). The mapping
   * is one-to-one, and since {@code _} only ever starts an escape, names built from several ids
   * joined by {@code __} (and gates of requirements marked {@code _r1}, {@code _r2} …) are
   * one-to-one too.
   */
  public static String name(String id) {
    StringBuilder sb = new StringBuilder(id.length() + 8);
    int[] cps = id.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      boolean keep;
      if (c == '-') {
        keep = i > 0 && i < cps.length - 1 && cps[i - 1] != '-';
      } else {
        keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || latinLetter(c);
      }
      if (keep) {
        sb.appendCodePoint(c);
      } else {
        sb.append('_').append(Integer.toHexString(c)).append('_');
      }
    }
    return sb.toString();
  }

  /** The letters of U+00C0–U+017E that XML 1.0 (4th edition) accepts in names. */
  private static boolean latinLetter(int c) {
    return c >= 0xC0 && c <= 0x17E && c != 0xD7 && c != 0xF7
        && c != 0x132 && c != 0x133 && c != 0x13F && c != 0x140 && c != 0x149;
  }

  /** The gate "node fails" in the tree of {@code function}, under the cycle members above it. */
  private static String gate(String function, String node, List<String> context) {
    StringBuilder sb = new StringBuilder("g-").append(name(function)).append("__").append(name(node));
    for (String c : context) {
      sb.append("__").append(name(c));
    }
    return sb.toString();
  }

  /** A formula of a gate: a constant false, a reference to a gate or basic event, or an operator. */
  private sealed interface Formula permits False, Ref, Op {}

  private record False() implements Formula {
    static final False FALSE = new False();
  }

  /** A reference: {@code kind} is {@code gate} or {@code basic-event}. */
  private record Ref(String kind, String name) implements Formula {}

  /** {@code or}, {@code and}, or {@code atleast} with {@code min}, over two or more arguments. */
  private record Op(String op, int min, List<Formula> args) implements Formula {}

  /** A gate definition: name, label and formula. */
  private record Gate(String name, String label, Formula formula) {}

  /**
   * At least {@code m} of the arguments, simplified: false arguments dropped, {@code or} for one,
   * {@code and} for all, false when fewer than m remain, the argument itself when one remains.
   */
  private static Formula atLeast(int m, List<Formula> args) {
    List<Formula> live = args.stream().filter(a -> !(a instanceof False)).toList();
    if (m > live.size()) {
      return False.FALSE;
    }
    if (live.size() == 1) {
      return live.get(0);
    }
    if (m == 1) {
      return new Op("or", 0, live);
    }
    if (m == live.size()) {
      return new Op("and", 0, live);
    }
    return new Op("atleast", m, live);
  }

  /** One function's tree being unfolded. */
  private final class Tree {
    final String function;
    final Map<String, Gate> gates = new LinkedHashMap<>();
    final Map<List<Object>, Formula> memo = new HashMap<>();

    Tree(String function) {
      this.function = function;
    }

    /** The formula of "v fails", given the nodes on the way down. */
    Formula expand(String v, LinkedHashSet<String> path) {
      int component = scc.get(v);
      List<String> context = new ArrayList<>();
      if (cyclic.contains(component)) {
        Set<String> inCycle = new TreeSet<>();
        for (String p : path) {
          if (scc.get(p) == component) {
            inCycle.add(p);
          }
        }
        context.addAll(inCycle);
      }
      List<Object> key = List.of(v, context);
      Formula known = memo.get(key);
      if (known != null) {
        return known;
      }
      if (gates.size() > MAX_GATES) {
        // a limit of the input, not a bug: said as a problem of the export (exit status 2)
        throw new ValidationException(List.of(Problem.setting("export", String.format(Locale.ROOT,
            "the cycles of the model unfold into more than %,d fault-tree gates in the tree of '%s';"
                + " an Open-PSA export of this model is too large (break or shrink its largest cycles,"
                + " or choose another format)", MAX_GATES, function))));
      }
      Node n = model.requireNode(v);
      String gate = gate(function, v, context);
      List<Formula> children = new ArrayList<>();
      children.add(new Ref("basic-event", basicEvent(v)));
      for (String threat : threatsOf.getOrDefault(v, List.of())) {
        children.add(new Ref("basic-event", threat));
      }
      path.add(v);
      int r = 0;
      for (Requirement req : n.requirements()) {
        r++;
        List<Formula> alts = new ArrayList<>();
        for (String a : req.alternatives()) {
          alts.add(path.contains(a) ? False.FALSE : expand(a, path));
        }
        Formula breaks = atLeast(req.failuresToBreak(), alts);
        if (breaks instanceof Op) {
          String rg = gate + "_r" + r;
          gates.put(rg, new Gate(rg, "requirement " + r + " of " + v + " (" + req + ") breaks", breaks));
          breaks = new Ref("gate", rg);
        }
        children.add(breaks);
      }
      path.remove(v);
      Formula fails = atLeast(1, children);
      Formula result = fails;
      if (fails instanceof Op || v.equals(function)) {
        gates.put(gate, new Gate(gate, n.name() + " fails", fails));
        result = new Ref("gate", gate);
      }
      memo.put(key, result);
      return result;
    }

    /** The gates reachable from the top, top first, and the basic events they name. */
    List<Gate> reachable(String top, Set<String> events) {
      List<Gate> out = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      Deque<String> todo = new ArrayDeque<>();
      todo.push(top);
      seen.add(top);
      while (!todo.isEmpty()) {
        Gate g = gates.get(todo.pop());
        out.add(g);
        List<Formula> args = g.formula() instanceof Op op ? op.args() : List.of(g.formula());
        for (int i = args.size() - 1; i >= 0; i--) {
          if (args.get(i) instanceof Ref ref) {
            if (ref.kind().equals("gate")) {
              if (seen.add(ref.name())) {
                todo.push(ref.name());
              }
            } else {
              events.add(ref.name());
            }
          }
        }
      }
      return out;
    }
  }

  private String document(List<Node> functions) {
    StringWriter out = new StringWriter();
    try {
      // the JDK's own writer: a StAX provider on the class path (Aalto, which the workbook reader
      // brings) would otherwise be chosen and escape differently
      XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      nl(x, 0);
      x.writeStartElement("opsa-mef");
      Set<String> events = new HashSet<>();
      for (Node f : functions) {
        Tree tree = new Tree(f.id());
        tree.expand(f.id(), new LinkedHashSet<>());
        List<Gate> gates = tree.reachable(topGate(f.id()), events);
        nl(x, 1);
        x.writeStartElement("define-fault-tree");
        x.writeAttribute("name", faultTree(f.id()));
        nl(x, 2);
        x.writeStartElement("label");
        x.writeCharacters(XmlText.of(f.name() + " fails"));
        x.writeEndElement();
        for (Gate g : gates) {
          writeGate(x, g);
        }
        nl(x, 1);
        x.writeEndElement();
      }
      nl(x, 1);
      x.writeStartElement("model-data");
      for (Node n : model.nodes()) {
        if (events.contains(basicEvent(n.id()))) {
          writeEvent(x, n);
        }
      }
      for (Threat t : model.threats()) {
        if (events.contains(threatEvent(t.id()))) {
          writeThreat(x, t);
        }
      }
      nl(x, 1);
      x.writeEndElement();
      nl(x, 0);
      x.writeEndElement();
      nl(x, 0);
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("could not write Open-PSA MEF: " + e.getMessage(), e);
    }
    return out.toString();
  }

  private void writeEvent(XMLStreamWriter x, Node n) throws XMLStreamException {
    nl(x, 2);
    x.writeStartElement("define-basic-event");
    x.writeAttribute("name", basicEvent(n.id()));
    nl(x, 3);
    x.writeStartElement("label");
    String p = Durations.format(period);
    x.writeCharacters(XmlText.of(n.name() + " fails by itself (" + n.reliability()
        .map(r -> "probability: the mean unavailability over " + p + " of " + r)
        .orElse("no reliability data: probability 0, as in Kuja's stochastic analyses") + ")"));
    x.writeEndElement();
    nl(x, 3);
    x.writeEmptyElement("float");
    double q = n.reliability().map(r -> r.unavailability(period)).orElse(0d);
    x.writeAttribute("value", Double.toString(q));
    nl(x, 2);
    x.writeEndElement();
  }

  private void writeThreat(XMLStreamWriter x, Threat t) throws XMLStreamException {
    nl(x, 2);
    x.writeStartElement("define-basic-event");
    x.writeAttribute("name", threatEvent(t.id()));
    nl(x, 3);
    x.writeStartElement("label");
    x.writeCharacters(XmlText.of("threat " + t.name() + " happens, failing what it targets together "
        + "(probability: the mean unavailability over " + Durations.format(period) + " of " + t.occurrence() + ")"));
    x.writeEndElement();
    nl(x, 3);
    x.writeEmptyElement("float");
    x.writeAttribute("value", Double.toString(t.occurrence().unavailability(period)));
    nl(x, 2);
    x.writeEndElement();
  }

  private static void writeGate(XMLStreamWriter x, Gate g) throws XMLStreamException {
    nl(x, 2);
    x.writeStartElement("define-gate");
    x.writeAttribute("name", g.name());
    nl(x, 3);
    x.writeStartElement("label");
    x.writeCharacters(XmlText.of(g.label()));
    x.writeEndElement();
    nl(x, 3);
    if (g.formula() instanceof Op op) {
      x.writeStartElement(op.op());
      if (op.op().equals("atleast")) {
        x.writeAttribute("min", Integer.toString(op.min()));
      }
      for (Formula a : op.args()) {
        nl(x, 4);
        writeRef(x, (Ref) a);
      }
      nl(x, 3);
      x.writeEndElement();
    } else {
      writeRef(x, (Ref) g.formula());
    }
    nl(x, 2);
    x.writeEndElement();
  }

  private static void writeRef(XMLStreamWriter x, Ref r) throws XMLStreamException {
    x.writeEmptyElement(r.kind());
    x.writeAttribute("name", r.name());
  }

  private static void nl(XMLStreamWriter x, int depth) throws XMLStreamException {
    x.writeCharacters("\n" + "  ".repeat(depth));
  }
}
