package dev.kuja.io.syntax;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text of a document as its parser reads it, checked on the way: bytes must be UTF-8 (none
 * is silently replaced), and no character may be one that a document cannot carry — a control
 * character other than tab, line feed and carriage return, or the non-characters U+FFFE and
 * U+FFFF. A byte-order mark at the very start is dropped. The first offence stops reading with a
 * {@link BadText} that knows its line and column (counted in characters from 1, the way the
 * parsers count), so that it can be reported where it is rather than where the parser happened
 * to be looking.
 */
public final class StrictReader extends Reader {

  /** The text cannot be read any further: bad UTF-8 or a forbidden character, at a place. */
  public static final class BadText extends IOException {
    public final int line;
    public final int column;
    public final String problem;

    BadText(int line, int column, String problem) {
      super(line + ":" + column + ": " + problem, null);
      this.line = line;
      this.column = column;
      this.problem = problem;
    }

    /** The first {@code BadText} among a throwable and its causes (parsers wrap what readers throw). */
    public static java.util.Optional<BadText> in(Throwable t) {
      for (Throwable c = t; c != null; c = c.getCause()) {
        if (c instanceof BadText b) {
          return java.util.Optional.of(b);
        }
        if (c.getCause() == c) {
          break;
        }
      }
      return java.util.Optional.empty();
    }
  }

  private final InputStream bytesIn;
  private final Reader charsIn;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes;
  private final CharBuffer chars = CharBuffer.allocate(8192).flip();
  private boolean eof;
  private boolean started;
  private int line = 1;
  private int column = 1;
  private boolean afterCr;

  private StrictReader(InputStream bytesIn, Reader charsIn) {
    this.bytesIn = bytesIn;
    this.charsIn = charsIn;
    this.decoder = bytesIn == null ? null : StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.bytes = bytesIn == null ? null : ByteBuffer.allocate(8192).flip();
  }

  /** Decodes UTF-8 bytes strictly. */
  public static StrictReader of(InputStream in) {
    return new StrictReader(in, null);
  }

  /** Checks text that is already characters (no decoding). */
  public static StrictReader of(Reader in) {
    return new StrictReader(null, in);
  }

  /** Reads all of a stream, strictly. */
  public static String readAll(InputStream in) throws IOException {
    try (StrictReader r = of(in)) {
      StringBuilder sb = new StringBuilder();
      char[] buffer = new char[8192];
      for (int n = r.read(buffer); n >= 0; n = r.read(buffer)) {
        sb.append(buffer, 0, n);
      }
      return sb.toString();
    }
  }

  /** True for a character that no document may carry (see the class comment). */
  public static boolean forbidden(char c) {
    return (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r')
        || c == '\uFFFE' || c == '\uFFFF';
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, chars.remaining());
    chars.get(cbuf, off, n);
    return n;
  }

  /** Makes characters available; false at the end of the text. */
  private boolean fill() throws IOException {
    while (!chars.hasRemaining()) {
      if (eof && (decoder == null || !bytes.hasRemaining())) {
        return false;
      }
      chars.clear();
      if (decoder == null) {
        int n = charsIn.read(chars);
        chars.flip();
        if (n < 0) {
          eof = true;
          return false;
        }
        check();
        continue;
      }
      CoderResult r = decoder.decode(bytes, chars, eof);
      if (r.isError()) {
        chars.flip();
        check();
        int b = bytes.get(bytes.position()) & 0xff;
        throw new BadText(line, column, "not valid UTF-8: the byte 0x"
            + Integer.toHexString(b).toUpperCase(Locale.ROOT)
            + " cannot be read as text; save the file with the encoding UTF-8");
      }
      if (r.isUnderflow() && !eof) {
        bytes.compact();
        int n = bytesIn.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
      } else if (r.isUnderflow()) {
        decoder.flush(chars);
        // nothing more will come: an empty buffer now means the end
        if (chars.position() == 0) {
          chars.flip();
          return false;
        }
      }
      chars.flip();
      check();
    }
    return true;
  }

  /** Drops a leading byte-order mark, then follows lines and columns, refusing forbidden characters. */
  private void check() throws BadText {
    if (!started && chars.hasRemaining()) {
      started = true;
      if (chars.get(chars.position()) == '\uFEFF') {
        chars.position(chars.position() + 1);
      }
    }
    for (int i = chars.position(); i < chars.limit(); i++) {
      char c = chars.get(i);
      if (forbidden(c)) {
        throw new BadText(line, column, (c >= '\uFFFE' ? "the non-character " : "the control character ")
            + codePoint(c) + " cannot appear in a document; remove it");
      }
      if (c == '\n') {
        if (!afterCr) {
          line++;
        }
        column = 1;
      } else if (c == '\r') {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(c)) {
        column++;
      }
      afterCr = c == '\r';
    }
  }

  private static String codePoint(char c) {
    return String.format(Locale.ROOT, "U+%04X", (int) c);
  }

  @Override
  public void close() throws IOException {
    if (bytesIn != null) {
      bytesIn.close();
    } else {
      charsIn.close();
    }
  }
}
