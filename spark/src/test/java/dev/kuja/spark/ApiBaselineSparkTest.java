package dev.kuja.spark;

import dev.kuja.testing.ApiBaseline;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kuja-spark's API (every public type of {@code dev.kuja.spark}) against the baseline in
 * spark/api (docs/release.md#api-compatibility).
 */
class ApiBaselineSparkTest {

  @Test
  void sparkApiMatchesItsBaseline() {
    ApiBaseline.check("kuja-spark", System.getProperty("kuja.version", "unknown"),
        ApiBaseline.of(Path.of("target", "classes"), List.of("dev.kuja.spark")),
        Path.of("api", "kuja-spark.api"), Boolean.getBoolean(ApiBaseline.UPDATE));
  }
}
