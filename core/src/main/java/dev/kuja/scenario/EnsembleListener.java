package dev.kuja.scenario;

/**
 * Hears how far a {@link MonteCarlo} run has got. Called from worker threads, once per block of
 * scenarios, so implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface EnsembleListener {

  /**
   * {@code done} scenarios of {@code planned} are simulated ({@code planned} is the maximum
   * when the run stops at a target precision).
   */
  void progress(long done, long planned);
}
