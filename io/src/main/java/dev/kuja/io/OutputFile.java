package dev.kuja.io;

import dev.kuja.model.Problem;
import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file Kuja writes: all of it or nothing (docs/documents.md#writing-files). The content goes to
 * a temporary file beside the target ({@code .NAME.RANDOM.tmp}, in the same directory so that
 * the move cannot cross file systems), is forced to the disk, and is then moved over the target
 * in one atomic step. A write that fails half-way — a full disk, a killed process, an
 * exception in the code producing the content — leaves the target as it was (absent, or its
 * old content) and removes the temporary file; the error names the target.
 *
 * <p>Where the file system cannot move atomically, the move falls back to an ordinary replace,
 * which some file systems (network shares, some FUSE mounts) do in more than one step; the
 * content is complete on the disk before either. A target that is a symbolic link is written
 * through: the file it points to is replaced and the link kept. The replaced file's POSIX
 * permissions are kept where they can be read.
 *
 * <pre>{@code
 * OutputFile.write(Path.of("county.dot"), w -> w.write(GraphExport.dot(model)));
 * }</pre>
 */
public final class OutputFile {

  /** Writes the content of a file to a writer. */
  @FunctionalInterface
  public interface Content {
    /** Writes everything; may throw to abandon the file. */
    void writeTo(Writer out) throws IOException;
  }

  private OutputFile() {}

  /** Writes text to a file, all of it or nothing, as UTF-8. */
  public static void writeString(Path file, String text) {
    Objects.requireNonNull(text, "text");
    write(file, w -> w.write(text));
  }

  /**
   * Writes a file, all of it or nothing, as UTF-8.
   *
   * @throws UncheckedIOException naming the file when it cannot be written; the file is then
   *     unchanged and no temporary file is left
   */
  public static void write(Path file, Content content) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(content, "content");
    Path target = target(file);
    Path dir = target.toAbsolutePath().getParent();
    if (Files.isDirectory(target)) {
      throw new UncheckedIOException("cannot write " + file + ": it is a directory",
          new IOException(file + " is a directory"));
    }
    Path temp = null;
    try {
      temp = createTemp(dir, target.getFileName().toString());
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        Writer w = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
            StandardCharsets.UTF_8.newEncoder()));
        // the content may close its writer (a JSON generator does): that must not close the file
        content.writeTo(new FilterWriter(w) {
          @Override
          public void close() throws IOException {
            flush();
          }
        });
        w.flush();
        channel.force(true);
      }
      keepPermissions(target, temp);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException | RuntimeException e) {
      String message = "cannot write " + file + ": " + reason(e)
          + (Files.exists(target) ? " (it is unchanged)" : "");
      throw new UncheckedIOException(message, e instanceof IOException io ? io : new IOException(message, e));
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // the write already failed, and says so; a stray temporary file is all that is left
        }
      }
    }
  }

  /**
   * Refuses to write {@code output} when it is one of the {@code inputs} — the same file by its
   * real path, through symbolic links or a hard link — before any work is done: writing the
   * result over what it was computed from would destroy the input. {@code option} names the
   * option that gave the output ({@code --output}) for the message.
   *
   * @throws DocumentException naming the output and the input it would overwrite
   */
  public static void refuseInputs(Path output, String option, Collection<Path> inputs) {
    for (Path input : inputs) {
      if (same(output, input)) {
        throw new DocumentException(List.of(Problem.inDocument(Problem.Location.of(output.toString()),
            option + " would write over the input " + input + "; choose another file")));
      }
    }
  }

  /** True when both paths name the same file (or the output would be created where the input is). */
  static boolean same(Path output, Path input) {
    try {
      if (Files.exists(output) && Files.exists(input)) {
        return Files.isSameFile(output, input);
      }
      return real(output).equals(real(input));
    } catch (IOException e) {
      return real(output).equals(real(input));
    }
  }

  /** The real path of a file, or of its nearest existing directory joined with the rest. */
  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(abs));
    } catch (IOException e) {
      return abs;
    }
  }

  /** The file a write replaces: the target of a symbolic link, else the path itself. */
  private static Path target(Path file) {
    Path target = file;
    for (int hops = 0; hops < 40 && Files.isSymbolicLink(target); hops++) {
      try {
        Path link = Files.readSymbolicLink(target);
        Path parent = target.toAbsolutePath().getParent();
        target = parent == null ? link : parent.resolve(link);
      } catch (IOException e) {
        break;
      }
    }
    return target;
  }

  private static Path createTemp(Path dir, String name) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path temp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
          + ".tmp");
      try {
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        if (attempt > 10) {
          throw e;
        }
      }
    }
  }

  private static void keepPermissions(Path target, Path temp) {
    try {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
        Files.setPosixFilePermissions(temp, permissions);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // not a POSIX file system, or not ours to read: the new file keeps the defaults
    }
  }

  private static String reason(Exception e) {
    Throwable t = e;
    if (t instanceof UncheckedIOException u && u.getCause() != null) {
      t = u.getCause();
    }
    String message = Optional.ofNullable(t.getMessage()).orElse(t.getClass().getSimpleName());
    if (t instanceof java.nio.file.NoSuchFileException) {
      return "no such directory";
    }
    if (t instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (t instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason(); // without the temporary file's name
    }
    return message;
  }
}
