package dev.kuja.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kuja.cli.Kuja;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real tools, found where .ci/run installs them, and Kuja's command line run in-process.
 * Under CI (the environment variable {@code CI} set, as .ci/run sets it) every tool must be
 * there: a missing one fails the test. Elsewhere a test whose tool is missing is skipped, saying
 * how to install it.
 */
final class Tools {

  static final boolean CI = System.getenv("CI") != null;
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path EXAMPLES = ROOT.resolve("examples");
  static final Path NODE_BIN = ROOT.resolve("interop").resolve("node_modules").resolve(".bin");
  static final Path PYTHON = Path.of("/usr/bin/python3");
  static final ObjectMapper JSON = new ObjectMapper();

  private Tools() {}

  /** A tool: how to find it and how to install it. */
  record Tool(String name, Path path, String install, List<String> check) {

    /** Skips the test when the tool is missing outside CI; fails it under CI. */
    Path require() {
      boolean present = Files.isExecutable(path) && (check.isEmpty() || works());
      if (!present && CI) {
        fail(name + " is not installed, and CI is set: .ci/run installs it (" + install + ")");
      }
      assumeTrue(present, name + " is not installed; the test runs when it is (" + install + ")");
      return path;
    }

    private boolean works() {
      try {
        return Tools.run(Duration.ofSeconds(60), ROOT, check.toArray(String[]::new)).status() == 0;
      } catch (UncheckedIOException e) {
        return false;
      }
    }
  }

  static final Tool SCRAM = new Tool("SCRAM", Path.of("/usr/bin/scram"), "apt-get install scram", List.of());
  static final Tool PYTHON_JSONSCHEMA = new Tool("Python jsonschema (Debian)", PYTHON,
      "apt-get install python3-jsonschema python3-yaml", List.of(PYTHON.toString(), "-c", "import jsonschema, yaml"));
  static final Tool NETWORKX = new Tool("NetworkX (Debian)", PYTHON,
      "apt-get install --no-install-recommends python3-networkx", List.of(PYTHON.toString(), "-c", "import networkx"));
  static final Tool AJV = new Tool("ajv-cli", NODE_BIN.resolve("ajv"), "cd interop && npm ci", List.of());
  static final Tool MMDC = new Tool("Mermaid CLI", NODE_BIN.resolve("mmdc"),
      "cd interop && PUPPETEER_SKIP_DOWNLOAD=1 npm ci, and apt-get install chromium", List.of());
  static final Tool CHROMIUM = new Tool("Chromium", Path.of("/usr/bin/chromium"), "apt-get install chromium", List.of());
  static final Tool DOT = new Tool("Graphviz", Path.of("/usr/bin/dot"), "apt-get install graphviz", List.of());
  static final Tool LIBREOFFICE = new Tool("LibreOffice", Path.of("/usr/bin/soffice"),
      "apt-get install libreoffice-calc-nogui python3-uno", List.of());
  static final Tool PYTHON_UNO = new Tool("Python-UNO (LibreOffice)", PYTHON,
      "apt-get install python3-uno", List.of(PYTHON.toString(), "-c", "import uno"));

  /** What a process did. */
  record Result(int status, String out, String err) {
    Result ok(String what) {
      assertTrue(status == 0, what + " exited with " + status + ":\n" + err + "\n" + out);
      return this;
    }
  }

  /** Runs a command in a directory, waiting at most {@code timeout}. */
  static Result run(Duration timeout, Path dir, String... command) {
    return run(timeout, dir, List.of(), command);
  }

  /** Runs a command with extra environment variables ({@code NAME=value}). */
  static Result run(Duration timeout, Path dir, List<String> env, String... command) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    for (String e : env) {
      int eq = e.indexOf('=');
      pb.environment().put(e.substring(0, eq), e.substring(eq + 1));
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
    }
    try {
      p.getOutputStream().close();
      CompletableFuture<String> out = drain(p.getInputStream());
      CompletableFuture<String> err = drain(p.getErrorStream());
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within " + timeout);
      }
      return new Result(p.exitValue(), out.get(30, TimeUnit.SECONDS), err.get(30, TimeUnit.SECONDS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(String.join(" ", command) + ": " + e, e);
    }
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(unreadable: " + e.getMessage() + ")";
      }
    });
  }

  /** Kuja's command line, in-process: the exit status and what it printed. */
  static Result kuja(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Kuja.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(status, out.toString(), err.toString());
  }

  /** Kuja's JSON answer to a command. */
  static JsonNode kujaJson(String... args) {
    Result r = kuja(args).ok("kuja " + String.join(" ", args));
    try {
      return JSON.readTree(r.out());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A script of this module's test resources, copied out so that a tool can run it. */
  static Path script(Path dir, String name) {
    Path target = dir.resolve(name);
    try (InputStream in = Tools.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + name);
      }
      Files.write(target, in.readAllBytes());
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every bundled model document: the YAML and JSON files under examples/ whose top level has a
   * {@code kuja} key (scenario documents have {@code kuja-scenario}).
   */
  static List<Path> bundledModels() {
    return bundled("kuja");
  }

  /** Every bundled scenario document under examples/. */
  static List<Path> bundledScenarios() {
    return bundled("kuja-scenario");
  }

  private static List<Path> bundled(String key) {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        if (f.startsWith(EXAMPLES.resolve("src")) || !(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
          continue;
        }
        String text = Files.readString(f, StandardCharsets.UTF_8);
        boolean scenario = text.lines().anyMatch(l -> l.startsWith("kuja-scenario:") || l.contains("\"kuja-scenario\""));
        boolean model = !scenario && text.lines().anyMatch(l -> l.startsWith("kuja:") || l.contains("\"kuja\""));
        if (key.equals("kuja") ? model : scenario) {
          out.add(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertTrue(!out.isEmpty(), "no bundled documents with " + key);
    return out;
  }
}
