package dev.kuja.io.syntax;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The bytes of a document passed on unchanged, checked to be well-formed UTF-8 on the way (RFC
 * 3629: no overlong form, no surrogate, nothing above U+10FFFF, no sequence cut short). The fast
 * path of reading parses JSON from its bytes, and Jackson's byte parser decodes some malformed
 * sequences (an overlong {@code C0 AF}, say) without complaint; this stream stops at the first
 * one with an {@link IOException}, and the located reader, which reads through the {@link
 * StrictReader}, then reports it at its line and column. It checks bytes only: characters that
 * a document may not carry are checked by the reader of each text.
 */
final class Utf8Check extends FilterInputStream {

  /** Continuation bytes still expected in the current sequence. */
  private int need;
  /** The range the next continuation byte must lie in (its first may be narrower). */
  private int lo = 0x80;
  private int hi = 0xBF;

  Utf8Check(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      end();
    } else {
      check(b);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n < 0) {
      end();
      return n;
    }
    int end = off + n;
    int i = off;
    while (i < end) {
      if (need == 0) {
        // ASCII, the bulk of any document, eight bytes at a time
        while (i + 8 <= end && ((long) WORDS.get(buf, i) & 0x8080808080808080L) == 0) {
          i += 8;
        }
        while (i < end && buf[i] >= 0) {
          i++;
        }
        if (i == end) {
          break;
        }
      }
      check(buf[i] & 0xFF);
      i++;
    }
    return n;
  }

  /** The bytes of an array read as longs (the order does not matter for the ASCII test). */
  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class,
      ByteOrder.LITTLE_ENDIAN);

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("a checked stream is read, not skipped");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void end() throws IOException {
    if (need > 0) {
      throw bad();
    }
  }

  private void check(int b) throws IOException {
    if (need > 0) {
      if (b < lo || b > hi) {
        throw bad();
      }
      need--;
      lo = 0x80;
      hi = 0xBF;
      return;
    }
    if (b < 0x80) {
      return;
    }
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
    } else if (b == 0xE0) {
      need = 2;
      lo = 0xA0;
    } else if (b == 0xED) {
      need = 2;
      hi = 0x9F;
    } else if (b >= 0xE1 && b <= 0xEF) {
      need = 2;
    } else if (b == 0xF0) {
      need = 3;
      lo = 0x90;
    } else if (b >= 0xF1 && b <= 0xF3) {
      need = 3;
    } else if (b == 0xF4) {
      need = 3;
      hi = 0x8F;
    } else {
      throw bad();
    }
  }

  private static IOException bad() {
    return new IOException("not valid UTF-8");
  }
}
