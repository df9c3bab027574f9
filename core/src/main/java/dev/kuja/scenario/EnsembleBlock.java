package dev.kuja.scenario;

import java.io.Serializable;
import java.util.Locale;

/**
 * What one block of a Monte Carlo ensemble found: the sums over its scenarios (block b holds
 * scenarios {@value MonteCarlo#BLOCK}·b to {@value MonteCarlo#BLOCK}·b + {@value
 * MonteCarlo#BLOCK} − 1, the last block fewer), ready to be merged in block order into the
 * ensemble's result (docs/stochastic.md#random-streams-and-reproducibility).
 *
 * <p>A block depends only on the ensemble's model, threats, period and seed and on its index,
 * never on where or when it was simulated, so blocks may be simulated anywhere — on another
 * thread, or in another process (it is {@link Serializable} for that) — and merged by an {@link
 * EnsembleMerger} of the same ensemble. Made by {@link MonteCarlo#simulateBlock(long)}; immutable
 * once made.
 */
public final class EnsembleBlock implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long index;
  private final long seed;
  private final MonteCarlo.Block sums;

  EnsembleBlock(long index, long seed, MonteCarlo.Block sums) {
    this.index = index;
    this.seed = seed;
    this.sums = sums;
  }

  /** The block's index: it holds the scenarios from {@code index · BLOCK} on. */
  public long index() {
    return index;
  }

  /** The seed of the ensemble the block belongs to. */
  public long seed() {
    return seed;
  }

  /** How many scenarios the block holds ({@value MonteCarlo#BLOCK}, fewer in the last block). */
  public long scenarios() {
    return sums.scenarios;
  }

  /** How many functions the block has sums for (every function of the model). */
  public int functions() {
    return sums.down.length;
  }

  /** The sums themselves, for the merger. */
  MonteCarlo.Block sums() {
    return sums;
  }

  /** {@code block 3 of seed 7: scenarios 768–1023, 12 functions}. */
  @Override
  public String toString() {
    long first = index * MonteCarlo.BLOCK;
    return String.format(Locale.ROOT, "block %d of seed %d: scenarios %d–%d, %d functions", index, seed,
        first, first + scenarios() - 1, functions());
  }
}
