package dev.kuja.io.syntax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The UTF-8 check of the fast path agrees with the JDK's strict decoder on every byte string. */
class Utf8CheckProperties {

  /** What the check makes of some bytes read in chunks of {@code chunk}: the bytes, or null. */
  private static byte[] passed(byte[] bytes, int chunk) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Utf8Check in = new Utf8Check(new ByteArrayInputStream(bytes))) {
      byte[] buf = new byte[chunk];
      int n;
      while ((n = in.read(buf, 0, chunk)) >= 0) {
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean valid(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @Property(tries = 2000)
  void anyTextPassesUnchanged(@ForAll String text, @ForAll @IntRange(min = 1, max = 7) int chunk) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(bytes, passed(bytes, chunk));
  }

  @Property(tries = 5000)
  void anyBytesAreRefusedExactlyWhenTheyAreNotUtf8(@ForAll @Size(max = 12) byte[] bytes,
      @ForAll @IntRange(min = 1, max = 5) int chunk) {
    byte[] out = passed(bytes, chunk);
    assertEquals(valid(bytes), out != null, () -> java.util.HexFormat.ofDelimiter(" ").formatHex(bytes));
  }
}
