package dev.kuja.scenario;

/**
 * Hears how far a {@link MonteCarlo} run has got. Called once per block of scenarios as the block
 * is merged into the result ({@link EnsembleMerger#add(EnsembleBlock)}), in block order, on the
 * thread that merges — the one that called {@link MonteCarlo#run()}, or a distributed runner's
 * driver — so implementations must be quick.
 */
@FunctionalInterface
public interface EnsembleListener {

  /**
   * {@code done} scenarios of {@code planned} are simulated ({@code planned} is the maximum
   * when the run stops at a target precision).
   */
  void progress(long done, long planned);
}
