package dev.kuja.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.document.ScenarioDocuments;
import dev.kuja.io.report.HtmlReport;
import dev.kuja.model.Model;
import dev.kuja.simulation.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files are whole or untouched, and never an input (issue 16, causes 5 and 6). */
class OutputFileTest {

  private static List<String> listing(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Content that writes {@code chars} characters and then fails as a full disk does. */
  private static OutputFile.Content failingAfter(int chars) {
    return w -> {
      for (int i = 0; i < chars; i++) {
        w.write('x');
      }
      throw new IOException("No space left on device");
    };
  }

  @Property(tries = 50)
  void aWriteThatFailsHalfWayLeavesTheOldFileAndNoTemporaryFile(
      @ForAll @IntRange(min = 0, max = 100_000) int written) throws IOException {
    Path dir = Files.createTempDirectory("kuja-out");
    try {
      Path file = Files.writeString(dir.resolve("model.yaml"), "kuja: 1\nnodes: []\n");
      UncheckedIOException e = assertThrows(UncheckedIOException.class,
          () -> OutputFile.write(file, failingAfter(written)));
      assertEquals("cannot write " + file + ": No space left on device (it is unchanged)", e.getMessage());
      assertEquals("kuja: 1\nnodes: []\n", Files.readString(file));
      assertEquals(List.of("model.yaml"), listing(dir));
      // and a new file is not created at all
      Path fresh = dir.resolve("fresh.yaml");
      e = assertThrows(UncheckedIOException.class, () -> OutputFile.write(fresh, failingAfter(written)));
      assertEquals("cannot write " + fresh + ": No space left on device", e.getMessage());
      assertEquals(List.of("model.yaml"), listing(dir));
    } finally {
      for (String f : listing(dir)) {
        Files.delete(dir.resolve(f));
      }
      Files.delete(dir);
    }
  }

  @Test
  void aBugInTheContentIsAFailedWriteToo(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("out.dot"), "old");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> OutputFile.write(file, w -> {
      w.write("digraph {");
      throw new IllegalStateException("too many gates");
    }));
    assertEquals("cannot write " + file + ": too many gates (it is unchanged)", e.getMessage());
    assertEquals("old", Files.readString(file));
    assertEquals(List.of("out.dot"), listing(dir));
  }

  @Test
  void aCompleteWriteReplacesTheFileAndKeepsItsPermissions(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("out.txt"), "old content, longer than the new");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    OutputFile.writeString(file, "new ä 𝄞");
    assertEquals("new ä 𝄞", Files.readString(file));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(List.of("out.txt"), listing(dir));
  }

  @Test
  void aSymbolicLinkIsWrittenThrough(@TempDir Path dir) throws IOException {
    Path real = Files.writeString(dir.resolve("real.txt"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("real.txt"));
    OutputFile.writeString(link, "new");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(real));
  }

  @Test
  void errorsNameTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-dir").resolve("out.yaml");
    assertEquals("cannot write " + missing + ": no such directory",
        assertThrows(UncheckedIOException.class, () -> OutputFile.writeString(missing, "x")).getMessage());
    assertEquals("cannot write " + dir + ": it is a directory",
        assertThrows(UncheckedIOException.class, () -> OutputFile.writeString(dir, "x")).getMessage());
  }

  @Test
  void everyLibraryWriteGoesThroughIt(@TempDir Path dir) throws IOException {
    Model m = Model.builder().resource("grid")
        .function("f", f -> f.criticality("vital").requires("grid")).build();
    Path yaml = dir.resolve("m.yaml");
    ModelDocuments.write(m, yaml);
    assertEquals(m, ModelDocuments.read(yaml));
    Path scenario = dir.resolve("s.json");
    Scenario s = Scenario.builder("s").horizon("P1D").disrupt("grid", "PT0S").build();
    ScenarioDocuments.write(s, scenario);
    assertEquals(s, ScenarioDocuments.read(scenario));
    Path html = dir.resolve("r.html");
    HtmlReport.write(m, List.of(), html);
    assertTrue(Files.readString(html).endsWith("</html>\n"));
    assertEquals(List.of("m.yaml", "r.html", "s.json"), listing(dir));
    Path missing = dir.resolve("missing").resolve("m.yaml");
    assertEquals("cannot write " + missing + ": no such directory",
        assertThrows(UncheckedIOException.class, () -> ModelDocuments.write(m, missing)).getMessage());
  }

  @Test
  void anOutputThatIsAnInputIsRefused(@TempDir Path dir) throws IOException {
    Path input = Files.writeString(dir.resolve("m.yaml"), "kuja: 1\n");
    Path sub = Files.createDirectory(dir.resolve("sub"));
    Path linkedDir = Files.createSymbolicLink(dir.resolve("linked"), dir);
    Path hard = Files.createLink(dir.resolve("hard.yaml"), input);
    Path soft = Files.createSymbolicLink(dir.resolve("soft.yaml"), input);
    for (Path same : List.of(input, sub.resolve("..").resolve("m.yaml"), linkedDir.resolve("m.yaml"), hard, soft,
        input.toAbsolutePath())) {
      DocumentException e = assertThrows(DocumentException.class,
          () -> OutputFile.refuseInputs(same, "--output", List.of(Path.of("other.yaml"), input)));
      assertEquals(same + ": --output would write over the input " + input + "; choose another file",
          e.problems().get(0).toString());
    }
    OutputFile.refuseInputs(dir.resolve("new.yaml"), "--output", List.of(input));
    OutputFile.refuseInputs(sub.resolve("m.yaml"), "--output", List.of(input));
    assertFalse(Files.exists(dir.resolve("new.yaml")));
  }
}
