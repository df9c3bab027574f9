package dev.kuja.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code --verbose} turns Kuja's SLF4J log on (docs/cli.md#logging). The logger reads its level
 * once per JVM, so each case runs the command line in a JVM of its own.
 */
class VerboseTest {

  private record Ran(int status, String out, String err) {}

  private static Ran kuja(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Kuja.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "kuja finished");
    return new Ran(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void verboseLogsEachAnalysisOnStderr() throws Exception {
    Ran ran = kuja("--verbose", "spof", KujaTest.MODEL, "--function", "emergency-care");
    assertEquals(0, ran.status(), ran.err());
    assertTrue(ran.err().contains("DEBUG Analysis - SPOFs of emergency-care"), ran.err());
    assertTrue(ran.out().contains("emergency-care"), "the result is still on stdout");
  }

  @Test
  void withoutVerboseNothingIsLogged() throws Exception {
    Ran ran = kuja("spof", KujaTest.MODEL, "--function", "emergency-care");
    assertEquals(0, ran.status(), ran.err());
    assertEquals("", ran.err());
  }

  @Test
  void aSubcommandTakesVerboseToo() throws Exception {
    Ran ran = kuja("spof", KujaTest.MODEL, "--function", "emergency-care", "--verbose");
    assertEquals(0, ran.status(), ran.err());
    assertTrue(ran.err().contains("DEBUG Analysis"), ran.err());
  }
}
