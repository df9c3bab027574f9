package dev.kuja.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kuja.analysis.Analysis;
import dev.kuja.bench.NationalModels;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.export.OpenPsaMef;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Threat;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Open-PSA MEF export in SCRAM, the reference engine of the format: it validates every
 * bundled model's export unchanged; its minimal cut sets up to order 3 are Kuja's for every
 * function (plus the trivial set of the function's own basic event, docs/documents.md#open-psa-mef),
 * and those with a threat in them are minimal sets of failures that bring the function down;
 * its probability and importance analysis of the exported snapshot equals Kuja's exact
 * importance measures.
 */
class ScramTest {

  private static final Duration LONG = Duration.ofMinutes(10);

  /** SCRAM's answer for one top event. */
  record Top(Set<Set<String>> cutSets, double probability, Map<String, Map<String, Double>> importance) {}

  /** SCRAM's report: every top event by name. */
  static Map<String, Top> report(Path xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(xml)));
    Map<String, Top> out = new LinkedHashMap<>();
    Element results = (Element) d.getElementsByTagName("results").item(0);
    if (results == null) {
      // a model without functions has no fault trees, and SCRAM's report no results
      assertEquals(0, d.getElementsByTagName("fault-trees").getLength(), "results are missing only for a model without fault trees");
      return out;
    }
    NodeList sums = results.getElementsByTagName("sum-of-products");
    for (int i = 0; i < sums.getLength(); i++) {
      Element sop = (Element) sums.item(i);
      Set<Set<String>> sets = new java.util.HashSet<>();
      NodeList products = sop.getElementsByTagName("product");
      for (int j = 0; j < products.getLength(); j++) {
        Set<String> set = new TreeSet<>();
        NodeList events = ((Element) products.item(j)).getElementsByTagName("basic-event");
        for (int k = 0; k < events.getLength(); k++) {
          set.add(((Element) events.item(k)).getAttribute("name"));
        }
        sets.add(set);
      }
      assertEquals(products.getLength(), sets.size(), "no product twice");
      String p = sop.getAttribute("probability");
      out.put(sop.getAttribute("name"), new Top(sets, p.isEmpty() ? Double.NaN : Double.parseDouble(p), new HashMap<>()));
    }
    // the results' importance (the performance section has <importance> timings too)
    NodeList importance = results.getElementsByTagName("importance");
    for (int i = 0; i < importance.getLength(); i++) {
      Element imp = (Element) importance.item(i);
      Map<String, Map<String, Double>> events = out.get(imp.getAttribute("name")).importance();
      NodeList list = imp.getElementsByTagName("basic-event");
      for (int j = 0; j < list.getLength(); j++) {
        Element e = (Element) list.item(j);
        Map<String, Double> factors = new HashMap<>();
        for (String k : List.of("probability", "MIF", "CIF", "RAW", "RRW")) {
          factors.put(k, Double.parseDouble(e.getAttribute(k)));
        }
        events.put(e.getAttribute("name"), factors);
      }
    }
    return out;
  }

  /** Kuja's node ids by their MEF basic-event names, and threats as {@code threat:ID} (as importance names them). */
  static Map<String, String> ids(Model m) {
    Map<String, String> ids = new HashMap<>();
    for (Node n : m.nodes()) {
      ids.put(OpenPsaMef.basicEvent(n.id()), n.id());
    }
    for (Threat t : m.threats()) {
      ids.put(OpenPsaMef.threatEvent(t.id()), "threat:" + t.id());
    }
    return ids;
  }

  /** The nodes a set of events fails: nodes themselves, and every target of a threat. */
  static Set<String> failed(Model m, Set<String> events) {
    Set<String> out = new TreeSet<>();
    for (String e : events) {
      if (e.startsWith("threat:")) {
        Threat t = m.threat(e.substring("threat:".length())).orElseThrow();
        t.targets().forEach(target -> target.nodesIn(m).forEach(n -> out.add(n.id())));
      } else {
        out.add(e);
      }
    }
    return out;
  }

  /** Kuja's minimal failure sets of a function up to an order, as sets of node ids. */
  static Set<Set<String>> kujaCutSets(Path model, String function, int order) {
    JsonNode j = Tools.kujaJson("cutsets", model.toString(), "--function", function, "--order",
        String.valueOf(order), "--json");
    Set<Set<String>> out = new java.util.HashSet<>();
    for (JsonNode set : j.get("cutsets")) {
      Set<String> s = new TreeSet<>();
      set.forEach(n -> s.add(n.asText()));
      out.add(s);
    }
    return out;
  }

  static Path export(Path model, Path dir, String... options) {
    Path xml = dir.resolve(model.getFileName() + ".mef.xml");
    List<String> args = new ArrayList<>(List.of("export", model.toString(), "--to", "mef", "-o", xml.toString()));
    args.addAll(List.of(options));
    Tools.kuja(args.toArray(String[]::new)).ok("kuja export --to mef " + model);
    return xml;
  }

  static void validate(Path scram, Path xml) {
    Tools.Result r = Tools.run(LONG, xml.getParent(), scram.toString(), "--validate", xml.toString());
    assertEquals(0, r.status(), "SCRAM refuses " + xml.getFileName() + ":\n" + r.err());
    assertEquals("", r.err().strip(), "SCRAM's warnings");
  }

  /** SCRAM's cut sets of every top event, translated back to node ids, against Kuja's. */
  /** Cut sets with a threat in them, over the whole test class (the county has threats). */
  static int threatSets;

  static int compareCutSets(Path scram, Path model, Path xml, Model m, List<String> functions, int order) throws Exception {
    Path out = xml.resolveSibling(xml.getFileName() + ".report.xml");
    Tools.run(LONG, xml.getParent(), scram.toString(), "--limit-order", String.valueOf(order), xml.toString(),
        "-o", out.toString()).ok("scram " + xml.getFileName());
    Map<String, Top> tops = report(out);
    Map<String, String> ids = ids(m);
    int compared = 0;
    for (String f : functions) {
      Top top = tops.get(OpenPsaMef.topGate(f));
      assertTrue(top != null, "SCRAM has no top event for " + f + ": " + tops.keySet());
      Set<Set<String>> theirs = new java.util.HashSet<>();
      Analysis analysis = Analysis.of(m);
      for (Set<String> set : top.cutSets()) {
        Set<String> s = new TreeSet<>();
        set.forEach(e -> s.add(ids.get(e)));
        if (s.stream().anyMatch(e -> e.startsWith("threat:"))) {
          // a set with a threat (a common cause) is no node set of Kuja's: it must bring the
          // function down, and without any one of its events it must not
          assertTrue(analysis.impact(List.copyOf(failed(m, s))).failed().contains(f), f + ": " + s);
          for (String e : s) {
            Set<String> less = new TreeSet<>(s);
            less.remove(e);
            assertTrue(less.isEmpty() || !analysis.impact(List.copyOf(failed(m, less))).failed().contains(f),
                f + ": " + s + " is not minimal");
          }
          threatSets++;
        } else {
          theirs.add(s);
        }
      }
      Set<Set<String>> ours = new java.util.HashSet<>(kujaCutSets(model, f, order));
      ours.add(Set.of(f)); // the function's own basic event: Kuja leaves the trivial set out
      assertEquals(ours, theirs, "minimal cut sets of " + f + " up to order " + order + " in " + model.getFileName());
      compared += theirs.size();
    }
    assertEquals(functions.size(), functions.stream().distinct().count());
    return compared;
  }

  @Test
  void everyBundledModelValidatesAndHasKujasCutSets(@TempDir Path dir) throws Exception {
    Path scram = Tools.SCRAM.require();
    int allSets = 0;
    int allFunctions = 0;
    for (Path model : Tools.bundledModels()) {
      Path xml = export(model, dir);
      validate(scram, xml);
      Model m = ModelDocuments.read(model);
      List<String> functions = m.functions().stream().map(Node::id).toList();
      int sets = compareCutSets(scram, model, xml, m, functions, 3);
      assertTrue(sets >= functions.size(), model + ": every function has at least its own set");
      allSets += sets;
      allFunctions += functions.size();
    }
    // a region's small documents may hold only trivial sets; the models as a whole may not
    assertTrue(allSets > 2 * allFunctions, allSets + " sets of " + allFunctions + " functions: only the trivial sets?");
    assertTrue(threatSets > 0, "the county's threats make cut sets of their own");
  }

  @Test
  void theNationalModelOfTenThousandNodesForOneFunction(@TempDir Path dir) throws Exception {
    Path scram = Tools.SCRAM.require();
    Model m = NationalModels.generate(10_000, 42);
    assertTrue(m.size() > 9_000 && m.size() < 11_000, m.toString());
    Path model = dir.resolve("national-10000.json");
    ModelDocuments.write(m, model);
    String function = "a0/c0/emergency-care";
    Path xml = export(model, dir, "--function", function);
    validate(scram, xml);
    int sets = compareCutSets(scram, model, xml, m, List.of(function), 3);
    assertTrue(sets > 10, "cut sets of " + function + ": " + sets);
  }

  /** SCRAM prints six significant digits. */
  private static void assertClose(double kuja, double scram, String what) {
    double tolerance = 1e-5 * Math.max(Math.abs(kuja), Math.abs(scram)) + 1e-12;
    assertTrue(Math.abs(kuja - scram) <= tolerance, what + ": Kuja " + kuja + ", SCRAM " + scram);
  }

  /** SCRAM's probability and importance of every function against `kuja montecarlo --importance`. */
  static int compareImportance(Path scram, Path model, Path dir, String period, List<String> functions) throws Exception {
    Path xml = export(model, dir, "--period", period);
    validate(scram, xml);
    Path out = dir.resolve("importance-" + period + ".xml");
    Tools.run(LONG, dir, scram.toString(), "--probability", "true", "--importance", "true", xml.toString(),
        "-o", out.toString()).ok("scram --importance");
    Map<String, Top> tops = report(out);
    int events = 0;
    for (String f : functions) {
      JsonNode k = Tools.kujaJson("montecarlo", model.toString(), "--importance", f, "--period", period, "--json");
      assertTrue(k.get("exact").asBoolean(), "Kuja's importance of " + f + " is exact");
      Top top = tops.get(OpenPsaMef.topGate(f));
      assertClose(k.get("probability").get("p").asDouble(), top.probability(), "P(" + f + ")");
      for (JsonNode e : k.get("events")) {
        String name = e.get("event").asText();
        String event = name.startsWith("threat:") ? OpenPsaMef.threatEvent(name.substring("threat:".length()))
            : OpenPsaMef.basicEvent(name);
        Map<String, Double> s = top.importance().get(event);
        String what = f + ", " + e.get("event").asText();
        if (s == null) {
          // SCRAM lists the events of the cut sets; one that is in none cannot matter
          assertEquals(0.0, e.get("birnbaum").asDouble(), what + " is in no cut set but matters to Kuja");
          continue;
        }
        assertClose(e.get("probability").asDouble(), s.get("probability"), what + " probability");
        assertClose(e.get("birnbaum").asDouble(), s.get("MIF"), what + " Birnbaum (MIF)");
        assertClose(e.get("fussellVesely").asDouble(), s.get("CIF"), what + " Fussell-Vesely (CIF)");
        assertClose(e.get("riskAchievementWorth").asDouble(), s.get("RAW"), what + " RAW");
        if (e.get("riskReductionWorth").isNull()) {
          assertEquals(0.0, s.get("RRW"), what + ": SCRAM writes an infinite RRW as 0");
        } else {
          assertClose(e.get("riskReductionWorth").asDouble(), s.get("RRW"), what + " RRW");
        }
        events++;
      }
    }
    return events;
  }

  @Test
  void probabilityAndImportanceAreKujasExactMeasuresOnTheSameSnapshot(@TempDir Path dir) throws Exception {
    Path scram = Tools.SCRAM.require();
    Path county = Tools.EXAMPLES.resolve("models").resolve("county.yaml");
    List<String> functions = ModelDocuments.read(county).functions().stream().map(Node::id).toList();
    // a year (SCRAM's default mission time, irrelevant to the exported numbers) and a month
    int year = compareImportance(scram, county, dir, "P365D", functions);
    int month = compareImportance(scram, county, dir, "P30D", functions);
    assertTrue(year > 2 * functions.size() && month == year, year + " and " + month + " events compared");
  }
}
