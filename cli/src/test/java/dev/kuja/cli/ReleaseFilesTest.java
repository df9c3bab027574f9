package dev.kuja.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a release carries besides code (docs/release.md): the licence, a notice that names every
 * library the command-line jar bundles, and a BOM that aligns every published module.
 */
class ReleaseFilesTest {

  private static final Path ROOT = Path.of("..");

  @Test
  void theLicenceIsApache2() throws IOException {
    String licence = read("LICENSE");
    assertTrue(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004")
        && licence.contains("END OF TERMS AND CONDITIONS"), "LICENSE is the Apache License 2.0");
  }

  /** The list is written by maven-dependency-plugin:list before the tests (cli/pom.xml). */
  @Test
  void theNoticeNamesEveryBundledLibrary() throws IOException {
    String notice = read("NOTICE");
    List<String> bundled = Files.readAllLines(Path.of("target", "bundled-libraries.txt")).stream()
        .map(String::strip)
        .filter(l -> l.matches("[\\w.-]+:[\\w.-]+:jar:.*"))
        .map(l -> l.substring(0, l.indexOf(":jar:")))
        .toList();
    assertTrue(bundled.contains("info.picocli:picocli"), "the bundled list is read: " + bundled);
    List<String> missing = bundled.stream().filter(library -> !notice.contains(library)).toList();
    assertEquals(List.of(), missing, "kuja.jar bundles libraries that NOTICE does not name");
  }

  @Test
  void theNoticeCarriesCytoscapesLicence() throws IOException {
    String notice = read("NOTICE");
    assertTrue(notice.contains("The Cytoscape Consortium") && notice.contains("Permission is hereby granted"),
        "NOTICE holds cytoscape.js's MIT licence");
  }

  /** The BOM has no parent (so it pins nothing else); its version must follow the reactor's. */
  @Test
  void theBomAlignsEveryPublishedModuleAtTheReactorsVersion() throws IOException {
    String parent = read("pom.xml");
    String bom = read("bom/pom.xml");
    assertEquals(ownVersion(parent, "parent"), ownVersion(bom, "bom"), "kuja-bom's version");
    Matcher modules = Pattern.compile("<module>([\\w-]+)</module>").matcher(parent);
    int managed = 0;
    while (modules.find()) {
      String module = modules.group(1);
      if (List.of("bom", "examples", "bench", "interop").contains(module)) {
        continue;
      }
      assertTrue(bom.contains("<artifactId>kuja-" + module + "</artifactId>"), "kuja-bom manages kuja-" + module);
      managed++;
    }
    assertTrue(managed >= 3, "core, io and cli at least");
  }

  /** The version the jar reports is the one Maven built (cli/pom.xml filters version.properties). */
  @Test
  void versionIsTheBuildsVersion() {
    KujaTest.Run run = KujaTest.kuja("--version");
    assertEquals(0, run.status());
    assertEquals("kuja " + System.getProperty("kuja.version"), run.out().strip());
  }

  private static String read(String file) throws IOException {
    return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
  }

  private static String ownVersion(String pom, String artifact) {
    Matcher m = Pattern.compile("<artifactId>kuja-" + artifact + "</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(pom);
    assertTrue(m.find(), "the POM's own version");
    return m.group(1);
  }
}
