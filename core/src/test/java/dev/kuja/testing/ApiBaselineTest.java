package dev.kuja.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kuja-core's exported API against the baseline in core/api (docs/release.md#api-compatibility),
 * and the check itself: it must catch a removal and refuse to record one without a new version.
 */
class ApiBaselineTest {

  static final String VERSION = System.getProperty("kuja.version", "unknown");

  @Test
  void coreApiMatchesItsBaseline() {
    ApiBaseline.check("kuja-core", VERSION, Path.of("target", "classes"), Path.of("api", "kuja-core.api"));
  }

  @Test
  void theApiListsExportedTypesAndMembersOnly() {
    SortedSet<String> api = ApiBaseline.of(Path.of("target", "classes"));
    assertTrue(api.contains("public final class dev.kuja.analysis.Analysis"), "a public type");
    assertTrue(api.stream().anyMatch(l -> l.contains("dev.kuja.analysis.Analysis.of(dev.kuja.model.Model)")),
        "a static factory");
    assertTrue(api.stream().noneMatch(l -> l.contains("dev.kuja.engine.")
        && (l.startsWith("public final class dev.kuja.engine") || l.startsWith("public class dev.kuja.engine"))),
        "the engines are not exported");
    assertTrue(api.stream().noneMatch(l -> l.startsWith("private ")), "nothing private");
  }

  @Test
  void aRemovedMethodFailsTheCheck(@TempDir Path dir) throws IOException {
    Path baseline = dir.resolve("x.api");
    SortedSet<String> api = new TreeSet<>(List.of("public class a.A", "public void a.A.f()", "public void a.A.g()"));
    ApiBaseline.check("x", "1.0", api, baseline, true);

    SortedSet<String> grown = new TreeSet<>(api);
    grown.add("public void a.A.h()");
    AssertionError grew = assertThrows(AssertionError.class, () -> ApiBaseline.check("x", "1.0", grown, baseline, false));
    assertTrue(grew.getMessage().contains("the API grew") && grew.getMessage().contains("+ public void a.A.h()"),
        grew.getMessage());

    SortedSet<String> shrunk = new TreeSet<>(api);
    shrunk.remove("public void a.A.g()");
    AssertionError broke = assertThrows(AssertionError.class, () -> ApiBaseline.check("x", "1.0", shrunk, baseline, false));
    assertTrue(broke.getMessage().contains("INCOMPATIBLE") && broke.getMessage().contains("- public void a.A.g()"),
        broke.getMessage());

    AssertionError sameVersion = assertThrows(AssertionError.class,
        () -> ApiBaseline.check("x", "1.0", shrunk, baseline, true));
    assertTrue(sameVersion.getMessage().contains("raise the version"), sameVersion.getMessage());
    assertTrue(Files.readString(baseline).contains("public void a.A.g()"), "the baseline is left as it was");

    ApiBaseline.check("x", "2.0", shrunk, baseline, true);
    assertEquals(List.of(), ApiBaseline.check("x", "2.0", shrunk, baseline, false).removed());
    assertTrue(Files.readString(baseline).contains("# version 2.0"));
  }
}
