package dev.kuja.io;

import dev.kuja.testing.ApiBaseline;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** kuja-io's exported API against the baseline in io/api (docs/release.md#api-compatibility). */
class ApiBaselineIoTest {

  @Test
  void ioApiMatchesItsBaseline() {
    ApiBaseline.check("kuja-io", System.getProperty("kuja.version", "unknown"), Path.of("target", "classes"),
        Path.of("api", "kuja-io.api"));
  }
}
