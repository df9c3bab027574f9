package dev.kuja.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KujaTest {

  static final String MODEL = Path.of("..", "examples", "models", "county.yaml").toString();
  static final String STORM = Path.of("..", "examples", "models", "storm.yaml").toString();

  record Run(int status, String out, String err) {
    JsonNode json() throws Exception {
      return new ObjectMapper().readTree(out);
    }
  }

  static Run kuja(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Kuja.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void helpOnEveryCommand() {
    for (String c : List.of("validate", "impact", "spof", "cutsets", "rank", "simulate", "montecarlo", "risk",
        "objectives", "export", "import", "report")) {
      Run r = kuja(c, "--help");
      assertEquals(0, r.status(), c);
      assertTrue(r.out().startsWith("Usage: kuja " + c), r.out());
    }
    assertTrue(kuja("--help").out().contains("Exit status: 0 done"));
  }

  @Test
  void validate() throws Exception {
    Run r = kuja("validate", MODEL);
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("valid. Model 'Example wellbeing services county'"), r.out());
    JsonNode j = kuja("validate", MODEL, "--json").json();
    assertTrue(j.get("valid").asBoolean());
    assertEquals(0, j.get("errors").size());
  }

  @Test
  void validateReportsEveryProblemOnItsOwnLine(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), """
        kuja: 1
        nodes:
          - { id: a, kind: resource, requires: [grdi] }
          - { id: grid, kind: resource, recovery: 1h }
          - { id: f, kind: function }
        """);
    Run r = kuja("validate", bad.toString());
    assertEquals(2, r.status());
    List<String> lines = r.err().lines().toList();
    assertEquals(3, lines.size(), r.err());
    assertEquals(bad + ":3:41: node 'a', requirement 1 (alternatives): names 'grdi', which is not a node; "
        + "did you mean 'grid'?", lines.get(0));
    assertTrue(lines.get(1).startsWith(bad + ":4:43: recovery of node 'grid'"), lines.get(1));
    assertTrue(lines.get(2).startsWith(bad + ":5:5: node 'f' (criticality)"), lines.get(2));
    JsonNode j = kuja("validate", bad.toString(), "--json").json();
    assertFalse(j.get("valid").asBoolean());
    assertEquals(3, j.get("errors").size());
    assertEquals(bad + ":3:41", j.get("errors").get(0).get("location").asText());
    assertTrue(j.get("errors").get(0).get("message").asText().contains("did you mean 'grid'"));
  }

  @Test
  void impact() throws Exception {
    Run r = kuja("impact", MODEL, "--fail", "dc-1,dc-2", "--json");
    assertEquals(0, r.status(), r.err());
    JsonNode j = r.json();
    assertEquals(List.of("dc-1", "dc-2"), texts(j.get("initial")));
    List<String> failed = texts(j.get("failed"));
    assertTrue(failed.containsAll(List.of("patient-records", "social-records", "emergency-care")), failed::toString);
    assertEquals(failed.stream().sorted().toList(), failed, "sorted");
    assertTrue(j.get("horizon").isNull());
    JsonNode within = kuja("impact", MODEL, "--fail", "dc-1,dc-2", "--horizon", "PT1H", "--json").json();
    assertFalse(texts(within.get("failed")).contains("emergency-care"), "patient records have a 4 h paper fallback");
    assertEquals("PT1H", within.get("horizon").asText());
    assertTrue(kuja("impact", MODEL, "--fail", "grid").out().startsWith("Impact of [grid]"));
  }

  @Test
  void spof() throws Exception {
    Run r = kuja("spof", MODEL, "--function", "emergency-care", "--json");
    assertEquals(0, r.status(), r.err());
    JsonNode f = r.json().get("functions").get(0);
    assertEquals("emergency-care", f.get("id").asText());
    JsonNode staff = null;
    for (JsonNode s : f.get("spofs")) {
      if (s.get("node").asText().equals("ict-staff")) {
        staff = s;
      }
    }
    assertTrue(staff != null && staff.get("commonCause").asBoolean());
    assertEquals("ict-staff", staff.get("path").get(0).asText());
    assertEquals("emergency-care", texts(staff.get("path")).get(staff.get("path").size() - 1));
    assertEquals(11, kuja("spof", MODEL, "--json").json().get("functions").size());
    assertEquals(1, kuja("spof", MODEL, "--fail-on-spof").status());
    assertEquals(0, kuja("spof", MODEL, "--function", "transmission", "--fail-on-spof").status());
    assertTrue(kuja("spof", MODEL, "--function", "home-care", "--horizon", "PT1H").out()
        .startsWith("SPOFs of home-care within PT1H"));
  }

  @Test
  void cutsets() throws Exception {
    JsonNode j = kuja("cutsets", MODEL, "--function", "emergency-care", "--order", "2", "--json").json();
    assertEquals("emergency-care", j.get("function").asText());
    boolean generatorsAndGrid = false;
    for (JsonNode set : j.get("cutsets")) {
      assertTrue(set.size() <= 2);
      List<String> ids = texts(set);
      assertEquals(ids.stream().sorted().toList(), ids);
      generatorsAndGrid |= ids.equals(List.of("dc-1", "dc-2"));
    }
    assertTrue(generatorsAndGrid, "both data centres together are a double point of failure");
  }

  @Test
  void rank() throws Exception {
    JsonNode j = kuja("rank", MODEL, "--json").json();
    JsonNode first = j.get("ranking").get(0);
    assertEquals(60.0, first.get("score").asDouble());
    assertTrue(first.get("functions").size() >= 10);
    assertEquals(78, j.get("ranking").size());
    String table = kuja("rank", MODEL, "--top", "3").out();
    assertEquals(4, table.lines().count(), table);
  }

  @Test
  void simulate() throws Exception {
    Run r = kuja("simulate", MODEL, STORM, "--json");
    assertEquals(0, r.status(), r.err());
    JsonNode j = r.json();
    JsonNode care = null;
    for (JsonNode f : j.get("functions")) {
      if (f.get("id").asText().equals("emergency-care")) {
        care = f;
      }
    }
    assertEquals("PT18H", care.get("firstImpact").asText());
    assertTrue(care.get("mtpdExceeded").asBoolean());
    assertEquals("PT18H", care.get("down").get(0).get("from").asText());
    assertTrue(care.has("downtime"));
    assertEquals(0, j.get("locked").size());
    assertEquals(1, kuja("simulate", MODEL, STORM, "--fail-on-breach").status());
    assertTrue(kuja("simulate", MODEL, STORM).out().contains("why emergency-care:"));
  }

  @Test
  void montecarlo() throws Exception {
    Run r = kuja("montecarlo", MODEL, "--scenarios", "1000", "--seed", "7", "--threads", "2", "--json");
    assertEquals(0, r.status(), r.err());
    JsonNode j = r.json();
    assertEquals("P365D", j.get("period").asText());
    assertEquals(7, j.get("seed").asLong());
    assertEquals(1000, j.get("scenarios").asLong());
    assertEquals(0.95, j.get("level").asDouble(), 1e-6);
    assertFalse(j.get("cancelled").asBoolean());
    JsonNode care = null;
    for (JsonNode f : j.get("functions")) {
      if (f.get("id").asText().equals("emergency-care")) {
        care = f;
      }
    }
    double p = care.get("down").get("p").asDouble();
    assertTrue(care.get("down").get("low").asDouble() <= p && p <= care.get("down").get("high").asDouble());
    assertTrue(p > 0 && p < 1, care.toString());
    assertEquals("PT4H", care.get("mtpd").asText());
    assertTrue(care.get("mtpdExceeded").has("p"));
    assertTrue(care.get("p99Downtime").get("value").asText().startsWith("P"));
    // the same seed on one thread gives the same JSON
    assertEquals(r.out(), kuja("montecarlo", MODEL, "--scenarios", "1000", "--seed", "7", "--threads", "1", "--json").out());
    assertTrue(kuja("montecarlo", MODEL, "--scenarios", "500").out().contains("P(outage > MTPD)"));

    JsonNode imp = kuja("montecarlo", MODEL, "--importance", "emergency-care", "--json").json();
    assertTrue(imp.get("exact").asBoolean());
    assertTrue(imp.get("events").size() > 3);
    assertTrue(imp.get("events").get(0).has("birnbaum"));

    Run bad = kuja("montecarlo", MODEL, "--importance", "emergency-cars");
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains("did you mean 'emergency-care'"), bad.err());
    assertEquals(2, kuja("montecarlo", MODEL, "--scenarios", "0").status());
  }

  /** Spark is not on the cli's class path (kuja-spark's tests run the option with Spark present). */
  @Test
  void montecarloOnSparkWithoutSparkSaysWhatIsMissing() {
    Run r = kuja("montecarlo", MODEL, "--scenarios", "100", "--spark", "local[2]");
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("kuja: --spark: kuja-spark and Spark's jars are not on the class path"
        + " (org.apache.spark.SparkContext is missing): run java -cp"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertEquals("", r.out());
    Run both = kuja("montecarlo", MODEL, "--threads", "2", "--importance", "emergency-care", "--spark", "local[2]");
    assertEquals(2, both.status());
    assertEquals(List.of("kuja: --spark: runs ensembles; --importance runs on this machine only",
        "kuja: --threads: Spark decides how many blocks run at once; leave out --threads with --spark"),
        both.err().lines().toList());
  }

  @Test
  void simulateAThreatsWorstCase() throws Exception {
    Run r = kuja("simulate", MODEL, "--threat", "ransomware", "--json");
    assertEquals(0, r.status(), r.err());
    JsonNode j = r.json();
    // uniform 2 to 10 days: the 95th percentile is 2 d + 0.95 · 8 d = 9 d 14 h 24 min
    assertEquals("Ransomware at the regional ICT service centre (worst case, P9DT14H24M)", j.get("scenario").asText());
    assertEquals("P16DT14H24M", j.get("horizon").asText());
    assertTrue(j.get("nodes").has("dc-1") && j.get("nodes").has("ict-staff"), j.get("nodes").toString());
    Run text = kuja("simulate", MODEL, "--threat", "ransomware");
    assertTrue(text.out().contains("impact"), text.out());

    Run unknown = kuja("simulate", MODEL, "--threat", "ransomwear");
    assertEquals(2, unknown.status());
    assertEquals("kuja: --threat: no threat 'ransomwear' in the model; did you mean 'ransomware'?", unknown.err().strip());
    Run both = kuja("simulate", MODEL, STORM, "--threat", "ransomware");
    assertEquals(2, both.status());
    assertEquals("kuja: give a SCENARIO document or --threat ID, not both", both.err().strip());
    Run neither = kuja("simulate", MODEL);
    assertEquals(2, neither.status());
    assertEquals("kuja: give a SCENARIO document or --threat ID", neither.err().strip());
  }

  @Test
  void risk() throws Exception {
    Run r = kuja("risk", MODEL, "--scenarios", "600", "--seed", "3", "--threads", "2", "--json");
    assertEquals(0, r.status(), r.err());
    JsonNode j = r.json();
    assertEquals("P365D", j.get("period").asText());
    assertEquals(5, j.get("likelihoods").size());
    assertEquals("erittäin vakava", j.get("levels").get(4).get("finnish").asText());
    List<String> sources = new ArrayList<>();
    j.get("sources").forEach(s -> sources.add(s.get("threat").isNull() ? "all causes" : s.get("threat").asText()));
    assertEquals(List.of("winter-storm", "ransomware", "fuel-strike", "water-contamination", "all causes"), sources);
    JsonNode care = j.get("sources").get(4).get("functions").get(0);
    assertEquals("emergency-care", care.get("id").asText());
    double serious = care.get("atLeast").get("serious").get("p").asDouble();
    double severe = care.get("atLeast").get("severe").get("p").asDouble();
    assertTrue(serious >= severe && severe > 0, care.toString());
    assertEquals(r.out(), kuja("risk", MODEL, "--scenarios", "600", "--seed", "3", "--threads", "1", "--json").out());
    Run text = kuja("risk", MODEL, "--scenarios", "300");
    assertTrue(text.out().contains("threat winter-storm \"Winter storm over the region\""), text.out());
    assertTrue(text.out().contains("the matrix: threat/function pairs per cell"), text.out());

    Run zero = kuja("risk", MODEL, "--scenarios", "0");
    assertEquals(2, zero.status());
    assertEquals("kuja risk: Invalid value for option '--scenarios': must be at least 1, not 0 (see 'kuja risk --help')", zero.err().strip());
    Run threads = kuja("risk", MODEL, "--threads", "0");
    assertEquals(2, threads.status());
    assertEquals("kuja risk: Invalid value for option '--threads': must be at least 1, not 0 (see 'kuja risk --help')", threads.err().strip());
    assertEquals(2, kuja("risk", MODEL, "--seed", "many").status());
  }

  @Test
  void objectives() throws Exception {
    Run r = kuja("objectives", MODEL, "--json");
    assertEquals(0, r.status(), r.err());
    JsonNode telecom = null;
    for (JsonNode n : r.json().get("nodes")) {
      if (n.get("id").asText().equals("telecom-core")) {
        telecom = n;
      }
    }
    // the emergency centre needs the core network at once and recovers with it; emergency
    // medical services have an RTO of 30 min and the core network takes 30 min to restart
    assertEquals("PT0S", telecom.get("requiredRto").asText());
    assertEquals("emergency-medical-services", telecom.get("rtoSetBy").asText());
    assertEquals("PT4H", telecom.get("declaredRto").asText());
    assertEquals("PT4H", telecom.get("gap").asText());
    assertEquals(List.of("telecom-core", "emergency-centre", "emergency-medical-services"), texts(telecom.get("chain")));
    Run text = kuja("objectives", MODEL);
    assertTrue(text.out().contains("telecom-core: declared PT4H, required PT0S by emergency-medical-services"), text.out());
  }

  @Test
  void export(@TempDir Path dir) throws Exception {
    assertTrue(kuja("export", MODEL, "--to", "dot").out().startsWith("digraph \"Example wellbeing services county\""));
    assertTrue(kuja("export", MODEL, "--to", "graphml").out().contains("<graphml"));
    assertTrue(kuja("export", MODEL, "--to", "mermaid").out().startsWith("flowchart BT"));
    assertTrue(kuja("export", MODEL, "--to", "mef").out().contains("<define-fault-tree name=\"ft-emergency-care\">"));
    assertTrue(kuja("export", MODEL, "--to", "html").out().startsWith("<!DOCTYPE html>"));
    Path json = dir.resolve("county.json");
    assertEquals(0, kuja("export", MODEL, "--to", "json", "-o", json.toString()).status());
    assertEquals(0, kuja("validate", json.toString()).status());
    Run bad = kuja("export", MODEL, "--to", "pdf");
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains("graphml, dot, mermaid, mef, html, yaml, json"), bad.err());
  }

  @Test
  void exportMefTakesTheStudyPeriodOfItsProbabilities() {
    // the medicine wholesaler: probability 0.02 of failing, uniform repair of 1 to 7 days (mean 4 days)
    String year = kuja("export", MODEL, "--to", "mef").out();
    String week = kuja("export", MODEL, "--to", "mef", "--period", "P8D").out();
    assertTrue(year.contains("the mean unavailability over P365D"), year);
    assertTrue(week.contains("the mean unavailability over P8D"), week);
    assertTrue(week.contains("<float value=\"0.01\"/>"), "0.02 · 4 days / 8 days");
    Run zero = kuja("export", MODEL, "--to", "mef", "--period", "PT0S");
    assertEquals(2, zero.status());
    assertTrue(zero.err().contains("'PT0S' must be longer than zero"), zero.err());
    Run other = kuja("export", MODEL, "--to", "dot", "--period", "P8D");
    assertEquals(2, other.status());
    assertTrue(other.err().contains("--period applies to --to mef only"), other.err());
    Run publicView = kuja("export", MODEL, "--public", "--organisation", "county", "--function", "home-care");
    assertEquals(2, publicView.status());
    assertTrue(publicView.err().contains("--function applies to --to mef only, not to a public view"), publicView.err());
    String one = kuja("export", MODEL, "--to", "mef", "--function", "home-care,roads").out();
    assertEquals(2, one.split("<define-fault-tree ", -1).length - 1, "two trees");
    assertTrue(one.indexOf("name=\"ft-home-care\"") < one.indexOf("name=\"ft-roads\""), one);
    Run notAFunction = kuja("export", MODEL, "--to", "mef", "--function", "grid");
    assertEquals(2, notAFunction.status());
    assertTrue(notAFunction.err().contains("'grid' is a resource, not a function"), notAFunction.err());
    Run unknown = kuja("export", MODEL, "--to", "mef", "--function", "home-cair");
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().contains("did you mean 'home-care'"), unknown.err());
    assertEquals(2, kuja("export", MODEL, "--to", "dot", "--function", "home-care").status());
  }

  @Test
  void importTurnsTheBiaTablesIntoAModel(@TempDir Path dir) {
    Path bia = Path.of("..", "examples", "bia");
    Path out = dir.resolve("bia.yaml");
    Run r = kuja("import", "--nodes", bia.resolve("nodes.csv").toString(),
        "--requirements", bia.resolve("requirements.csv").toString(), "-o", out.toString());
    assertEquals(0, r.status(), r.err());
    Run v = kuja("validate", out.toString());
    assertTrue(v.out().contains("5 nodes"), v.out());
    Path all = dir.resolve("all.json");
    Run withRisk = kuja("import", "--nodes", bia.resolve("nodes.csv").toString(),
        "--requirements", bia.resolve("requirements.csv").toString(), "--impacts", bia.resolve("impacts.csv").toString(),
        "--threats", bia.resolve("threats.csv").toString(), "-o", all.toString());
    assertEquals(0, withRisk.status(), withRisk.err());
    assertTrue(kuja("validate", all.toString()).out().contains("3 threats"));
    Run missing = kuja("import", "--nodes", bia.resolve("nodes.csv").toString(),
        "--requirements", bia.resolve("requirements.csv").toString(), "--threats", dir.resolve("none.csv").toString());
    assertEquals(2, missing.status());
    assertEquals(dir.resolve("none.csv") + ": no such file", missing.err().strip());
    Run bad = kuja("import", "--nodes", bia.resolve("requirements.csv").toString(),
        "--requirements", bia.resolve("nodes.csv").toString());
    assertEquals(2, bad.status());
    assertTrue(bad.err().lines().allMatch(l -> l.matches(".*\\.csv:\\d+:\\d+: .*")), bad.err());
  }

  @Test
  void importReadsAWorkbook(@TempDir Path dir) throws Exception {
    Path bia = Path.of("..", "examples", "bia");
    Path xlsx = dir.resolve("bia.xlsx");
    try (var out = Files.newOutputStream(xlsx)) {
      var wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
      for (String sheet : List.of("nodes", "requirements")) {
        var ws = wb.newWorksheet(sheet);
        List<String> lines = Files.readAllLines(bia.resolve(sheet + ".csv"));
        for (int r = 0; r < lines.size(); r++) {
          String[] cells = lines.get(r).split(",", -1);
          for (int c = 0; c < cells.length; c++) {
            if (!cells[c].isEmpty()) {
              ws.value(r, c, cells[c]);
            }
          }
        }
      }
      wb.finish();
    }
    Run fromCsv = kuja("import", "--nodes", bia.resolve("nodes.csv").toString(),
        "--requirements", bia.resolve("requirements.csv").toString());
    Run fromWorkbook = kuja("import", "--workbook", xlsx.toString());
    assertEquals(0, fromWorkbook.status(), fromWorkbook.err());
    assertEquals(fromCsv.out(), fromWorkbook.out());
    Run both = kuja("import", "--workbook", xlsx.toString(), "--nodes", bia.resolve("nodes.csv").toString(),
        "--requirements", bia.resolve("requirements.csv").toString());
    assertEquals(2, both.status());
    assertTrue(both.err().contains("mutually exclusive"), both.err());
    Run half = kuja("import", "--nodes", bia.resolve("nodes.csv").toString());
    assertEquals(2, half.status());
    assertTrue(half.err().contains("--requirements"), half.err());
    Run odd = kuja("import", "--workbook", bia.resolve("nodes.csv").toString());
    assertEquals(2, odd.status());
    assertTrue(odd.err().contains("a workbook must be .xlsx (Excel) or .ods"), odd.err());
  }

  @Test
  void reportAsAWorkbook(@TempDir Path dir) throws Exception {
    Path xlsx = dir.resolve("county.xlsx");
    Run r = kuja("report", MODEL, "--xlsx", xlsx.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("KUJA CONTINUITY REPORT"), "the text report is still printed");
    try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(xlsx.toFile())) {
      assertEquals(List.of("functions", "spofs", "double points", "ranking", "interfaces", "risk matrix",
          "recovery objectives"),
          wb.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName).toList());
    }
    Run wrong = kuja("report", MODEL, "--xlsx", dir.resolve("county.ods").toString());
    assertEquals(2, wrong.status());
    assertTrue(wrong.err().contains("--xlsx must name an Excel workbook ending in .xlsx"), wrong.err());
    assertFalse(Files.exists(dir.resolve("county.ods")));
    Run bad = kuja("report", MODEL, "--xlsx", dir.resolve("no/such/dir/county.xlsx").toString());
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains("cannot write"), bad.err());
  }

  @Test
  void report() throws Exception {
    Run r = kuja("report", MODEL, STORM);
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("KUJA CONTINUITY REPORT — Example wellbeing services county"));
    assertTrue(r.out().contains("common-cause  ict-staff: ict-staff -> dc-2 -> patient-records -> emergency-care"));
    assertTrue(r.out().contains("WHERE TO INVEST: CRITICALITY RANKING"));
    assertTrue(r.out().contains("INTERFACES BETWEEN ORGANISATIONS"));
    assertTrue(r.out().contains("SCENARIO: STORM, TWO DAYS WITHOUT POWER"));
    assertTrue(r.out().contains("RISK MATRIX (likelihood per year × impact level; 10,000 years per threat, seed 1)"));
    assertTrue(r.out().contains("  likely × catastrophic: winter-storm/emergency-medical-services"), r.out());
    assertTrue(r.out().contains("  telecom-core: declared PT4H, required PT0S by emergency-medical-services (+PT4H)"),
        r.out());
    assertEquals("", r.err(), "no progress noise when not on a terminal");
    JsonNode j = kuja("report", MODEL, STORM, "--json", "--scenarios", "500", "--seed", "4").json();
    assertEquals(11, j.get("functions").size());
    assertEquals(15, j.get("top").asInt());
    assertEquals(15, j.get("ranking").size(), "the first 15 rows");
    assertEquals(1, j.get("scenarios").size());
    assertTrue(j.get("interfaces").size() > 0);
    assertEquals(11, j.get("totals").get("functions").asInt());
    JsonNode all = kuja("report", MODEL, STORM, "--json", "--all").json();
    assertEquals(78, all.get("ranking").size(), "every node");
    assertTrue(all.get("top").isNull());
    assertEquals(j.get("totals"), all.get("totals"));
    JsonNode two = kuja("report", MODEL, "--json", "--top", "2").json();
    assertEquals(2, two.get("functions").size());
    assertEquals(2, two.get("totals").get("doublePointFunctions").asInt(), "double points of the functions shown");
    Run text = kuja("report", MODEL, "--top", "2");
    assertTrue(text.out().contains("… and 9 more functions"), text.out());
    Run negative = kuja("report", MODEL, "--top", "-1");
    assertEquals(2, negative.status());
    assertTrue(negative.err().contains("'--top': must be at least 1, not -1"), negative.err());
    assertEquals(4, j.get("risk").get("seed").asLong());
    assertEquals(500, j.get("risk").get("sources").get(0).get("scenarios").asLong());
    assertEquals(3, all.get("objectives").get("nodes").findValues("gap").stream().filter(g -> !g.isNull()).count());
    assertEquals(15, j.get("objectives").get("nodes").size(), "the first 15 nodes");
    assertEquals(all.get("objectives").get("nodes").size(), j.get("objectives").get("nodeCount").asInt());
    assertEquals(1, kuja("report", MODEL, STORM, "--fail-on-breach").status());
    Run zero = kuja("report", MODEL, "--scenarios", "0");
    assertEquals(2, zero.status());
    assertEquals("kuja report: Invalid value for option '--scenarios': must be at least 1, not 0 (see 'kuja report --help')", zero.err().strip());
  }

  @Test
  void reportAsHtml(@TempDir Path dir) throws Exception {
    Path html = dir.resolve("report.html");
    Run r = kuja("report", MODEL, STORM, "--html", html.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("KUJA CONTINUITY REPORT"), "the text report is still printed");
    String page = Files.readString(html);
    assertTrue(page.startsWith("<!DOCTYPE html>"), page.substring(0, 100));
    assertTrue(page.contains("Storm, two days without power"));
    Run bad = kuja("report", MODEL, "--html", dir.resolve("no/such/dir/report.html").toString());
    assertEquals(2, bad.status());
    assertEquals("kuja: cannot write " + dir.resolve("no/such/dir/report.html") + ": no such directory",
        bad.err().strip());
  }

  @Test
  void badInputGivesStatusTwoAndOneLinePerProblem(@TempDir Path dir) throws Exception {
    Run missing = kuja("spof", dir.resolve("none.yaml").toString());
    assertEquals(2, missing.status());
    assertEquals(dir.resolve("none.yaml") + ": no such file", missing.err().strip());
    Run unknown = kuja("spof", MODEL, "--function", "emergency-cara");
    assertEquals(2, unknown.status());
    assertEquals("kuja: --function: no node 'emergency-cara' in the model; did you mean 'emergency-care'?",
        unknown.err().strip());
    Run horizon = kuja("impact", MODEL, "--fail", "grid", "--horizon", "two days");
    assertEquals(2, horizon.status());
    assertTrue(horizon.err().contains("'two days' is not an ISO-8601 duration"), horizon.err());
    Path scenario = Files.writeString(dir.resolve("s.yaml"), """
        kuja-scenario: 1
        name: typos
        horizon: P1D
        disruptions:
          - { node: gird, start: PT0S }
          - { organisation: nobody, start: PT0S }
        """);
    Run s = kuja("simulate", MODEL, scenario.toString());
    assertEquals(2, s.status());
    assertEquals(2, s.err().lines().count(), s.err());
    assertTrue(s.err().startsWith(scenario + ":5:13: disruption 1 (gird): no node 'gird' in the model"), s.err());
    assertEquals(2, kuja("cutsets", MODEL, "--function", "emergency-care", "--order", "0").status());
    assertEquals(2, kuja("frobnicate").status());
  }
}
