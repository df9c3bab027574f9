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
    return passed(bytes, chunk, 0);
  }

  /** The same, each chunk read {@code at} bytes into the reader's buffer. */
  private static byte[] passed(byte[] bytes, int chunk, int at) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Utf8Check in = new Utf8Check(new ByteArrayInputStream(bytes))) {
      byte[] buf = new byte[at + chunk];
      int n;
      while ((n = in.read(buf, at, chunk)) >= 0) {
        out.write(buf, at, n);
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

  /**
   * Mostly ASCII, as documents are, with other bytes here and there: the check reads ASCII eight
   * bytes at a time, so runs of ASCII meet stray bytes at every position of a word and a chunk.
   */
  @Property(tries = 5000)
  void mostlyAsciiBytesAreRefusedExactlyWhenTheyAreNotUtf8(@ForAll @Size(max = 80) byte[] noise,
      @ForAll @IntRange(min = 0, max = 100) int asciiPercent, @ForAll @IntRange(min = 1, max = 40) int chunk,
      @ForAll @IntRange(min = 0, max = 9) int at) {
    byte[] bytes = noise.clone();
    for (int i = 0; i < bytes.length; i++) {
      // the noise itself decides which bytes become ASCII, so that shrinking keeps the pattern
      if (Math.floorMod(bytes[i] * 31 + i, 100) < asciiPercent) {
        bytes[i] = (byte) (bytes[i] & 0x7F);
      }
    }
    byte[] out = passed(bytes, chunk, at);
    assertEquals(valid(bytes), out != null, () -> java.util.HexFormat.ofDelimiter(" ").formatHex(bytes));
    if (out != null) {
      assertArrayEquals(bytes, out);
    }
  }

  @Property(tries = 2000)
  void anyLongerTextPassesUnchanged(@ForAll @Size(max = 60) String text,
      @ForAll @IntRange(min = 1, max = 40) int chunk, @ForAll @IntRange(min = 0, max = 9) int at) {
    byte[] bytes = (text + "plain ascii run of some length " + text).getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(bytes, passed(bytes, chunk, at));
  }

  @Property(tries = 5000)
  void anyBytesAreRefusedExactlyWhenTheyAreNotUtf8(@ForAll @Size(max = 12) byte[] bytes,
      @ForAll @IntRange(min = 1, max = 5) int chunk) {
    byte[] out = passed(bytes, chunk);
    assertEquals(valid(bytes), out != null, () -> java.util.HexFormat.ofDelimiter(" ").formatHex(bytes));
  }
}
