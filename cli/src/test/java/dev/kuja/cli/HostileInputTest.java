package dev.kuja.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.kuja.cli.KujaTest.Run;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What a careless or hostile user gives {@code kuja} (issue 16): text with terminal control
 * sequences in file names, option values and documents; outputs onto inputs; too much asked
 * for. Every command answers with exit status 2 and one located problem per line, and nothing
 * it prints carries a control character.
 */
class HostileInputTest {

  static final String MODEL = KujaTest.MODEL;
  static final String STORM = KujaTest.STORM;

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029&&[^\\n]]");

  private static Run kuja(String... args) {
    return KujaTest.kuja(args);
  }

  @Provide
  Arbitrary<String> hostile() {
    // the escapes a terminal acts on, raw line breaks, C1 controls, line separators, and text
    return Arbitraries.strings().withChars("\u001b\u0007\n\r\t\u0000\u009b\u0085\u2028\u007f]0;[2JaZ.:-")
        .ofMinLength(1).ofMaxLength(12).filter(s -> s.chars().anyMatch(c -> CONTROL.matcher(
            String.valueOf((char) c)).matches() || c == '\n'));
  }

  /** YAML double-quoted escapes of every character of the text. */
  private static String yamlEscaped(String s) {
    StringBuilder sb = new StringBuilder();
    s.chars().forEach(c -> sb.append(String.format(Locale.ROOT, "\\u%04x", c)));
    return sb.toString();
  }

  /** A file name made of the text (no '/' or NUL, which no file name holds). */
  private static String fileName(String s) {
    return "m" + s.replace("/", "_").replace("\u0000", "_") + ".yaml";
  }

  /** Every line of stderr is one problem, located: a file and place, or kuja and what was wrong. */
  private static void oneLocatedProblemPerLine(Run r, List<String> files, String what) {
    assertEquals(2, r.status(), what + "\n" + r.err());
    assertFalse(r.err().isBlank(), what);
    assertFalse(CONTROL.matcher(r.out()).find(), what + ": control character on stdout: " + r.out());
    assertFalse(CONTROL.matcher(r.err()).find(), what + ": control character on stderr: " + r.err());
    for (String line : r.err().lines().toList()) {
      boolean located = line.startsWith("kuja") || files.stream().anyMatch(f -> line.startsWith(Terminal.safe(f) + ":"));
      assertTrue(located, what + ": not a located problem: " + line);
      assertFalse(line.contains("\tat ") || line.contains("Exception"), what + ": a stack trace: " + line);
    }
  }

  @Property(tries = 60)
  void everyCommandsStderrOnBadInputHasOneLocatedProblemPerLineAndNoControlCharacters(
      @ForAll("hostile") String h) throws Exception {
    Path dir = Files.createTempDirectory("kuja-hostile");
    try {
      // a document whose name and contents carry the text: an unknown key, echoed in the problem
      Path bad = Files.writeString(dir.resolve(fileName(h)),
          "kuja: 1\n\"x" + yamlEscaped(h) + "\": 1\nnodes:\n  - { id: a, kind: resource, name: \"n"
              + yamlEscaped(h) + "\" }\n  - { id: \"b" + yamlEscaped(h) + "\", kind: resource }\n");
      Path scenario = Files.writeString(dir.resolve("s" + fileName(h)), "kuja-scenario: 1\nname: s\n"
          + "horizon: P1D\ndisruptions:\n  - { node: \"x" + yamlEscaped(h) + "\", start: PT0S }\n");
      Path missing = dir.resolve(h.replace("/", "_").replace("\u0000", "_"));
      List<String> files = List.of(bad.toString(), scenario.toString(), MODEL, STORM, missing.toString());
      String b = bad.toString();
      List<String[]> runs = new ArrayList<>(List.of(
          new String[] {"validate", b}, new String[] {"validate", b, "--json"},
          new String[] {"impact", b, "--fail", "a"}, new String[] {"spof", b},
          new String[] {"cutsets", b, "--function", "a"}, new String[] {"rank", b},
          new String[] {"simulate", b, STORM}, new String[] {"montecarlo", b},
          new String[] {"export", b, "--to", "dot"}, new String[] {"report", b},
          new String[] {"simulate", MODEL, scenario.toString()},
          new String[] {"report", MODEL, scenario.toString()},
          new String[] {"spof", MODEL, "--function", h}, new String[] {"impact", MODEL, "--fail", h},
          new String[] {"cutsets", MODEL, "--function", h}, new String[] {"montecarlo", MODEL, "--importance", h},
          new String[] {"rank", MODEL, "--top", h}, new String[] {"export", MODEL, "--to", h},
          new String[] {"spof", MODEL, "--horizon", h}, new String[] {"montecarlo", MODEL, "--period", h},
          new String[] {"rank", MODEL, "--" + h}, new String[] {h},
          new String[] {"validate", missing.toString()},
          new String[] {"import", "--nodes", b, "--requirements", b}));
      for (String[] args : runs) {
        oneLocatedProblemPerLine(kuja(args), files, String.join(" ", args));
      }
      // and a valid model under a hostile name: the name is shown escaped
      Path good = Files.copy(Path.of(MODEL), dir.resolve("g" + fileName(h)));
      Run ok = kuja("validate", good.toString());
      assertEquals(0, ok.status(), ok.err());
      assertTrue(ok.out().startsWith(Terminal.safe(good.toString()) + ": valid."), ok.out());
      assertFalse(CONTROL.matcher(ok.out()).find(), ok.out());
    } finally {
      try (var list = Files.list(dir)) {
        for (Path p : list.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  @Test
  void terminalSafeEscapesEveryControlCharacter() {
    assertEquals("\\u001b]0;PWNED\\u0007\\u001b[2J a\\u000ab\\u2028", Terminal.safe("\u001b]0;PWNED\u0007\u001b[2J a\nb\u2028"));
    assertEquals("Päivystys 𝄞 ‮", Terminal.safe("Päivystys 𝄞 ‮"));
    StringWriter raw = new StringWriter();
    PrintWriter guarded = Terminal.guard(new PrintWriter(raw));
    guarded.print("line\u001b[2J\tcell\nnext\r\u009b");
    guarded.flush();
    assertEquals("line\\u001b[2J\tcell\nnext\\u000d\\u009b", raw.toString());
  }

  // ------------------------------------------------------------------ outputs (causes 5, 6)

  @Test
  void noCommandWritesOverItsInput(@TempDir Path dir) throws Exception {
    Path model = Files.copy(Path.of(MODEL), dir.resolve("m.yaml"));
    byte[] before = Files.readAllBytes(model);
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), model);
    for (String[] args : List.of(
        new String[] {"export", model.toString(), "--to", "dot", "-o", model.toString()},
        new String[] {"export", model.toString(), "--to", "yaml", "-o", model.toString()},
        new String[] {"export", link.toString(), "--to", "json", "-o", model.toString()},
        new String[] {"export", model.toString(), "--to", "yaml", "-o", dir.resolve(".").resolve("m.yaml").toString()},
        new String[] {"report", model.toString(), "--html", model.toString()},
        new String[] {"report", model.toString(), STORM, "--html", STORM})) {
      Run r = kuja(args);
      assertEquals(2, r.status(), String.join(" ", args));
      assertTrue(r.err().strip().matches(".*: --(output|html) would write over the input .*; choose another file"),
          r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
    }
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(model)), "the model is intact");
    Path nodes = Files.copy(Path.of("..", "examples", "bia", "nodes.csv"), dir.resolve("nodes.csv"));
    Path requirements = Files.copy(Path.of("..", "examples", "bia", "requirements.csv"), dir.resolve("r.csv"));
    Run r = kuja("import", "--nodes", nodes.toString(), "--requirements", requirements.toString(), "-o", nodes.toString());
    assertEquals(2, r.status(), r.err());
    assertEquals(Files.readString(Path.of("..", "examples", "bia", "nodes.csv")), Files.readString(nodes));
    // elsewhere, they write, and leave no temporary file
    assertEquals(0, kuja("export", model.toString(), "--to", "yaml", "-o", dir.resolve("out.yaml").toString()).status());
    try (var list = Files.list(dir)) {
      assertTrue(list.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
  }

  /** Only OutputFile opens a file to write (and Kuja its crash log): everything is written whole. */
  @Test
  void everyWriteGoesThroughOutputFile() {
    JavaClasses kuja = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages("dev.kuja");
    ArchRule rule = noClasses().that().doNotHaveFullyQualifiedName("dev.kuja.io.OutputFile")
        .and().doNotHaveFullyQualifiedName("dev.kuja.cli.Kuja")
        .should().callMethod(Files.class, "writeString", Path.class, CharSequence.class,
            java.nio.file.OpenOption[].class)
        .orShould().callMethod(Files.class, "writeString", Path.class, CharSequence.class,
            java.nio.charset.Charset.class, java.nio.file.OpenOption[].class)
        .orShould().callMethod(Files.class, "write", Path.class, byte[].class, java.nio.file.OpenOption[].class)
        .orShould().callMethod(Files.class, "newBufferedWriter", Path.class, java.nio.charset.Charset.class,
            java.nio.file.OpenOption[].class)
        .orShould().callMethod(Files.class, "newOutputStream", Path.class, java.nio.file.OpenOption[].class)
        .orShould().callConstructor(java.io.FileWriter.class, String.class)
        .orShould().callConstructor(java.io.FileOutputStream.class, String.class);
    rule.check(kuja);
  }

  // ------------------------------------------------------------------ failures (cause 7)

  @Test
  void anErrorIsOneReadableLineAndExitStatusThree() throws Exception {
    StringWriter err = new StringWriter();
    int status = Kuja.report(new OutOfMemoryError("Java heap space"), new PrintWriter(err, true),
        "kuja montecarlo", false);
    assertEquals(3, status);
    List<String> lines = err.toString().lines().toList();
    assertEquals(2, lines.size(), err.toString());
    assertEquals("kuja: 'kuja montecarlo' ran out of memory; give Java more (java -Xmx8g -jar kuja.jar …)"
        + " or ask for less: fewer scenarios, a lower --order, a smaller model", lines.get(0));
    assertTrue(lines.get(1).startsWith("kuja: the details are in "), lines.get(1));
    Path log = Path.of(lines.get(1).substring("kuja: the details are in ".length()));
    assertTrue(Files.readString(log).contains("java.lang.OutOfMemoryError: Java heap space"));
    Files.delete(log);
    // with --debug the stack trace follows on stderr, no log
    StringWriter debug = new StringWriter();
    assertEquals(3, Kuja.report(new IllegalStateException("a \u001b[2J bug"), new PrintWriter(debug, true),
        "kuja spof", true));
    List<String> trace = debug.toString().lines().toList();
    assertEquals("kuja: internal error in 'kuja spof', please report it: java.lang.IllegalStateException: a"
        + " \\u001b[2J bug", trace.get(0));
    assertTrue(trace.get(2).startsWith("    at dev.kuja.cli.HostileInputTest"), trace.get(2));
    // --debug is accepted before and after the command
    assertEquals(0, kuja("--debug", "validate", MODEL).status());
    assertEquals(0, kuja("validate", MODEL, "--debug").status());
  }

  @Test
  void runningOutOfMemoryExitsWithThreeAndOneLine(@TempDir Path dir) throws Exception {
    // a real OutOfMemoryError, in a JVM of its own with a small heap
    StringBuilder yaml = new StringBuilder("kuja: 1\nnodes:\n");
    for (int i = 0; i < 150_000; i++) {
      yaml.append("  - { id: node-number-").append(i).append(", kind: resource, tags: [a").append(i)
          .append(", b").append(i).append("] }\n");
    }
    Path big = Files.writeString(dir.resolve("big.yaml"), yaml);
    Path tmp = Files.createDirectory(dir.resolve("tmp"));
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx40m", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
        "dev.kuja.cli.Kuja", "rank", big.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(3, p.waitFor(), err);
    List<String> lines = err.lines().toList();
    assertEquals(2, lines.size(), err);
    assertTrue(lines.get(0).startsWith("kuja: 'kuja rank' ran out of memory; give Java more"), err);
    try (var logs = Files.list(tmp)) {
      Path log = logs.filter(f -> f.getFileName().toString().startsWith("kuja-")).findFirst().orElseThrow();
      assertEquals("kuja: the details are in " + log, lines.get(1));
      assertTrue(Files.readString(log).contains("java.lang.OutOfMemoryError"));
    }
  }

  // ------------------------------------------------------------------ bounded work (cause 8)

  @Test
  void tooMuchAskedForIsRefusedWithTheFeasibleAmount(@TempDir Path dir) throws Exception {
    Run many = kuja("montecarlo", MODEL, "--scenarios", "999999999999");
    assertEquals(2, many.status());
    assertTrue(many.err().startsWith("kuja: --scenarios: 999,999,999,999 scenarios are more than the limit of"
        + " 100,000,000; ask for fewer, or add --force\n"), many.err());
    assertTrue(many.err().contains("or add --force to run it anyway"), many.err());
    StringBuilder yaml = new StringBuilder("kuja: 1\nnodes:\n");
    List<String> leaves = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      yaml.append("  - { id: a").append(i).append(", kind: resource }\n");
      leaves.add("a" + i);
    }
    yaml.append("  - { id: f, kind: function, criticality: vital, requires: [{ of: [")
        .append(String.join(", ", leaves)).append("], k: 53 }] }\n");
    Path tight = Files.writeString(dir.resolve("tight.yaml"), yaml);
    Run cut = kuja("cutsets", tight.toString(), "--function", "f", "--order", "8");
    assertEquals(2, cut.status());
    assertEquals("kuja: order: the minimal failure sets of 'f' up to order 8 are too many to enumerate"
        + " within the budget (2,000,000 sets or 20,000,000 steps of work); order 7 is the largest that"
        + " fits; ask for that or lower", cut.err().strip());
    Path rate = Files.writeString(dir.resolve("rate.yaml"), "kuja: 1\nnodes:\n  - { id: g, kind: resource,"
        + " reliability: { rate: 10000000, repair: { distribution: fixed, duration: PT1M } } }\n");
    Run r = kuja("montecarlo", rate.toString(), "--scenarios", "100");
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith(rate + ":3:43: node 'g' (reliability): failure rate 1.0E7 per year is more"
        + " than the plausible maximum"), r.err());
  }

  @Test
  void longResultsAreAbbreviatedAsTextAndWholeAsJson(@TempDir Path dir) throws Exception {
    StringBuilder yaml = new StringBuilder("kuja: 1\nnodes:\n  - { id: n0, kind: resource }\n");
    int length = 2000;
    for (int i = 1; i < length; i++) {
      yaml.append("  - { id: n").append(i).append(", kind: function, criticality: vital, requires: [n")
          .append(i - 1).append("] }\n");
    }
    Path chain = Files.writeString(dir.resolve("chain.yaml"), yaml);
    Run text = kuja("spof", chain.toString());
    assertEquals(0, text.status());
    // linear: at most 25 lines of at most 10 ids per function (it was 11 GB)
    assertTrue(text.out().length() < 4_000L * length, text.out().length() + " characters");
    Run json = kuja("spof", chain.toString(), "--function", "n" + (length - 1), "--json");
    var spofs = json.json().get("functions").get(0).get("spofs");
    assertEquals(length - 1, spofs.size());
    assertEquals(length, spofs.get(length - 2).get("path").size());
  }

  // ------------------------------------------------------------------ misleading success (cause 9)

  @Test
  void everyOptionValueIsChecked() {
    String[][] cases = {
      {"rank", MODEL, "--top", "0"}, {"rank", MODEL, "--top", "-5"}, {"report", MODEL, "--top", "0"},
      {"cutsets", MODEL, "--function", "emergency-care", "--order", "9"},
      {"cutsets", MODEL, "--function", "emergency-care", "--order", "0"},
      {"spof", MODEL, "--horizon", "P999999999999D"}, {"spof", MODEL, "--horizon", "PT0.0001S"},
      {"spof", MODEL, "--horizon", "-PT1H"}, {"impact", MODEL, "--fail", "grid,,x"},
      {"montecarlo", MODEL, "--scenarios", "0"}, {"montecarlo", MODEL, "--scenarios", "many"},
      {"montecarlo", MODEL, "--threads", "0"}, {"montecarlo", MODEL, "--precision", "0.7"},
      {"montecarlo", MODEL, "--precision", "NaN"}, {"montecarlo", MODEL, "--period", "PT0S"},
      {"export", MODEL, "--to", "pdf"}, {"spof", MODEL, "--function", "nobody"},
    };
    for (String[] args : cases) {
      Run r = kuja(args);
      assertEquals(2, r.status(), String.join(" ", args));
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("kuja"), r.err());
      assertEquals("", r.out(), String.join(" ", args));
    }
    assertEquals("kuja rank: Invalid value for option '--top': must be at least 1, not 0 (see 'kuja rank"
        + " --help')", kuja("rank", MODEL, "--top", "0").err().strip());
    assertEquals("kuja rank: Invalid value for option '--top': must be at least 1, not -5 (see 'kuja rank"
        + " --help')", kuja("rank", MODEL, "--top", "-5").err().strip());
  }
}
