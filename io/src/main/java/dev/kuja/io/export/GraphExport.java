package dev.kuja.io.export;

import dev.kuja.analysis.Spof;
import dev.kuja.analysis.SpofReport;
import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.NodeKind;
import dev.kuja.model.Organisation;
import dev.kuja.model.Requirement;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The model as a picture for other tools: GraphML (yEd, Gephi), DOT (Graphviz) and Mermaid
 * (Markdown documents). Edges run from the node that needs to the node that is needed; a
 * requirement with several alternatives becomes a small gate node labelled k/n.
 */
public final class GraphExport {

  private GraphExport() {}

  // ----------------------------------------------------------------------------- GraphML

  /**
   * GraphML, valid against the GraphML schema: the graph ({@code id="kuja"}) with the model's
   * name as its attribute {@code name}; nodes {@code n0}, {@code n1}, … in model order (Kuja ids
   * may hold {@code / @ +} and letters that XML names cannot) with the node attributes id (the
   * Kuja id), name, kind, owner, criticality, MTPD, RTO and recovery; edges with the attributes
   * requirement (1-based), k, n and tolerance. Texts pass through {@link XmlText}.
   */
  public static String graphml(Model model) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("graphml");
      x.writeDefaultNamespace("http://graphml.graphdrawing.org/xmlns");
      key(x, "name", "graph", "string");
      String[][] nodeKeys = {{"id", "string"}, {"name", "string"}, {"kind", "string"}, {"owner", "string"},
          {"criticality", "string"}, {"mtpd", "string"}, {"rto", "string"}, {"recovery", "string"}};
      String[][] edgeKeys = {{"requirement", "int"}, {"k", "int"}, {"n", "int"}, {"tolerance", "string"}};
      for (String[] k : nodeKeys) {
        key(x, k[0], "node", k[1]);
      }
      for (String[] k : edgeKeys) {
        key(x, k[0], "edge", k[1]);
      }
      x.writeCharacters("\n  ");
      x.writeStartElement("graph");
      x.writeAttribute("id", "kuja");
      x.writeAttribute("edgedefault", "directed");
      if (model.name().isPresent()) {
        x.writeCharacters("\n    ");
        data(x, "g_name", model.name().get());
      }
      Map<String, String> ids = new HashMap<>();
      for (Node n : model.nodes()) {
        ids.put(n.id(), "n" + ids.size());
        x.writeCharacters("\n    ");
        x.writeStartElement("node");
        x.writeAttribute("id", ids.get(n.id()));
        data(x, "id", n.id());
        data(x, "name", n.name());
        data(x, "kind", n.kind().label());
        data(x, "owner", n.owner().orElse(""));
        data(x, "criticality", n.criticality().map(c -> c.label()).orElse(""));
        data(x, "mtpd", n.mtpd().map(Durations::format).orElse(""));
        data(x, "rto", n.rto().map(Durations::format).orElse(""));
        data(x, "recovery", Durations.format(n.recovery()));
        x.writeEndElement();
      }
      int edge = 0;
      for (Node n : model.nodes()) {
        for (int i = 0; i < n.requirements().size(); i++) {
          Requirement r = n.requirements().get(i);
          for (String alt : r.alternatives()) {
            x.writeCharacters("\n    ");
            x.writeStartElement("edge");
            x.writeAttribute("id", "e" + edge++);
            x.writeAttribute("source", ids.get(n.id()));
            x.writeAttribute("target", ids.get(alt));
            data(x, "requirement", Integer.toString(i + 1));
            data(x, "k", Integer.toString(r.k()));
            data(x, "n", Integer.toString(r.n()));
            data(x, "tolerance", Durations.format(r.tolerance()));
            x.writeEndElement();
          }
        }
      }
      x.writeCharacters("\n  ");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("could not write GraphML: " + e.getMessage(), e);
    }
    return out.toString();
  }

  private static void key(XMLStreamWriter x, String name, String domain, String type) throws XMLStreamException {
    x.writeCharacters("\n  ");
    x.writeEmptyElement("key");
    x.writeAttribute("id", domain.charAt(0) + "_" + name);
    x.writeAttribute("for", domain);
    x.writeAttribute("attr.name", name);
    x.writeAttribute("attr.type", type);
  }

  private static void data(XMLStreamWriter x, String key, String value) throws XMLStreamException {
    if (value.isEmpty()) {
      return;
    }
    x.writeStartElement("data");
    boolean edge = List.of("requirement", "k", "n", "tolerance").contains(key);
    x.writeAttribute("key", key.startsWith("g_") ? key : (edge ? "e_" : "n_") + key);
    x.writeCharacters(XmlText.of(value));
    x.writeEndElement();
  }

  // ----------------------------------------------------------------------------- DOT

  /** DOT for Graphviz: kinds as shapes, owners as clusters. */
  public static String dot(Model model) {
    return dot(model, List.of());
  }

  /**
   * DOT for Graphviz with the SPOFs of the given reports highlighted: direct SPOFs in red,
   * common-cause SPOFs in orange, and the analysed functions drawn bold.
   */
  public static String dot(Model model, Collection<SpofReport> spofs) {
    Set<String> direct = new HashSet<>();
    Set<String> common = new HashSet<>();
    Set<String> targets = new HashSet<>();
    for (SpofReport r : spofs) {
      targets.add(r.target());
      for (Spof s : r.spofs()) {
        (s.commonCause() ? common : direct).add(s.node());
      }
    }
    common.removeAll(direct);
    StringBuilder sb = new StringBuilder("digraph ").append(quote(model.name().orElse("kuja")))
        .append(" {\n  rankdir=BT;\n  node [fontname=\"Helvetica\", fontsize=10];\n")
        .append("  edge [fontname=\"Helvetica\", fontsize=8, color=\"#555555\"];\n");
    Map<String, List<Node>> byOwner = new LinkedHashMap<>();
    for (Organisation o : model.organisations()) {
      byOwner.put(o.id(), new ArrayList<>());
    }
    List<Node> unowned = new ArrayList<>();
    for (Node n : model.nodes()) {
      if (n.owner().isPresent()) {
        byOwner.get(n.owner().get()).add(n);
      } else {
        unowned.add(n);
      }
    }
    int cluster = 0;
    for (Organisation o : model.organisations()) {
      List<Node> nodes = byOwner.get(o.id());
      if (nodes.isEmpty()) {
        continue;
      }
      sb.append("  subgraph cluster_").append(cluster++).append(" {\n    label=")
          .append(quote(o.name())).append(";\n    style=rounded; color=\"#999999\";\n");
      for (Node n : nodes) {
        sb.append("    ").append(dotNode(n, direct, common, targets)).append('\n');
      }
      sb.append("  }\n");
    }
    for (Node n : unowned) {
      sb.append("  ").append(dotNode(n, direct, common, targets)).append('\n');
    }
    int gate = 0;
    for (Node n : model.nodes()) {
      for (Requirement r : n.requirements()) {
        String label = r.tolerance().isZero() ? "" : Durations.format(r.tolerance());
        if (r.n() == 1) {
          sb.append("  ").append(quote(n.id())).append(" -> ").append(quote(r.alternatives().get(0)))
              .append(label.isEmpty() ? "" : " [label=" + quote(label) + "]").append(";\n");
        } else {
          String g = "gate" + gate++;
          sb.append("  ").append(g).append(" [shape=circle, width=0.3, fixedsize=true, fontsize=7, label=")
              .append(quote(r.k() + "/" + r.n())).append("];\n");
          sb.append("  ").append(quote(n.id())).append(" -> ").append(g)
              .append(label.isEmpty() ? "" : " [label=" + quote(label) + "]").append(";\n");
          for (String alt : r.alternatives()) {
            sb.append("  ").append(g).append(" -> ").append(quote(alt)).append(";\n");
          }
        }
      }
    }
    return sb.append("}\n").toString();
  }

  private static String dotNode(Node n, Set<String> direct, Set<String> common, Set<String> targets) {
    String shape = switch (n.kind()) {
      case FUNCTION -> "box, style=\"rounded,filled\", fillcolor=\"#e8f0fe\"";
      case RESOURCE -> "ellipse, style=filled, fillcolor=\"#ffffff\"";
      case SUPPLIER -> "hexagon, style=filled, fillcolor=\"#f3f3f3\"";
    };
    StringBuilder sb = new StringBuilder(quote(n.id())).append(" [label=").append(quote(n.name()))
        .append(", shape=").append(shape);
    if (direct.contains(n.id())) {
      sb.append(", color=\"#d93025\", penwidth=2.5");
    } else if (common.contains(n.id())) {
      sb.append(", color=\"#f29900\", penwidth=2.5");
    }
    if (targets.contains(n.id())) {
      sb.append(", penwidth=3");
    }
    return sb.append("];").toString();
  }

  /** A DOT string literal. */
  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "") + "\"";
  }

  // ----------------------------------------------------------------------------- Mermaid

  /** A Mermaid flowchart for Markdown documents: owners as subgraphs, k/n gates as small circles. */
  public static String mermaid(Model model) {
    Map<String, String> ids = new HashMap<>();
    int i = 0;
    for (Node n : model.nodes()) {
      ids.put(n.id(), "n" + i++);
    }
    StringBuilder sb = new StringBuilder("flowchart BT\n");
    Map<Optional<String>, List<Node>> byOwner = new LinkedHashMap<>();
    for (Node n : model.nodes()) {
      byOwner.computeIfAbsent(n.owner(), k -> new ArrayList<>()).add(n);
    }
    int cluster = 0;
    for (Map.Entry<Optional<String>, List<Node>> e : byOwner.entrySet()) {
      String indent = "  ";
      if (e.getKey().isPresent()) {
        String title = model.organisation(e.getKey().get()).map(Organisation::name).orElse(e.getKey().get());
        sb.append("  subgraph o").append(cluster++).append("[\"").append(mermaidText(title)).append("\"]\n");
        indent = "    ";
      }
      for (Node n : e.getValue()) {
        String label = mermaidText(n.name());
        String shape = n.kind() == NodeKind.FUNCTION ? "([\"" + label + "\"])"
            : n.kind() == NodeKind.SUPPLIER ? "{{\"" + label + "\"}}" : "[\"" + label + "\"]";
        sb.append(indent).append(ids.get(n.id())).append(shape).append('\n');
      }
      if (e.getKey().isPresent()) {
        sb.append("  end\n");
      }
    }
    int gate = 0;
    for (Node n : model.nodes()) {
      for (Requirement r : n.requirements()) {
        String arrow = r.tolerance().isZero() ? " --> " : " -- \"" + Durations.format(r.tolerance()) + "\" --> ";
        if (r.n() == 1) {
          sb.append("  ").append(ids.get(n.id())).append(arrow).append(ids.get(r.alternatives().get(0))).append('\n');
        } else {
          String g = "g" + gate++;
          sb.append("  ").append(g).append("((\"").append(r.k()).append('/').append(r.n()).append("\"))\n");
          sb.append("  ").append(ids.get(n.id())).append(arrow).append(g).append('\n');
          for (String alt : r.alternatives()) {
            sb.append("  ").append(g).append(" --> ").append(ids.get(alt)).append('\n');
          }
        }
      }
    }
    return sb.toString();
  }

  private static String mermaidText(String s) {
    return s.replace("&", "#amp;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;")
        .replace("\n", " ");
  }
}
