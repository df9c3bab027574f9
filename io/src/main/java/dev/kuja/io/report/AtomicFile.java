package dev.kuja.io.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file atomically: to a temporary file in the same directory, then moved into place, so
 * that a reader never sees half a page and a failed write leaves the old file as it was.
 */
final class AtomicFile {

  /** Writes text to a writer, which it must not close. */
  @FunctionalInterface
  interface Content {
    void write(Writer out) throws IOException;
  }

  private AtomicFile() {}

  /**
   * Writes what {@code content} writes, in UTF-8, to {@code file}.
   *
   * @param what what is written, for the message when it cannot be: "the report"
   * @throws UncheckedIOException "cannot write WHAT to FILE: why" when it cannot be written
   */
  static void write(Path file, String what, Content content) {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      readable(tmp, target);
      try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp),
          StandardCharsets.UTF_8), 1 << 16)) {
        content.write(out);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the message below says what went wrong; a stray temporary file is the lesser problem
        }
      }
      String why = e instanceof NoSuchFileException ? "no such directory " + dir
          : e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
      throw new UncheckedIOException("cannot write " + what + " to " + file + ": " + why, e);
    }
  }

  /**
   * Gives the temporary file the permissions of the file it replaces, or rw-r--r--: temporary
   * files are made readable by their owner only.
   */
  private static void readable(Path tmp, Path target) throws IOException {
    try {
      Set<PosixFilePermission> perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
          : PosixFilePermissions.fromString("rw-r--r--");
      Files.setPosixFilePermissions(tmp, perms);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the default permissions will do
    }
  }
}
