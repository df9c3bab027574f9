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
import java.util.ArrayList;
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
    assertWellFormed(d);
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
      assertEquals(OpenPsaMef.topGate(f.id()), top.getAttribute("name"));
      assertEquals(impacted.contains(f.id()), eval.gate(top.getAttribute("name")),
          () -> f.id() + " with " + failed + " in\n" + mef);
    }
  }

  /** An MEF name as SCRAM's schema wants it: an NCName without periods, "--" or a final "-". */
  private static final java.util.regex.Pattern MEF_NAME = java.util.regex.Pattern.compile(
      "[A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u0131\\u0134-\\u013E\\u0141-\\u0148\\u014A-\\u017E][A-Za-z0-9_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u0131\\u0134-\\u013E\\u0141-\\u0148\\u014A-\\u017E]*(-[A-Za-z0-9_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u0131\\u0134-\\u013E\\u0141-\\u0148\\u014A-\\u017E]+)*");

  /**
   * Every formula in the forms SCRAM accepts: or/and of two or more arguments, atleast with 2
   * &lt;= min &lt; arguments, a gate of one reference; no constants; every name valid, defined once
   * and used; every basic event with a probability in [0, 1].
   */
  static void assertWellFormed(Document d) {
    Set<String> defined = new HashSet<>();
    Set<String> used = new HashSet<>();
    for (String tag : List.of("define-fault-tree", "define-gate", "define-basic-event")) {
      NodeList l = d.getElementsByTagName(tag);
      for (int i = 0; i < l.getLength(); i++) {
        String name = ((Element) l.item(i)).getAttribute("name");
        assertTrue(MEF_NAME.matcher(name).matches(), "not an MEF name: " + name);
        assertTrue(defined.add(tag + " " + name), "defined twice: " + name);
      }
    }
    assertEquals(0, d.getElementsByTagName("constant").getLength(), "constants left in");
    for (String op : List.of("or", "and", "atleast")) {
      NodeList l = d.getElementsByTagName(op);
      for (int i = 0; i < l.getLength(); i++) {
        Element e = (Element) l.item(i);
        int args = 0;
        for (org.w3c.dom.Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
          if (c instanceof Element arg) {
            args++;
            used.add(arg.getTagName().replace("basic-event", "define-basic-event")
                .replace("gate", "define-gate") + " " + arg.getAttribute("name"));
          }
        }
        assertTrue(args >= 2, op + " with " + args + " arguments");
        if (op.equals("atleast")) {
          int min = Integer.parseInt(e.getAttribute("min"));
          assertTrue(min >= 2 && min < args, "atleast " + min + " of " + args);
        }
      }
    }
    NodeList gates = d.getElementsByTagName("define-gate");
    for (int i = 0; i < gates.getLength(); i++) {
      for (org.w3c.dom.Node c = gates.item(i).getFirstChild(); c != null; c = c.getNextSibling()) {
        if (c instanceof Element arg && (arg.getTagName().equals("gate") || arg.getTagName().equals("basic-event"))) {
          used.add("define-" + arg.getTagName() + " " + arg.getAttribute("name"));
        }
      }
    }
    for (String u : used) {
      assertTrue(defined.contains(u), "used but not defined: " + u);
    }
    NodeList events = d.getElementsByTagName("define-basic-event");
    for (int i = 0; i < events.getLength(); i++) {
      Element e = (Element) events.item(i);
      assertTrue(used.contains("define-basic-event " + e.getAttribute("name")), "unused event " + e.getAttribute("name"));
      NodeList f = e.getElementsByTagName("float");
      assertEquals(1, f.getLength(), "one probability for " + e.getAttribute("name"));
      double p = Double.parseDouble(((Element) f.item(0)).getAttribute("value"));
      assertTrue(p >= 0 && p <= 1, e.getAttribute("name") + " = " + p);
    }
  }

  /**
   * Decodes an MEF name back to its ids, as docs/documents.md#open-psa-mef describes: read left
   * to right, {@code _h_} is the character h, {@code __} between two ids separates them.
   */
  static List<String> decode(String name) {
    List<String> parts = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < name.length(); ) {
      char c = name.charAt(i);
      if (c == '_' && i + 1 < name.length() && name.charAt(i + 1) == '_') {
        parts.add(sb.toString());
        sb.setLength(0);
        i += 2;
      } else if (c == '_') {
        int end = name.indexOf('_', i + 1);
        sb.appendCodePoint(Integer.parseInt(name.substring(i + 1, end), 16));
        i = end + 1;
      } else {
        sb.append(c);
        i++;
      }
    }
    parts.add(sb.toString());
    return parts;
  }

  @Property(tries = 2000)
  void mefNamesAreValidAndOneToOne(@ForAll("ids") String a, @ForAll("ids") String b) {
    for (String id : List.of(a, b)) {
      assertTrue(MEF_NAME.matcher(OpenPsaMef.basicEvent(id)).matches(), OpenPsaMef.basicEvent(id));
      assertTrue(MEF_NAME.matcher(OpenPsaMef.topGate(id)).matches(), OpenPsaMef.topGate(id));
      assertTrue(MEF_NAME.matcher(OpenPsaMef.faultTree(id)).matches(), OpenPsaMef.faultTree(id));
      assertEquals(List.of(id), decode(OpenPsaMef.name(id)));
    }
    assertEquals(List.of(a, b), decode(OpenPsaMef.name(a) + "__" + OpenPsaMef.name(b)));
    assertEquals(List.of(a, a), decode(OpenPsaMef.topGate(a).substring(2)));
    assertEquals(a.equals(b), OpenPsaMef.name(a).equals(OpenPsaMef.name(b)));
    assertEquals(a.equals(b), OpenPsaMef.topGate(a).equals(OpenPsaMef.topGate(b)));
  }

  /** Ids from Kuja's whole alphabet, weighted towards the characters MEF names refuse. */
  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> ids() {
    net.jqwik.api.Arbitrary<Character> first = net.jqwik.api.Arbitraries.of(
        'a', 'Z', '0', '9', '_', '\u00e4', '\u0161', '\u0133', '\u0219', '\u03b1', '\u0416', '\u4e2d', '\u0661');
    net.jqwik.api.Arbitrary<Character> rest = net.jqwik.api.Arbitraries.of(
        'a', 'b', '1', '_', '-', '.', ':', '/', '@', '+', '\u00f6', '\u017e', '\u0140', '\u00aa', '\u4e2d');
    return net.jqwik.api.Combinators.combine(first, rest.list().ofMaxSize(6))
        .as((f, r) -> f + r.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining()));
  }

  @Test
  void mefNamesOfAwkwardIds() {
    assertEquals("e-emergency-care", OpenPsaMef.basicEvent("emergency-care"));
    assertEquals("e-112-centre", OpenPsaMef.basicEvent("112-centre"));
    assertEquals("g-112-centre__112-centre", OpenPsaMef.topGate("112-centre"));
    assertEquals("p\u00e4ivystys", OpenPsaMef.name("p\u00e4ivystys"));
    assertEquals("a-_2d_b_2d_", OpenPsaMef.name("a--b-"));
    assertEquals("_5f_x_2e_y_3a_z_2f_w_40_v_2b_u", OpenPsaMef.name("_x.y:z/w@v+u"));
    assertEquals("_133_", OpenPsaMef.name("\u0133"));
    assertEquals("_1d518_", OpenPsaMef.name("\ud835\udd18"));
  }

  @Test
  void mefProbabilitiesAreTheImportanceSnapshot() throws Exception {
    Model m = ModelDocuments.read("""
        kuja: 1
        nodes:
          - { id: p, kind: resource, reliability: { probability: 0.1 } }
          - { id: pr, kind: resource, reliability: { probability: 0.5, repair: { distribution: fixed, duration: P73D } } }
          - { id: r, kind: resource, reliability: { rate: 2, repair: { distribution: fixed, duration: PT73H } } }
          - { id: ro, kind: resource, reliability: { rate: 1 } }
          - { id: none, kind: resource }
          - { id: f, kind: function, criticality: vital, requires: [{ any: [p, pr] }, { of: [r, ro, none], k: 2 }] }
        """, "snap.yaml", Format.YAML);
    Document d = xml(OpenPsaMef.write(m));
    Map<String, Double> p = new HashMap<>();
    NodeList events = d.getElementsByTagName("define-basic-event");
    for (int i = 0; i < events.getLength(); i++) {
      Element e = (Element) events.item(i);
      p.put(e.getAttribute("name"), Double.parseDouble(((Element) e.getElementsByTagName("float").item(0)).getAttribute("value")));
    }
    assertEquals(0.1, p.get("e-p"), 1e-15);
    assertEquals(0.5 * 73 / 365, p.get("e-pr"), 1e-15);            // p · τ / T
    double busy = 2.0 / 8760 * 73;                                    // λτ, per hour
    assertEquals(busy / (1 + busy), p.get("e-r"), 1e-15);
    assertEquals(1 - (1 - Math.exp(-1)) / 1, p.get("e-ro"), 1e-15);   // λT = 1 over a year
    assertEquals(0.0, p.get("e-none"));
    assertEquals(0.0, p.get("e-f"));
    Document month = xml(OpenPsaMef.write(m, java.time.Duration.ofDays(73)));
    String pr = ((Element) ((Element) month.getElementsByTagName("define-basic-event").item(1))
        .getElementsByTagName("float").item(0)).getAttribute("value");
    assertEquals(0.5, Double.parseDouble(pr), 1e-15, "τ = T: the whole probability");
  }

  @Test
  void threatsAreBasicEventsOfEveryNodeTheyFail() throws Exception {
    Model m = ModelDocuments.read("""
        kuja: 1
        organisations: [{ id: power-co, name: Power company }]
        nodes:
          - { id: gen-a, kind: resource, tags: [outdoor] }
          - { id: gen-b, kind: resource, tags: [outdoor] }
          - { id: grid, kind: resource, owner: power-co }
          - { id: care, kind: function, criticality: vital, requires: [{ any: [gen-a, gen-b] }, grid] }
        threats:
          - { id: storm, name: Storm, rate: 0.5, duration: { distribution: fixed, duration: P1D }, targets: [{ tag: outdoor }] }
          - { id: strike, probability: 0.1, targets: [{ organisation: power-co }] }
        """, "threats.yaml", Format.YAML);
    String mef = OpenPsaMef.write(m);
    Document d = xml(mef);
    assertWellFormed(d);
    assertEquals("t-storm", OpenPsaMef.threatEvent("storm"));
    // the storm takes both generators: alone, it breaks the 1-of-2 requirement
    for (List<String> events : List.of(List.of("t-storm"), List.of("t-strike"), List.of("e-gen-a"),
        List.of("e-gen-a", "e-gen-b"), List.<String>of())) {
      boolean expected = events.contains("t-storm") || events.contains("t-strike") || events.contains("e-gen-b");
      assertEquals(expected, new MefEvaluator(d, new HashSet<>(events)).gate(OpenPsaMef.topGate("care")), events::toString);
    }
    assertTrue(mef.contains("<define-basic-event name=\"t-storm\">"), mef);
    double busy = 0.5 / 365;                                      // λτ: half a failure a year, a day each
    assertTrue(mef.contains("<float value=\"" + busy / (1 + busy) + "\"/>"), mef);
    assertTrue(mef.contains("<float value=\"0.1\"/>"), mef);
  }

  @Test
  void degenerateGatesAreSimplified() throws Exception {
    // a 2-of-2 on a cycle, a 1-of-1 chain, an all-of-two, a k-of-n that a cycle leaves too short
    Model m = ModelDocuments.read("""
        kuja: 1
        nodes:
          - { id: a, kind: resource, requires: [{ all: [b, c] }] }
          - { id: b, kind: resource, requires: [a] }
          - { id: c, kind: resource }
          - { id: d, kind: resource, requires: [{ of: [a, c, f], k: 2 }] }
          - { id: f, kind: function, criticality: vital, requires: [a, d] }
        """, "degenerate.yaml", Format.YAML);
    String mef = OpenPsaMef.write(m);
    Document d = xml(mef);
    assertWellFormed(d);
    // d needs two of a, c, f: with f on the path, 2 of [a, c, false] is "a and c"
    assertTrue(mef.contains("<and>"), mef);
    for (List<String> failed : List.of(List.of("c"), List.of("b"), List.of("a"), List.of("d"), List.of("f"), List.<String>of())) {
      Set<String> events = new HashSet<>();
      failed.forEach(x -> events.add("e-" + x));
      assertEquals(Analysis.of(m).impact(failed).failed().contains("f"),
          new MefEvaluator(d, events).gate(OpenPsaMef.topGate("f")), failed::toString);
    }
  }
}
