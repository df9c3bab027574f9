package dev.kuja.io.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kuja.iim.Iim;
import dev.kuja.iim.StaticSolution;
import dev.kuja.iim.Timeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IIM page: what it draws, that it escapes the sector ids, that it is written whole, and in a real browser. */
class IimReportTest {

  static final String HOSTILE = "<script>window.pwned=1</script>\"'&";

  static Iim iim() {
    return Iim.of(List.of("power", HOSTILE, "water"),
        new double[][] {{0, 0.5, 0.1}, {0.2, 0, 0}, {0.5, 0.1, 0}});
  }

  static Timeline timeline(int days) {
    return iim().dynamic(Duration.ofDays(1), Duration.ofDays(days)).perturbation("power", 0.3)
        .perturbationUntil(Duration.ofDays(10)).recovery("water", Duration.ofDays(20)).run();
  }

  @Test
  void aDynamicRunIsALinePerSector() {
    StaticSolution s = iim().solve(Map.of("power", 0.3));
    String html = IimReport.render("Example <b>", s, iim().interdependency(), Optional.of(timeline(60)));
    assertEquals(3, count(html, "<polyline class=\"q\""));
    assertTrue(html.contains("Example &lt;b&gt;"), "the title is escaped");
    assertFalse(html.contains("<script"), "no script at all, and the hostile id is text");
    assertTrue(html.contains("&lt;script&gt;window.pwned=1&lt;/script&gt;&quot;&#39;&amp;"), html);
    // 61 points, all drawn
    Matcher m = Pattern.compile("<polyline class=\"q\" data-sector=\"power\" stroke=\"[^\"]+\" points=\"([^\"]+)\"").matcher(html);
    assertTrue(m.find());
    assertEquals(61, m.group(1).split(" ").length);
    assertFalse(html.contains("http://") && !html.contains("xmlns=\"http://www.w3.org/2000/svg\""), "nothing from the network");
    assertFalse(html.matches("(?s).*(src|href)=.*"), "no links to load");
  }

  @Test
  void aLongRunIsDrawnAtMostAtTwoThousandPoints() {
    StaticSolution s = iim().solve(Map.of("power", 0.3));
    String html = IimReport.render("long", s, iim().interdependency(), Optional.of(timeline(10_000)));
    Matcher m = Pattern.compile("data-sector=\"water\" stroke=\"[^\"]+\" points=\"([^\"]+)\"").matcher(html);
    assertTrue(m.find());
    String[] points = m.group(1).split(" ");
    assertTrue(points.length <= IimReport.MAX_POINTS + 1, "" + points.length);
    assertEquals("840.0", points[points.length - 1].split(",")[0], "the last point is at the right edge");
  }

  @Test
  void aStaticRunIsABarPerSector() {
    StaticSolution s = iim().solve(Map.of("power", 0.3));
    String html = IimReport.render("static", s, iim().interdependency(), Optional.empty());
    assertEquals(3, count(html, "<rect data-sector="));
    assertEquals(0, count(html, "<polyline"));
  }

  @Test
  void theYAxisFitsTheLargestValue() {
    assertEquals(0.01, IimReport.top(0), 0);
    assertEquals(0.2, IimReport.top(0.112), 0);
    assertEquals(0.25, IimReport.top(0.25), 0);
    assertEquals(1, IimReport.top(0.9), 0);
  }

  @Test
  void theFileIsReplacedWholeAndReadable(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("iim.html");
    Files.writeString(file, "old");
    StaticSolution s = iim().solve(Map.of("power", 0.3));
    IimReport.write(file, "t", s, iim().interdependency(), Optional.of(timeline(5)));
    assertTrue(Files.readString(file).startsWith("<!DOCTYPE html>"));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file left behind");
    }
    Path fresh = dir.resolve("fresh.html");
    IimReport.write(fresh, "t", s, iim().interdependency(), Optional.empty());
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
  }

  @Test
  void thePlotWorksInARealBrowser() throws Exception {
    assumeTrue(System.getenv("CI") != null || Files.isExecutable(Chromium.BINARY), "Chromium is not installed");
    StaticSolution s = iim().solve(Map.of("power", 0.3));
    Path file = Path.of("target", "iim.html").toAbsolutePath();
    Files.createDirectories(file.getParent());
    IimReport.write(file, "Example", s, iim().interdependency(), Optional.of(timeline(60)));
    try (Chromium c = Chromium.start()) {
      c.open(file.toUri().toString());
      assertEquals(3, c.eval("document.querySelectorAll('svg.plot polyline.q').length").asInt());
      // each line spans the plot: its bounding box is wide and has some height (power rises and falls)
      assertTrue(c.eval("document.querySelector('polyline[data-sector=power]').getBBox().width").asDouble() > 700);
      assertTrue(c.eval("document.querySelector('polyline[data-sector=power]').getBBox().height").asDouble() > 50);
      assertEquals(HOSTILE, c.eval("document.querySelector('table.sectors tr:nth-child(3) td').textContent").asText());
      assertEquals("undefined", c.eval("typeof window.pwned").asText());
      c.screenshot(Path.of("target", "iim.png"));
      assertEquals(List.of(), c.errors, "console errors");
    }
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
