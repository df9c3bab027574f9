package dev.kuja.io.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kuja.io.DocumentException;
import dev.kuja.model.Model;
import dev.kuja.model.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BIA tables are read as strictly as documents (issue 16, causes 2 and 9). */
class BiaCsvStrictTest {

  private static final String REQUIREMENTS = "node,alternatives\nf,grid\n";

  private static List<String> problems(Path nodes, Path requirements) {
    return assertThrows(DocumentException.class, () -> BiaCsv.read(nodes, requirements)).problems()
        .stream().map(Problem::toString).toList();
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstColumn(@TempDir Path dir) throws Exception {
    // what spreadsheet programs write as "CSV UTF-8"
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
    bytes.writeBytes("id,kind,criticality\ngrid,resource,\nf,function,vital\n".getBytes(StandardCharsets.UTF_8));
    Path nodes = Files.write(dir.resolve("nodes.csv"), bytes.toByteArray());
    Path requirements = Files.writeString(dir.resolve("requirements.csv"), "\uFEFF" + REQUIREMENTS);
    Model m = BiaCsv.read(nodes, requirements);
    assertEquals(List.of("grid", "f"), m.nodes().stream().map(n -> n.id()).toList());
    assertEquals(1, m.requireNode("f").requirements().size());
    // and from text
    assertEquals(m, BiaCsv.read("\uFEFFid,kind,criticality\ngrid,resource,\nf,function,vital\n", "n",
        "\uFEFF" + REQUIREMENTS, "r"));
  }

  @Test
  void badUtf8AndControlCharactersAreRefusedWhereTheyStand(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("id,kind,name\ngrid,resource,Gr".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0xe4});
    bytes.writeBytes("d\n".getBytes(StandardCharsets.UTF_8));
    Path nodes = Files.write(dir.resolve("nodes.csv"), bytes.toByteArray());
    Path requirements = Files.writeString(dir.resolve("requirements.csv"), REQUIREMENTS);
    assertEquals(List.of(nodes + ":2:17: not valid UTF-8: the byte 0xE4 cannot be read as text; save the"
        + " file with the encoding UTF-8"), problems(nodes, requirements));
    Path control = Files.writeString(dir.resolve("control.csv"), "id,kind,name\ngrid,resource,a\u001b]0;x\u0007\n");
    assertEquals(List.of(control + ":2:16: the control character U+001B cannot appear in a document; remove it"),
        problems(control, requirements));
  }

  @Test
  void aColumnNamedTwiceIsRefused(@TempDir Path dir) throws Exception {
    Path nodes = Files.writeString(dir.resolve("nodes.csv"), "id,kind,id\ngrid,resource,other\n");
    Path requirements = Files.writeString(dir.resolve("requirements.csv"), "node,alternatives,node\n");
    assertEquals(List.of(
        nodes + ":1:3: the column 'id' appears twice in the header (also column 1); name each column once",
        requirements + ":1:3: the column 'node' appears twice in the header (also column 1); name each column once"),
        problems(nodes, requirements));
  }
}
