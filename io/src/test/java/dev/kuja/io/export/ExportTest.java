package dev.kuja.io.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import dev.kuja.analysis.Analysis;
import dev.kuja.io.Format;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.testing.KujaArbitraries;
import dev.kuja.testing.KujaDomain;
import dev.kuja.testing.NodeSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ExportTest {

  /** Two generators sharing a fuel supplier, a 2-of-3 pump set, and a cycle. */
  static Model small() {
    return ModelDocuments.read("""
        kuja: 1
        name: Small hospital
        organisations:
          - { id: county, name: County }
          - { id: fuel-co, name: "Fuel \\"Oy\\" <Ab>" }
        nodes:
          - { id: fuel, kind: supplier, owner: fuel-co, reliability: { probability: 0.01 } }
          - { id: gen-a, kind: resource, owner: county, requires: [{ all: [fuel], tolerance: PT72H }] }
          - { id: gen-b, kind: resource, owner: county, requires: [{ all: [fuel], tolerance: PT72H }] }
          - { id: grid, kind: resource, requires: [{ all: [telecom], tolerance: PT2H }] }
          - { id: telecom, kind: resource, requires: [{ all: [grid], tolerance: PT4H }] }
          - { id: p1, kind: resource, requires: [grid] }
          - { id: p2, kind: resource, requires: [grid] }
          - { id: p3, kind: resource }
          - id: care
            kind: function
            name: "Emergency <script>alert(1)</script> care"
            owner: county
            criticality: vital
            requires: [{ any: [gen-a, gen-b] }, { of: [p1, p2, p3], k: 2 }]
        """, "small.yaml", Format.YAML);
  }

  private static Document xml(String text) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    // SVG from Graphviz carries a DOCTYPE: allow it, but never fetch the external DTD
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static void golden(String name, String actual) throws IOException {
    Path file = Path.of("src", "test", "resources", "golden", name);
    if (Boolean.getBoolean("kuja.golden.update")) {
      Files.writeString(file, actual);
    }
    assertEquals(Files.readString(file), actual, "golden file " + file
        + " differs (run with -Dkuja.golden.update=true to update, then review the diff)");
  }

  @Test
  void goldenFiles() throws IOException {
    Model m = small();
    golden("small.graphml", GraphExport.graphml(m));
    golden("small.dot", GraphExport.dot(m, List.of(Analysis.of(m).spofs("care"))));
    golden("small.mmd", GraphExport.mermaid(m));
    golden("small.mef.xml", OpenPsaMef.write(m));
    golden("small.yaml", ModelDocuments.write(m, Format.YAML));
  }

  @Test
  void graphmlHasEveryNodeAndAlternative() throws Exception {
    Model m = small();
    Document d = xml(GraphExport.graphml(m));
    assertEquals("http://graphml.graphdrawing.org/xmlns", d.getDocumentElement().getNamespaceURI() == null
        ? d.getDocumentElement().getAttribute("xmlns") : d.getDocumentElement().getNamespaceURI());
    assertEquals(m.size(), d.getElementsByTagName("node").getLength());
    int alternatives = m.nodes().stream().flatMap(n -> n.requirements().stream()).mapToInt(r -> r.n()).sum();
    assertEquals(alternatives, d.getElementsByTagName("edge").getLength());
    Set<String> keys = new HashSet<>();
    NodeList keyList = d.getElementsByTagName("key");
    for (int i = 0; i < keyList.getLength(); i++) {
      keys.add(((Element) keyList.item(i)).getAttribute("id"));
    }
    NodeList data = d.getElementsByTagName("data");
    for (int i = 0; i < data.getLength(); i++) {
      assertTrue(keys.contains(((Element) data.item(i)).getAttribute("key")), "every data has its key");
    }
    assertTrue(GraphExport.graphml(m).contains("Emergency &lt;script&gt;alert(1)&lt;/script&gt; care"));
  }

  @Test
  void hostileNamesAreEscapedEverywhere() {
    Model m = small();
    String dot = GraphExport.dot(m);
    assertTrue(dot.contains("label=\"Fuel \\\"Oy\\\" <Ab>\""), dot);
    String mermaid = GraphExport.mermaid(m);
    assertFalse(mermaid.contains("<script>"), mermaid);
    assertTrue(mermaid.contains("Emergency #lt;script#gt;alert(1)#lt;/script#gt; care"), mermaid);
  }

  @Test
  void dotRendersWithGraphviz(@TempDir Path dir) throws Exception {
    boolean ci = System.getenv("CI") != null;
    boolean present = Files.isExecutable(Path.of("/usr/bin/dot"));
    // CI installs Graphviz (.ci/run) and must run this; elsewhere it runs when Graphviz is there
    assumeTrue(ci || present, "Graphviz is not installed");
    Model m = small();
    Path in = Files.writeString(dir.resolve("small.dot"), GraphExport.dot(m, List.of(Analysis.of(m).spofs("care"))));
    Path out = dir.resolve("small.svg");
    Process p = new ProcessBuilder("dot", "-Tsvg", "-o", out.toString(), in.toString())
        .redirectErrorStream(true).start();
    String messages = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "dot did not finish");
    assertEquals(0, p.exitValue(), messages);
    assertEquals("", messages.trim(), "Graphviz warnings");
    Document svg = xml(Files.readString(out));
    assertEquals("svg", svg.getDocumentElement().getTagName());
    // one SVG group per node (plus gates)
    assertTrue(Files.readString(out).contains("Emergency &lt;script&gt;alert(1)&lt;/script&gt; care"));
  }

  // ------------------------------------------------------------------ MEF semantics

  /** Evaluates "gate fails" in a MEF document with the given basic events true. */
  static final class MefEvaluator {
    final Map<String, Element> gates = new HashMap<>();
    final Set<String> events = new HashSet<>();
    final Set<String> trueEvents;

    MefEvaluator(Document d, Set<String> trueEvents) {
      this.trueEvents = trueEvents;
      NodeList g = d.getElementsByTagName("define-gate");
      for (int i = 0; i < g.getLength(); i++) {
        Element e = (Element) g.item(i);
        if (gates.put(e.getAttribute("name"), e) != null) {
          throw new AssertionError("gate defined twice: " + e.getAttribute("name"));
        }
      }
      NodeList b = d.getElementsByTagName("define-basic-event");
      for (int i = 0; i < b.getLength(); i++) {
        events.add(((Element) b.item(i)).getAttribute("name"));
      }
    }

    boolean gate(String name) {
      Element def = gates.get(name);
      assertTrue(def != null, "undefined gate " + name);
      return formula(firstElement(def, "label"));
    }

    private static Element firstElement(Element parent, String skip) {
      for (org.w3c.dom.Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
        if (c instanceof Element e && !e.getTagName().equals(skip)) {
          return e;
        }
      }
      throw new AssertionError("no formula in " + parent.getAttribute("name"));
    }

    boolean formula(Element f) {
      switch (f.getTagName()) {
        case "gate":
          return gate(f.getAttribute("name"));
        case "basic-event":
          assertTrue(events.contains(f.getAttribute("name")), "undefined event " + f.getAttribute("name"));
          return trueEvents.contains(f.getAttribute("name"));
        case "constant":
          return Boolean.parseBoolean(f.getAttribute("value"));
        default:
          int count = 0;
          int total = 0;
          for (org.w3c.dom.Node c = f.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
              total++;
              count += formula(e) ? 1 : 0;
            }
          }
          return switch (f.getTagName()) {
            case "or" -> count > 0;
            case "and" -> count == total;
            case "atleast" -> count >= Integer.parseInt(f.getAttribute("min"));
            default -> throw new AssertionError("unexpected " + f.getTagName());
          };
      }
    }
  }

  @Provide
  Arbitrary<Model> upToTenNodes() {
    return KujaArbitraries.models().nodes(1, 10);
  }

  @Property(tries = 200)
  @Domain(DomainContext.Global.class)
  @Domain(KujaDomain.class)
  void faultTreesFailExactlyWhenTheFunctionIsImpacted(
      @ForAll("upToTenNodes") Model m, @ForAll NodeSet picked) throws Exception {
    if (m.functions().isEmpty()) {
      return;
    }
    String mef = OpenPsaMef.write(m);
    Document d = xml(mef);
    List<String> failed = picked.in(m);
    Set<String> impacted = Analysis.of(m).impact(failed).failed();
    NodeList trees = d.getElementsByTagName("define-fault-tree");
    assertEquals(m.functions().size(), trees.getLength());
    // basic event names are e-<id> sanitised; the ids here are n0, n1, …
    Set<String> trueEvents = new HashSet<>();
    failed.forEach(id -> trueEvents.add("e-" + id));
    MefEvaluator eval = new MefEvaluator(d, trueEvents);
    for (int i = 0; i < trees.getLength(); i++) {
      Element tree = (Element) trees.item(i);
      Node f = m.functions().get(i);
      // the top event: the one gate of the tree that no other gate references
      Set<String> referenced = new HashSet<>();
      NodeList refs = tree.getElementsByTagName("gate");
      for (int j = 0; j < refs.getLength(); j++) {
        referenced.add(((Element) refs.item(j)).getAttribute("name"));
      }
      Element top = null;
      NodeList defs = tree.getElementsByTagName("define-gate");
      for (int j = 0; j < defs.getLength(); j++) {
        Element g = (Element) defs.item(j);
        if (!referenced.contains(g.getAttribute("name"))) {
          assertTrue(top == null, "two top gates in the tree of " + f.id());
          top = g;
        }
      }
      assertTrue(top != null, "top gate of " + f.id() + " in\n" + mef);
      assertEquals(impacted.contains(f.id()), eval.gate(top.getAttribute("name")),
          () -> f.id() + " with " + failed + " in\n" + mef);
    }
  }
}
