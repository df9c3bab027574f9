package dev.kuja.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;

/** Spark contexts that Kuja starts itself: for the command line, and for plain {@code java} runs. */
final class Contexts {

  private Contexts() {}

  /**
   * {@code conf} with a master (when given), an application name, and Kuja's defaults where
   * nothing was set: no web UI; with a local master, the driver on 127.0.0.1.
   */
  static SparkConf conf(SparkConf conf, String master, String name) {
    if (master != null) {
      conf.setMaster(master);
    }
    conf.setIfMissing("spark.app.name", name);
    conf.setIfMissing("spark.ui.enabled", "false");
    if (conf.get("spark.master", "").startsWith("local")) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    return conf;
  }

  /**
   * Starts a context.
   *
   * @throws IllegalArgumentException when there is no master, or Spark does not take it for one
   */
  static JavaSparkContext start(SparkConf conf) {
    if (!conf.contains("spark.master")) {
      throw new IllegalArgumentException("no Spark master: run through spark-submit --master …,"
          + " or give one with -Dspark.master=local[2] (or spark://host:7077, yarn, k8s://…)");
    }
    try {
      return new JavaSparkContext(conf);
    } catch (Exception e) { // Spark throws its checked SparkException without declaring it
      if (isBadMaster(e)) {
        throw new IllegalArgumentException("'" + conf.get("spark.master") + "' is not a Spark master URL"
            + " (local[2], local[*], spark://host:7077, yarn, k8s://host:port): " + e.getMessage(), e);
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException("Spark did not start: " + e.getMessage(), e);
    }
  }

  private static boolean isBadMaster(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SparkException && t.getMessage() != null && t.getMessage().contains("Master URL")) {
        return true;
      }
    }
    return false;
  }
}
