package dev.kuja.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The exported API of one module as lines of text, and its comparison with a baseline committed
 * beside the module (docs/release.md#api-compatibility).
 *
 * <p>The API is every public type of the packages that {@code module-info} exports
 * unconditionally, and of each such type its supertypes and its public and protected
 * constructors, methods and fields, written with their generic signatures. A line of the baseline
 * missing from the current API is an incompatible change (a removal, or a changed signature,
 * which is a removal and an addition); a new line is an addition. The check fails on either, so
 * the baseline always records the API as it is: additions are accepted by regenerating it with
 * {@code -Dkuja.api.update=true}, removals only together with a new version.
 */
public final class ApiBaseline {

  /** The switch that rewrites the baseline instead of comparing with it. */
  public static final String UPDATE = "kuja.api.update";

  private ApiBaseline() {}

  /** What changed between the baseline and the current API. */
  public record Difference(String baselineVersion, List<String> removed, List<String> added) {

    /** Whether nothing changed. */
    public boolean none() {
      return removed.isEmpty() && added.isEmpty();
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder();
      removed.forEach(l -> s.append("\n  - ").append(l));
      added.forEach(l -> s.append("\n  + ").append(l));
      return s.toString();
    }
  }

  /**
   * The exported API of the classes compiled into {@code classes} (a module's target/classes,
   * whose {@code module-info.class} names the exported packages).
   */
  public static SortedSet<String> of(Path classes) {
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      module = ModuleDescriptor.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return of(classes, module.exports().stream().filter(e -> !e.isQualified())
        .map(ModuleDescriptor.Exports::source).toList());
  }

  /**
   * The API of the given packages of the classes in {@code classes}, for a jar without a module
   * descriptor (kuja-spark: Spark's jars have no module names), whose packages are all API.
   */
  public static SortedSet<String> of(Path classes, List<String> packages) {
    SortedSet<String> api = new TreeSet<>();
    for (String pkg : packages) {
      for (Class<?> type : types(classes, pkg)) {
        api.addAll(describe(type));
      }
    }
    return api;
  }

  /** Compares the API with the baseline file; an absent baseline holds nothing. */
  public static Difference compare(SortedSet<String> api, Path baseline) {
    List<String> lines = read(baseline);
    String version = lines.stream().filter(l -> l.startsWith("# version "))
        .map(l -> l.substring("# version ".length())).findFirst().orElse("none");
    SortedSet<String> before = lines.stream().filter(l -> !l.startsWith("#") && !l.isBlank())
        .collect(Collectors.toCollection(TreeSet::new));
    List<String> removed = before.stream().filter(l -> !api.contains(l)).toList();
    List<String> added = api.stream().filter(l -> !before.contains(l)).toList();
    return new Difference(version, removed, added);
  }

  /**
   * Checks the module's API against its baseline, or rewrites the baseline under
   * {@link #UPDATE}; the error message says what changed and what to do. Removals are accepted
   * into the baseline only when the version differs from the baseline's.
   *
   * @return the difference that was accepted (empty unless updating)
   */
  public static Difference check(String artifact, String version, Path classes, Path baseline) {
    return check(artifact, version, of(classes), baseline, Boolean.getBoolean(UPDATE));
  }

  /** {@link #check(String, String, Path, Path)} of a given API, updating or not. */
  public static Difference check(String artifact, String version, SortedSet<String> api, Path baseline,
      boolean update) {
    Difference d = compare(api, baseline);
    if (update) {
      if (!d.removed().isEmpty() && d.baselineVersion().equals(version)) {
        throw new AssertionError(artifact + " " + version + ": the change removes or alters "
            + d.removed().size() + " part(s) of the API released as " + version
            + "; raise the version in the POMs first, then regenerate the baseline:" + d);
      }
      write(artifact, version, api, baseline);
      return d;
    }
    if (!d.none()) {
      String what = d.removed().isEmpty()
          ? "the API grew; record it with -D" + UPDATE + "=true (additions are compatible)"
          : "INCOMPATIBLE change to the API of " + d.baselineVersion()
              + ": removed or altered lines are marked -; if it is deliberate, raise the version and"
              + " regenerate the baseline with -D" + UPDATE + "=true";
      throw new AssertionError(artifact + " " + version + " vs " + baseline + ": " + what + d);
    }
    return d;
  }

  private static List<Class<?>> types(Path classes, String pkg) {
    Path dir = classes.resolve(pkg.replace('.', '/'));
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String file = f.getFileName().toString();
        if (!file.endsWith(".class") || file.equals("package-info.class")) {
          continue;
        }
        Class<?> type = Class.forName(pkg + "." + file.substring(0, file.length() - 6), false,
            ApiBaseline.class.getClassLoader());
        if (visible(type)) {
          types.add(type);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return types;
  }

  private static boolean visible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()
          || c.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  private static List<String> describe(Class<?> type) {
    List<String> lines = new ArrayList<>();
    StringBuilder head = new StringBuilder(type.toGenericString());
    Optional.ofNullable(type.getGenericSuperclass())
        .filter(s -> s != Object.class && !type.isEnum() && !type.isRecord())
        .ifPresent(s -> head.append(" extends ").append(s.getTypeName()));
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0) {
      head.append(type.isInterface() ? " extends " : " implements ")
          .append(Arrays.stream(interfaces).map(Type::getTypeName).sorted()
              .collect(Collectors.joining(", ")));
    }
    lines.add(head.toString());
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (exposed(c.getModifiers()) && !c.isSynthetic()) {
        lines.add(c.toGenericString());
      }
    }
    for (Method m : type.getDeclaredMethods()) {
      if (exposed(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
        lines.add(m.toGenericString());
      }
    }
    for (Field f : type.getDeclaredFields()) {
      if (exposed(f.getModifiers()) && !f.isSynthetic()) {
        lines.add(f.toGenericString());
      }
    }
    return lines;
  }

  private static boolean exposed(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static List<String> read(Path baseline) {
    try {
      return Files.exists(baseline) ? Files.readAllLines(baseline, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(String artifact, String version, SortedSet<String> api, Path baseline) {
    List<String> lines = new ArrayList<>();
    lines.add("# The exported API of " + artifact + ", checked by the build (docs/release.md#api-compatibility).");
    lines.add("# Regenerate with: mvn -B verify -D" + UPDATE + "=true");
    lines.add("# version " + version);
    lines.addAll(api);
    try {
      Files.createDirectories(baseline.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(baseline.toAbsolutePath().getParent(), ".api", ".tmp");
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      Files.move(tmp, baseline, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
