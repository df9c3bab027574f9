package dev.kuja.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The command people run, {@code java -jar cli/target/kuja.jar}, writes what the tests above
 * check (the same bytes as the command run in-process), and carries its dependencies' licences
 * and notices.
 */
class ShadedJarTest {

  private static final Path JAR = Tools.ROOT.resolve("cli/target/kuja.jar");

  @Test
  void theJarWritesTheSameFiles() {
    assertTrue(Files.isRegularFile(JAR), JAR + " is built before this module's tests");
    Path county = Tools.EXAMPLES.resolve("models").resolve("county.yaml");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (String format : List.of("mef", "graphml", "dot", "mermaid")) {
      Tools.Result jar = Tools.run(Duration.ofMinutes(2), Tools.ROOT, java, "-jar", JAR.toString(), "export",
          county.toString(), "--to", format).ok("java -jar kuja.jar export --to " + format);
      assertEquals(Tools.kuja("export", county.toString(), "--to", format).out(), jar.out(), format);
      assertEquals("", jar.err(), format + ": nothing on stderr");
    }
  }

  @Test
  void theJarKeepsItsDependenciesLicencesAndNotices() throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      String notice = new String(jar.getInputStream(jar.getEntry("META-INF/NOTICE")).readAllBytes(), StandardCharsets.UTF_8);
      for (String owner : List.of("Apache Commons Compress", "Apache Commons IO", "Jackson")) {
        assertTrue(notice.contains(owner), "META-INF/NOTICE names " + owner);
      }
      assertTrue(!notice.contains("Copyright 2006-"), "Kuja's own notice is not the ASF's default");
      String licence = new String(jar.getInputStream(jar.getEntry("META-INF/LICENSE")).readAllBytes(), StandardCharsets.UTF_8)
          + new String(jar.getInputStream(jar.getEntry("META-INF/LICENSE.txt")).readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(licence.contains("Apache License") && licence.contains("Version 2.0"), "the Apache License");
      assertTrue(licence.contains("Permission is hereby granted"), "the MIT licence of SLF4J");
    }
  }
}
