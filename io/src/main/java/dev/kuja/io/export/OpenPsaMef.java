package dev.kuja.io.export;

import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Problem;
import dev.kuja.model.ValidationException;
import dev.kuja.model.Requirement;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;

/**
 * The model's failure logic as Open-PSA Model Exchange Format (MEF 2.0) XML, so that fault-tree
 * tools can read it: one fault tree per function. A node fails when its own basic event occurs
 * or one of its requirements breaks; a k-of-n requirement breaks when at least n−k+1
 * alternatives fail ({@code atleast}).
 *
 * <p>Fault trees are acyclic; Kuja models need not be. Cycles are unfolded: a branch that would
 * come back to a node already on the way down cannot fail through that cycle (the least
 * fixpoint) and becomes {@code false}. Nodes on no cycle share one gate. Tolerances and recovery
 * times have no place in static fault trees and are left out. Failure probabilities, where the
 * model gives them, become the basic events' values.
 */
public final class OpenPsaMef {

  /** Unfolding stops beyond this many gates (a model with very large cycles). */
  public static final int MAX_GATES = 200_000;

  private final Model model;
  private final Map<String, Integer> scc = new HashMap<>();
  private final Set<Integer> cyclic = new HashSet<>();
  private final Map<String, String> names = new HashMap<>();
  private final Set<String> taken = new HashSet<>();
  /** The function whose fault tree is being written: gate names are unique per tree. */
  private String tree = "";

  private OpenPsaMef(Model model) {
    this.model = model;
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
  }

  /**
   * The whole model as an {@code opsa-mef} document.
   *
   * @throws ValidationException when a function's fault tree would need more than {@link
   *     #MAX_GATES} gates
   */
  public static String write(Model model) {
    return new OpenPsaMef(model).document();
  }

  /** A gate definition being collected: name, label, and its formula as XML-writing steps. */
  private record Gate(String name, String label, String op, int min, List<String[]> children) {}

  private String document() {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      nl(x, 0);
      x.writeStartElement("opsa-mef");
      Set<String> events = new TreeSet<>();
      for (Node f : model.functions()) {
        Map<String, Gate> gates = new java.util.LinkedHashMap<>();
        Map<List<Object>, String> memo = new HashMap<>();
        tree = f.id();
        String top = expand(f.id(), new LinkedHashSet<>(), gates, memo, events);
        nl(x, 1);
        x.writeStartElement("define-fault-tree");
        x.writeAttribute("name", name("ft-" + f.id()));
        nl(x, 2);
        x.writeStartElement("label");
        x.writeCharacters(XmlText.of(f.name() + " fails"));
        x.writeEndElement();
        for (Gate g : gates.values()) {
          writeGate(x, g);
        }
        nl(x, 1);
        x.writeEndElement();
        if (!gates.containsKey(top)) {
          throw new IllegalStateException("top gate missing for " + f.id());
        }
      }
      nl(x, 1);
      x.writeStartElement("model-data");
      for (String id : events) {
        Node n = model.requireNode(id);
        nl(x, 2);
        x.writeStartElement("define-basic-event");
        x.writeAttribute("name", eventName(id));
        nl(x, 3);
        x.writeStartElement("label");
        x.writeCharacters(XmlText.of(n.name() + " fails by itself"));
        x.writeEndElement();
        if (n.reliability().isPresent() && n.reliability().get().failureProbability().isPresent()) {
          nl(x, 3);
          x.writeEmptyElement("float");
          x.writeAttribute("value", Double.toString(n.reliability().get().failureProbability().getAsDouble()));
        }
        nl(x, 2);
        x.writeEndElement();
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

  /** The gate for "v fails", given the cyclic nodes on the way down; returns its name. */
  private String expand(String v, LinkedHashSet<String> path, Map<String, Gate> gates,
      Map<List<Object>, String> memo, Set<String> events) {
    int component = scc.get(v);
    boolean inCycle = cyclic.contains(component);
    Set<String> context = new TreeSet<>();
    if (inCycle) {
      for (String p : path) {
        if (scc.get(p) == component) {
          context.add(p);
        }
      }
    }
    List<Object> key = List.of(v, context);
    String known = memo.get(key);
    if (known != null) {
      return known;
    }
    if (gates.size() > MAX_GATES) {
      // a limit of the input, not a bug: said as a problem of the export (exit status 2)
      throw new ValidationException(List.of(Problem.setting("export", String.format(Locale.ROOT,
          "the cycles of the model unfold into more than %,d fault-tree gates in the tree of '%s';"
              + " an Open-PSA export of this model is too large (break or shrink its largest cycles,"
              + " or choose another format)", MAX_GATES, tree))));
    }
    String gate = name(tree + "/" + v + (context.isEmpty() ? "" : "-via-" + String.join("-", context)));
    memo.put(key, gate);
    Node n = model.requireNode(v);
    events.add(v);
    List<String[]> children = new ArrayList<>();
    children.add(new String[] {"basic-event", eventName(v)});
    path.add(v);
    int r = 0;
    for (Requirement req : n.requirements()) {
      r++;
      List<String[]> alts = new ArrayList<>();
      for (String a : req.alternatives()) {
        if (path.contains(a)) {
          alts.add(new String[] {"constant", "false"});
        } else {
          alts.add(new String[] {"gate", expand(a, path, gates, memo, events)});
        }
      }
      if (alts.size() == 1) {
        children.add(alts.get(0));
      } else {
        String rg = name(gate + "-r" + r);
        gates.put(rg, new Gate(rg, "requirement " + r + " of " + v + " (" + req + ") breaks", "atleast",
            req.failuresToBreak(), alts));
        children.add(new String[] {"gate", rg});
      }
    }
    path.remove(v);
    gates.put(gate, new Gate(gate, n.name() + " fails", "or", 0, children));
    return gate;
  }

  private void writeGate(XMLStreamWriter x, Gate g) throws XMLStreamException {
    nl(x, 2);
    x.writeStartElement("define-gate");
    x.writeAttribute("name", g.name());
    nl(x, 3);
    x.writeStartElement("label");
    x.writeCharacters(XmlText.of(g.label()));
    x.writeEndElement();
    nl(x, 3);
    x.writeStartElement(g.op());
    if (g.op().equals("atleast")) {
      x.writeAttribute("min", Integer.toString(g.min()));
    }
    for (String[] c : g.children()) {
      nl(x, 4);
      x.writeEmptyElement(c[0]);
      x.writeAttribute(c[0].equals("constant") ? "value" : "name", c[1]);
    }
    nl(x, 3);
    x.writeEndElement();
    nl(x, 2);
    x.writeEndElement();
  }

  private String eventName(String id) {
    return name("e-" + id);
  }

  /**
   * A valid, unique MEF name for a Kuja string: MEF names take letters, digits and single
   * hyphens (no periods, which MEF reserves for references).
   */
  private String name(String raw) {
    String known = names.get(raw);
    if (known != null) {
      return known;
    }
    String clean = raw.replaceAll("[^A-Za-z0-9_-]", "_").replaceAll("-{2,}", "-")
        .replaceAll("^-+|-+$", "");
    if (clean.isEmpty()) {
      clean = "x";
    }
    String candidate = clean;
    for (int i = 2; !taken.add(candidate); i++) {
      candidate = clean + "_" + i;
    }
    names.put(raw, candidate);
    return candidate;
  }

  private static void nl(XMLStreamWriter x, int depth) throws XMLStreamException {
    x.writeCharacters("\n" + "  ".repeat(depth));
  }
}
