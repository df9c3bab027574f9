package dev.kuja.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * What {@code kuja} prints to a terminal never acts on it (docs/cli.md#conventions). Whatever a
 * user supplied — a file name, an option value, a key or text echoed from a document — may hold
 * control characters (ESC sequences that retitle the window or clear the screen, BEL, a raw line
 * break that splits one problem over two lines). They are shown escaped, as {@code \u001b}: every
 * control character (Unicode category Cc) and the line and paragraph separators U+2028 and
 * U+2029. Text output keeps its own line feeds and tabs; a single value keeps none.
 */
final class Terminal {

  private Terminal() {}

  /** True for a character that must not reach a terminal as it is. */
  static boolean unsafe(char c) {
    return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
  }

  /** The text as one line with every unsafe character escaped, line feeds and tabs included. */
  static String safe(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (unsafe(c)) {
        if (sb == null) {
          sb = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        sb.append(escape(c));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? text : sb.toString();
  }

  private static String escape(char c) {
    return String.format(Locale.ROOT, "\\u%04x", (int) c);
  }

  /**
   * A writer for stdout or stderr that escapes every unsafe character except the line feeds and
   * tabs of the output's own layout; data written on purpose (an export on stdout, a progress
   * line) goes to the raw writer instead.
   */
  static PrintWriter guard(PrintWriter raw) {
    return new PrintWriter(new FilterWriter(raw) {
      @Override
      public void write(int c) throws IOException {
        write(String.valueOf((char) c), 0, 1);
      }

      @Override
      public void write(char[] cbuf, int off, int len) throws IOException {
        write(new String(cbuf, off, len), 0, len);
      }

      @Override
      public void write(String str, int off, int len) throws IOException {
        // runs of safe characters in one call: output can be large
        int run = off;
        for (int i = off; i < off + len; i++) {
          char c = str.charAt(i);
          if (c != '\n' && c != '\t' && unsafe(c)) {
            out.write(str, run, i - run);
            out.write(escape(c));
            run = i + 1;
          }
        }
        out.write(str, run, off + len - run);
      }
    }, true);
  }
}
