package dev.kuja.cli;

import static dev.kuja.cli.KujaTest.kuja;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kuja.cli.KujaTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kuja iim: the static and dynamic runs on the examples, and every kind of bad input (exit 2, located). */
class IimCommandTest {

  static final Path EXAMPLES = Path.of("..", "examples", "iim");
  static final String TWO = EXAMPLES.resolve("two-sectors.csv").toString();
  static final String Z = EXAMPLES.resolve("transactions.csv").toString();
  static final String X = EXAMPLES.resolve("totals.csv").toString();

  static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void help() {
    Run r = kuja("iim", "--help");
    assertEquals(0, r.status());
    assertTrue(r.out().startsWith("Usage: kuja iim"), r.out());
    assertTrue(kuja("--help").out().contains("iim"));
  }

  /** The hand-worked example of docs/iim.md: q = (0.4, 0.2). */
  @Test
  void staticRun() throws Exception {
    Run r = kuja("iim", TWO, "--perturbation", "power=0.3");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("power        0.3       0.4"), r.out());
    assertTrue(r.out().contains("water          0       0.2"), r.out());
    JsonNode j = kuja("iim", TWO, "--perturbation", "power=0.3", "--json").json();
    assertEquals(List.of("sectors", "interdependency"), names(j));
    assertEquals("power", j.get("sectors").get(0).get("id").asText());
    assertEquals(0.4, j.get("sectors").get(0).get("inoperability").asDouble(), 1e-12);
    assertEquals(0.2, j.get("sectors").get(1).get("inoperability").asDouble(), 1e-12);
    assertEquals(0.5, j.get("interdependency").get(0).get(1).asDouble(), 0);
  }

  /** The hand-worked dynamic example of docs/iim.md: k = 1, c* until day 2, four days. */
  @Test
  void dynamicRun() throws Exception {
    JsonNode j = kuja("iim", TWO, "--perturbation", "power=0.3", "--perturbation-until", "P2D",
        "--horizon", "P4D", "--step", "P1D", "--json").json();
    assertEquals(List.of("sectors", "interdependency", "timeline", "impact"), names(j));
    assertEquals(0.4, j.get("sectors").get(0).get("inoperability").asDouble(), 1e-12, "the static solution");
    assertEquals(5, j.get("timeline").size());
    assertEquals("PT0S", j.get("timeline").get(0).get("t").asText());
    assertEquals("P3D", j.get("timeline").get(3).get("t").asText());
    assertEquals(0.075, j.get("timeline").get(3).get("q").get("power").asDouble(), 1e-12);
    assertEquals(0.15, j.get("timeline").get(3).get("q").get("water").asDouble(), 1e-12);
    assertEquals(0.7125, j.get("impact").get("power").asDouble(), 1e-12);
    assertEquals(0.31875, j.get("impact").get("water").asDouble(), 1e-12);
  }

  @Test
  void theExampleFromTransactionsWithAPlot(@TempDir Path dir) throws Exception {
    Path html = dir.resolve("iim.html");
    Run r = kuja("iim", Z, "--transactions", "--output-totals", X, "--perturbation", "energy=0.25,transport=0.15",
        "--perturbation-until", "P7D", "--recovery", "energy=P10D,water=P5D", "--recovery", "transport=P14D",
        "--horizon", "P30D", "--step", "P1D", "--html", html.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("Inoperability over time, 30 steps of P1D"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  impact")), r.out());
    String page = Files.readString(html);
    assertEquals(6, page.split("<polyline class=\"q\"", -1).length - 1);
  }

  @Test
  void aRecoveryOnlyRunFromInitialInoperability() throws Exception {
    JsonNode j = kuja("iim", TWO, "--initial", "water=0.5", "--horizon", "P10D", "--step", "P1D", "--json").json();
    assertEquals(0.5, j.get("timeline").get(0).get("q").get("water").asDouble(), 0);
    assertEquals(0.0, j.get("sectors").get(1).get("inoperability").asDouble(), 0);
  }

  static Run bad(String... args) {
    Run r = kuja(args);
    assertEquals(2, r.status(), r.out() + r.err());
    assertEquals("", r.out());
    assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), "no stack trace: " + r.err());
    return r;
  }

  static List<String> lines(Run r) {
    return r.err().lines().toList();
  }

  static String write(Path dir, String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text).toString();
  }

  @Test
  void badMatrices(@TempDir Path dir) throws Exception {
    String fewer = write(dir, "fewer.csv", ",a,b,c\na,0,0,0\nb,0,0,0\n");
    assertEquals(List.of(fewer + ":1:4: the matrix is not square: the first row names 3 sectors but only 2 rows follow; "
        + "no row for 'c'"), lines(bad("iim", fewer, "--perturbation", "a=0.1")));
    String more = write(dir, "more.csv", ",a\na,0\nb,0\n");
    assertEquals(List.of(more + ":3:1: the matrix is not square: this is row 2 of sectors, but the first row names 1 sector"),
        lines(bad("iim", more, "--perturbation", "a=0.1")));
    String ragged = write(dir, "ragged.csv", ",a,b\na,0,0.1,0.2\nb,0\n");
    assertEquals(List.of(
        ragged + ":2:4: the row has 4 cells, but the first row has 3 (the id, then one per sector)",
        ragged + ":3:3: the row has 2 cells, but the first row has 3 (the id, then one per sector)"),
        lines(bad("iim", ragged, "--perturbation", "a=0.1")));
    String ids = write(dir, "ids.csv", ",energy,water\nwater,0,0\nenergy,0,0\n");
    assertEquals(List.of(
        ids + ":2:1: row 1 must be sector 'energy' (column 2 of the first row), not 'water'; the first column must list "
            + "the sectors in the order of the first row",
        ids + ":3:1: row 2 must be sector 'water' (column 3 of the first row), not 'energy'; the first column must list "
            + "the sectors in the order of the first row"),
        lines(bad("iim", ids, "--perturbation", "energy=0.1")));
    String cells = write(dir, "cells.csv", ",a,b\na,-0.2,x\nb,0,0\n");
    assertEquals(List.of(cells + ":2:2: must not be negative (-0.2)", cells + ":2:3: 'x' is not a number"),
        lines(bad("iim", cells, "--perturbation", "a=0.1")));
    String radius = write(dir, "radius.csv", ",a,b\na,0,1\nb,1,0\n");
    assertTrue(lines(bad("iim", radius, "--perturbation", "a=0.1")).get(0)
        .startsWith(radius + ": interdependency: I − A* is singular"));
    String missing = dir.resolve("none.csv").toString();
    assertEquals(List.of(missing + ": no such file"), lines(bad("iim", missing, "--perturbation", "a=0.1")));
  }

  @Test
  void badTotals(@TempDir Path dir) throws Exception {
    String z = write(dir, "z.csv", ",a,b\na,1,2\nb,3,4\n");
    String x = write(dir, "x.csv", "sector,total\na,0\nb,10\nc,4\n");
    assertEquals(List.of(
        x + ":2:2: the total output must be above 0, not 0 (a*_ij = z_ij / x_i divides by it)",
        x + ":4:1: 'c' is not a sector of the matrix; did you mean 'a'?"),
        lines(bad("iim", z, "--transactions", "--output-totals", x, "--perturbation", "a=0.1")));
    assertEquals(List.of("kuja: --transactions: --transactions and --output-totals TOTALS.csv go together"),
        lines(bad("iim", z, "--transactions", "--perturbation", "a=0.1")));
  }

  @Test
  void badOptions(@TempDir Path dir) throws Exception {
    assertEquals(List.of(
        "kuja: --perturbation (powr): 'powr' is not a sector; did you mean 'power'?",
        "kuja: --perturbation (water): 1.5 is outside [0, 1]"),
        lines(bad("iim", TWO, "--perturbation", "powr=0.2,water=1.5")));
    assertEquals(List.of(
        "kuja: --horizon: P1D is not a whole number of steps of PT5H",
        "kuja: --perturbation (power): -0.1 is outside [0, 1]",
        "kuja: --initial (watr): 'watr' is not a sector; did you mean 'water'?",
        "kuja: --recovery (pwer): 'pwer' is not a sector; did you mean 'power'?"),
        lines(bad("iim", TWO, "--perturbation", "power=-0.1", "--initial", "watr=0.1", "--recovery", "pwer=P1D",
            "--horizon", "P1D", "--step", "PT5H")));
    assertEquals(List.of(
        "kuja: --perturbation (power): 'lots' is not a number",
        "kuja: --recovery (water): '3 days' is not an ISO-8601 duration (examples: PT15M, PT4H, P2D)",
        "kuja: --step: a dynamic run (--perturbation-until, --recovery, --initial, --horizon, --step) needs both "
            + "--horizon and --step"),
        lines(bad("iim", TWO, "--perturbation", "power=lots", "--recovery", "water=3 days", "--horizon", "P1D")).stream()
            .sorted().toList());
    assertEquals(List.of("kuja: --perturbation: is required (S=V[,S=V…]); a dynamic run may start from --initial instead"),
        lines(bad("iim", TWO)));
    assertEquals(List.of("kuja: --html: '" + TWO + "' is an input file; it would be overwritten"),
        lines(bad("iim", TWO, "--perturbation", "power=0.1", "--html", TWO)));
    // a usage error: picocli's message, then the usage
    assertTrue(bad("iim", TWO, "--perturbation", "power").err().contains("should be in KEY=VALUE[,KEY=VALUE]... format but was power"));
  }
}
