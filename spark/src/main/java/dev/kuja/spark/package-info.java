/**
 * Kuja on Apache Spark: Monte Carlo ensembles and sweeps of ensembles spread over a cluster,
 * with exactly the results of the local runs (docs/stochastic.md#the-spark-runner).
 *
 * <ul>
 *   <li>{@link dev.kuja.spark.SparkMonteCarlo}: one ensemble — a {@link
 *       dev.kuja.scenario.MonteCarlo} — its blocks as Spark tasks, merged in order on the driver.
 *   <li>{@link dev.kuja.spark.SparkSweep}: a {@link dev.kuja.scenario.Sweep} of ensembles as one
 *       Spark job.
 *   <li>{@link dev.kuja.spark.Ensembles}: the entry point for {@code spark-submit}.
 * </ul>
 *
 * <p>Spark itself is not a dependency of this jar (it is {@code provided}): {@code spark-submit}
 * or the class path brings it.
 */
package dev.kuja.spark;
