package dev.kuja.scenario;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;

/**
 * Merges the {@link EnsembleBlock blocks} of one Monte Carlo ensemble, in block order, into its
 * result — the one way an ensemble's result is made, whether its blocks were simulated on this
 * machine's threads ({@link MonteCarlo#run()}) or elsewhere (docs/stochastic.md#blocks-and-runners).
 *
 * <p>Blocks are added in index order, 0, 1, 2, …; each is added once. The merger is complete when
 * every block of the ensemble is in or, with a {@link MonteCarlo#precision(double) target
 * precision}, at the end of the first round of {@value MonteCarlo#ROUND} blocks where every
 * probability is known well enough — the same point, to the block, whoever simulated the blocks.
 * Made by {@link MonteCarlo#merger()}; not thread-safe (one thread merges).
 *
 * <pre>{@code
 * EnsembleMerger merger = ensemble.merger();
 * for (long b = 0; !merger.complete(); b++) {
 *   merger.add(ensemble.simulateBlock(b));      // or a block simulated on another machine
 * }
 * EnsembleResult result = merger.result();      // equals ensemble.run()
 * }</pre>
 */
public final class EnsembleMerger {

  private final MonteCarlo ensemble;
  private final MonteCarlo.Prepared prepared;
  private final MonteCarlo.Block total;
  private final long blocks;
  private final long planned;
  private final OptionalDouble precision;
  private final double z;
  private final Optional<EnsembleListener> listener;
  private final Optional<BooleanSupplier> cancel;
  private long next;
  private boolean complete;

  EnsembleMerger(MonteCarlo ensemble, MonteCarlo.Prepared prepared, long planned,
      OptionalDouble precision, double z, Optional<EnsembleListener> listener,
      Optional<BooleanSupplier> cancel) {
    this.ensemble = ensemble;
    this.prepared = prepared;
    this.total = new MonteCarlo.Block(prepared.fs.count);
    this.planned = planned;
    this.blocks = ensemble.blockCount();
    this.precision = precision;
    this.z = z;
    this.listener = listener;
    this.cancel = cancel;
  }

  /**
   * Adds the next block and tells the ensemble's {@link MonteCarlo#listener(EnsembleListener) listener}.
   *
   * @return true when the ensemble is now {@link #complete() complete}
   * @throws IllegalArgumentException when the block is not the next one (index {@link
   *     #nextIndex()}), or is a block of another ensemble (another seed, number of functions or
   *     of scenarios)
   * @throws IllegalStateException when the merger is already complete
   */
  public boolean add(EnsembleBlock block) {
    if (complete) {
      throw new IllegalStateException("the ensemble is complete after " + next
          + " blocks; block " + block.index() + " is not needed");
    }
    if (block.index() != next) {
      throw new IllegalArgumentException("block " + block.index() + " given where block " + next
          + " is next: blocks are merged once each, in index order");
    }
    long expected = Math.min(planned, (next + 1) * MonteCarlo.BLOCK) - next * MonteCarlo.BLOCK;
    if (block.seed() != ensemble.seed() || block.functions() != prepared.fs.count
        || block.scenarios() != expected) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s is not a block of this ensemble (seed %d, %d functions, %d scenarios in block %d)",
          block, ensemble.seed(), prepared.fs.count, expected, next));
    }
    total.absorb(block.sums());
    next++;
    listener.ifPresent(l -> l.progress(total.scenarios, planned));
    // with a target precision, checked at the end of every round of blocks, in order
    complete = next == blocks
        || precision.isPresent() && (next % MonteCarlo.ROUND == 0)
            && total.halfWidth(prepared.fs, z) <= precision.getAsDouble();
    return complete;
  }

  /**
   * Asks the ensemble's {@link MonteCarlo#cancelWhen(BooleanSupplier) cancellation condition}
   * (false without one). A runner asks before each block; once it is true, the run stops with
   * the blocks merged so far, as {@link MonteCarlo#run()} does.
   */
  public boolean cancelRequested() {
    return cancel.isPresent() && cancel.get().getAsBoolean();
  }

  /** True when every block needed is in: {@link #result()} is the ensemble's full result. */
  public boolean complete() {
    return complete;
  }

  /** The index of the block to add next (the number of blocks merged so far). */
  public long nextIndex() {
    return next;
  }

  /** The number of blocks of the ensemble (the most a merger takes). */
  public long blockCount() {
    return blocks;
  }

  /** The number of scenarios merged so far. */
  public long scenarios() {
    return total.scenarios;
  }

  /**
   * The widest confidence-interval half-width, so far, among every function's probabilities of
   * going down and of exceeding its MTPD: what a target precision is compared with. 0 before the
   * first block.
   */
  public double widestHalfWidth() {
    return total.scenarios == 0 ? 0 : total.halfWidth(prepared.fs, z);
  }

  /**
   * The result of the blocks merged so far: the ensemble's result when {@link #complete()}, and
   * otherwise a result marked {@link EnsembleResult#cancelled() cancelled} that covers the
   * scenarios of the blocks merged.
   *
   * @throws IllegalStateException before the first block
   */
  public EnsembleResult result() {
    if (total.scenarios == 0) {
      throw new IllegalStateException("no block of the ensemble has been merged");
    }
    Duration period = ensemble.period();
    return new EnsembleResult(period, ensemble.seed(), total.scenarios, Statistics.level(z), !complete,
        total.risks(prepared.fs, prepared.units.period, z));
  }

  /** {@code merged 12 of 40 blocks (3,072 scenarios), complete: false}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "merged %d of %d blocks (%,d scenarios), complete: %s", next,
        blocks, total.scenarios, complete);
  }
}
