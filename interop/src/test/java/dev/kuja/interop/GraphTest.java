package dev.kuja.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.model.Criticality;
import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Requirement;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The graph exports in the tools people draw and analyse graphs with: GraphML in NetworkX (every
 * node and edge with its data, as the model has them), DOT in Graphviz, Mermaid in the Mermaid
 * CLI (rendered to SVG by Debian's Chromium).
 */
class GraphTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private static Document xml(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
  }

  private static Path export(Path model, Path dir, String format, String extension) {
    Path out = dir.resolve(model.getFileName() + "." + extension);
    Tools.kuja("export", model.toString(), "--to", format, "-o", out.toString()).ok("kuja export --to " + format);
    return out;
  }

  @Test
  void graphmlLoadsInNetworkxWithTheModelsNodesEdgesAndData(@TempDir Path dir) throws Exception {
    Tools.NETWORKX.require();
    Path script = Tools.script(dir, "graphml.py");
    int allEdges = 0;
    int allNodes = 0;
    for (Path file : Tools.bundledModels()) {
      Model m = ModelDocuments.read(file);
      Path graphml = export(file, dir, "graphml", "graphml");
      Tools.Result r = Tools.run(TIMEOUT, dir, Tools.PYTHON.toString(), script.toString(), graphml.toString())
          .ok("NetworkX reading " + graphml.getFileName());
      JsonNode g = Tools.JSON.readTree(r.out());
      assertTrue(g.get("directed").asBoolean(), "a directed graph");
      m.name().ifPresent(name -> assertEquals(name, g.get("graph").path("name").asText(), "the model's name"));
      // nodes: every one (n0, n1, … with the Kuja id as data), with the data the model gives it
      // (strings; empty values left out)
      Map<String, String> ids = new LinkedHashMap<>();
      g.get("nodes").fields().forEachRemaining(e -> ids.put(e.getKey(), e.getValue().path("id").asText()));
      Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
      int i = 0;
      for (Node n : m.nodes()) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", n.id());
        data.put("name", n.name());
        data.put("kind", n.kind().label());
        n.owner().ifPresent(o -> data.put("owner", o));
        n.criticality().map(Criticality::label).ifPresent(c -> data.put("criticality", c));
        n.mtpd().map(Durations::format).ifPresent(d -> data.put("mtpd", d));
        n.rto().map(Durations::format).ifPresent(d -> data.put("rto", d));
        data.put("recovery", Durations.format(n.recovery()));
        nodes.put("n" + i++, data);
      }
      assertEquals(Tools.JSON.valueToTree(nodes), g.get("nodes"), file + ": nodes as NetworkX reads them");
      // edges: one per requirement and alternative, requirement, k and n as integers
      List<String> expected = new ArrayList<>();
      for (Node n : m.nodes()) {
        for (int q0 = 0; q0 < n.requirements().size(); q0++) {
          Requirement q = n.requirements().get(q0);
          for (String alt : q.alternatives()) {
            expected.add(n.id() + " -> " + alt + " " + (q0 + 1) + " " + q.k() + " " + q.n() + " " + Durations.format(q.tolerance()));
          }
        }
      }
      List<String> read = new ArrayList<>();
      for (JsonNode e : g.get("edges")) {
        assertTrue(e.get("requirement").isInt() && e.get("k").isInt() && e.get("n").isInt(), e.toString());
        read.add(ids.get(e.get("source").asText()) + " -> " + ids.get(e.get("target").asText()) + " " + e.get("requirement").asInt()
            + " " + e.get("k").asInt() + " " + e.get("n").asInt() + " " + e.get("tolerance").asText());
      }
      expected.sort(null);
      read.sort(null);
      assertEquals(expected, read, file + ": edges as NetworkX reads them");
      allEdges += read.size();
      allNodes += m.size();
    }
    // a region's small documents may have a single edge; the models as a whole have many
    assertTrue(allEdges > allNodes, allEdges + " edges of " + allNodes + " nodes");
  }

  @Test
  void dotRendersInGraphvizWithEveryNode(@TempDir Path dir) throws Exception {
    Path dot = Tools.DOT.require();
    for (Path file : Tools.bundledModels()) {
      Model m = ModelDocuments.read(file);
      Path in = export(file, dir, "dot", "dot");
      Path svg = dir.resolve(file.getFileName() + ".svg");
      Tools.Result r = Tools.run(TIMEOUT, dir, dot.toString(), "-Tsvg", "-o", svg.toString(), in.toString())
          .ok("dot -Tsvg " + in.getFileName());
      assertEquals("", r.err().strip(), "Graphviz's warnings");
      NodeList titles = xml(svg).getElementsByTagName("title");
      Set<String> drawn = new HashSet<>();
      for (int i = 0; i < titles.getLength(); i++) {
        drawn.add(titles.item(i).getTextContent());
      }
      for (Node n : m.nodes()) {
        assertTrue(drawn.contains(n.id()), file + ": Graphviz drew no node " + n.id());
      }
    }
  }

  @Test
  void mermaidRendersToSvgWithEveryNodeName(@TempDir Path dir) throws Exception {
    Path mmdc = Tools.MMDC.require();
    Path chromium = Tools.CHROMIUM.require();
    Path config = Files.writeString(dir.resolve("puppeteer.json"), "{\"executablePath\": \"" + chromium
        + "\", \"args\": [\"--no-sandbox\", \"--disable-gpu\", \"--disable-dev-shm-usage\","
        + " \"--disable-background-networking\", \"--disable-component-update\", \"--disable-sync\","
        + " \"--no-first-run\"]}");
    for (Path file : Tools.bundledModels()) {
      Model m = ModelDocuments.read(file);
      Path in = export(file, dir, "mermaid", "mmd");
      Path svg = dir.resolve(file.getFileName() + ".mermaid.svg");
      Tools.run(TIMEOUT, dir, List.of("PUPPETEER_SKIP_DOWNLOAD=1"), mmdc.toString(), "-q", "-p", config.toString(),
          "-i", in.toString(), "-o", svg.toString()).ok("mmdc " + in.getFileName());
      String text = Files.readString(svg);
      assertFalse(text.contains("Syntax error") || text.contains("Parse error"), file + ": Mermaid's error picture");
      assertTrue(text.startsWith("<svg"), text.substring(0, Math.min(200, text.length())));
      for (Node n : m.nodes()) {
        String label = n.name().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        assertTrue(text.contains(label), file + ": no label '" + n.name() + "' in Mermaid's SVG");
      }
    }
  }
}
