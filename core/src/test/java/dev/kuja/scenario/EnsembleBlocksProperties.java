package dev.kuja.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.model.Model;
import dev.kuja.model.Reliability;
import dev.kuja.model.RepairTime;
import dev.kuja.model.Threat;
import dev.kuja.testing.Case;
import dev.kuja.testing.KujaArbitraries;
import dev.kuja.testing.RiskModels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * An ensemble is the merge of its blocks, wherever they were simulated
 * (docs/stochastic.md#blocks-and-runners): blocks made one by one, in any order, each through
 * Java serialization (as they travel between machines), merged in index order give exactly what
 * {@link MonteCarlo#run()} gives — with impact levels, model and added threats, rates and
 * probabilities, and a target precision.
 */
class EnsembleBlocksProperties {

  /**
   * Models of 1..10 nodes, half of them failing at a rate (exponential or uniform repairs), with
   * MTPDs, impact thresholds and threats of their own, and one or two threats added.
   */
  @Provide
  Arbitrary<Case<List<Threat>>> ensembles() {
    return RiskModels.withRiskAndThreats(
        KujaArbitraries.models().nodes(1, 10).withReliability(KujaArbitraries.failureRates(), 0.5), 1, 2);
  }

  /** Target half-widths met after one round (0.05), or after one to three (0.02). */
  @Provide
  Arbitrary<Double> halfWidths() {
    return net.jqwik.api.Arbitraries.of(0.05, 0.02);
  }

  static MonteCarlo ensemble(Case<List<Threat>> c, long seed, int scenarios) {
    return MonteCarlo.of(c.model()).period("P30D").seed(seed).scenarios(scenarios)
        .threat(c.input().toArray(Threat[]::new)).threads(1);
  }

  @SuppressWarnings("unchecked")
  static <T> T travelled(T value) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) in.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** Every block, simulated in a shuffled order, each serialized and read back, sorted by index. */
  static List<EnsembleBlock> blocksElsewhere(MonteCarlo mc, long shuffle) {
    return blocksElsewhere(mc, mc.blockCount(), shuffle);
  }

  /** The first {@code count} blocks, as {@link #blocksElsewhere(MonteCarlo, long)}. */
  static List<EnsembleBlock> blocksElsewhere(MonteCarlo mc, long count, long shuffle) {
    List<Long> order = new ArrayList<>();
    for (long b = 0; b < count; b++) {
      order.add(b);
    }
    Collections.shuffle(order, new Random(shuffle));
    List<EnsembleBlock> blocks = new ArrayList<>();
    for (long b : order) {
      blocks.add(travelled(mc.simulateBlock(b)));
    }
    blocks.sort(Comparator.comparingLong(EnsembleBlock::index));
    return blocks;
  }

  @Property(tries = 100)
  void theMergedBlocksAreTheRun(@ForAll("ensembles") Case<List<Threat>> c, @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 1000) int scenarios, @ForAll long shuffle) {
    MonteCarlo mc = ensemble(c, seed, scenarios);
    assertEquals((scenarios + MonteCarlo.BLOCK - 1) / MonteCarlo.BLOCK, mc.blockCount());
    assertEquals(mc.run(), mc.merge(blocksElsewhere(mc, shuffle)));
  }

  /**
   * With a target precision, the merger stops at the same round as the run, blocks simulated
   * ahead of it left out.
   */
  @Property(tries = 25)
  void aTargetPrecisionStopsTheMergeWhereItStopsTheRun(@ForAll("ensembles") Case<List<Threat>> c,
      @ForAll long seed, @ForAll long shuffle, @ForAll("halfWidths") double precision) {
    MonteCarlo mc = ensemble(c, seed, 3 * MonteCarlo.ROUND * MonteCarlo.BLOCK).period("P7D").precision(precision);
    EnsembleResult run = mc.run();
    // a round more than the run needed, simulated ahead as a distributed runner would
    long ahead = Math.min(mc.blockCount(), run.scenarios() / MonteCarlo.BLOCK + MonteCarlo.ROUND);
    assertEquals(run, mc.merge(blocksElsewhere(mc, ahead, shuffle)));
    assertFalse(run.cancelled());
    assertTrue(run.scenarios() % (MonteCarlo.ROUND * MonteCarlo.BLOCK) == 0, "ends at a round: " + run.scenarios());
  }

  /** The first blocks of an ensemble are a smaller ensemble, cut short. */
  @Property(tries = 50)
  void theFirstBlocksAreASmallerRunCutShort(@ForAll("ensembles") Case<List<Threat>> c, @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 4) int first) {
    MonteCarlo mc = ensemble(c, seed, 5 * MonteCarlo.BLOCK);
    EnsembleResult cut = mc.merge(blocksElsewhere(mc, first, seed));
    EnsembleResult smaller = mc.scenarios(first * MonteCarlo.BLOCK).run();
    assertTrue(cut.cancelled());
    assertEquals(smaller, new EnsembleResult(cut.period(), cut.seed(), cut.scenarios(), cut.level(), false,
        cut.functions()));
  }

  @Property(tries = 30)
  void anEnsembleSweepIsAnEnsemblePerVariant(@ForAll("ensembles") Case<List<Threat>> c, @ForAll long seed) {
    Model m = c.model();
    String node = m.nodes().get(0).id();
    Sweep<Duration> sweep = Sweep.of("recovery of " + node, List.of(Duration.ZERO, Duration.ofHours(3)),
        d -> Variants.recovery(m, node, d));
    MonteCarlo mc = ensemble(c, seed, 300);
    EnsembleSweep swept = sweep.run(mc);
    assertEquals(List.of("PT0S", "PT3H"), swept.rows().stream().map(EnsembleSweep.Row::value).toList());
    assertEquals(mc.over(Variants.recovery(m, node, Duration.ofHours(3))).run(),
        swept.row("PT3H").orElseThrow().result());
    assertEquals(2, sweep.variants().size());
  }

  // ---------------------------------------------------------------- examples

  static Model grid() {
    return Model.builder()
        .resource("grid", r -> r.reliability(Reliability.rate(3, new RepairTime.Exponential(Duration.ofHours(4)))))
        .function("care", f -> f.criticality("vital").mtpd("PT2H").requires("grid"))
        .build();
  }

  @Example
  void aBlockIsMergedOnceAndInOrder() {
    MonteCarlo mc = MonteCarlo.of(grid()).seed(3).scenarios(3 * MonteCarlo.BLOCK);
    EnsembleMerger merger = mc.merger();
    EnsembleBlock b0 = mc.simulateBlock(0);
    IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
        () -> merger.add(mc.simulateBlock(1)));
    assertEquals("block 1 given where block 0 is next: blocks are merged once each, in index order",
        early.getMessage());
    assertFalse(merger.add(b0));
    assertThrows(IllegalArgumentException.class, () -> merger.add(b0), "a block counted twice");
    IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
        () -> merger.add(mc.seed(4).simulateBlock(1)));
    assertTrue(foreign.getMessage().startsWith("block 1 of seed 4: scenarios 256–511, 1 functions is not a block"),
        foreign.getMessage());
    assertThrows(IllegalArgumentException.class, () -> merger.add(mc.scenarios(300).simulateBlock(1)),
        "a block of another size");
    assertFalse(merger.add(mc.simulateBlock(1)));
    assertEquals(2, merger.nextIndex());
    assertTrue(merger.result().cancelled());
    assertTrue(merger.add(mc.simulateBlock(2)));
    assertTrue(merger.complete());
    assertEquals(mc.run(), merger.result());
    assertThrows(IllegalStateException.class, () -> merger.add(mc.simulateBlock(2)));
    assertEquals("merged 3 of 3 blocks (768 scenarios), complete: true", merger.toString());
  }

  @Example
  void blocksOutsideTheEnsembleAndEmptyMergesAreRefused() {
    MonteCarlo mc = MonteCarlo.of(grid()).scenarios(300);
    assertEquals(2, mc.blockCount());
    assertEquals(44, mc.simulateBlock(1).scenarios());
    assertThrows(IndexOutOfBoundsException.class, () -> mc.simulateBlock(2));
    assertThrows(IndexOutOfBoundsException.class, () -> mc.simulateBlock(-1));
    assertThrows(IllegalArgumentException.class, () -> mc.merge(List.of()));
    assertThrows(IllegalStateException.class, () -> mc.merger().result());
    assertEquals(0, mc.merger().widestHalfWidth());
  }

  @Example
  void theListenerHearsEveryBlockInOrderAsItIsMerged() {
    List<Long> heard = new ArrayList<>();
    MonteCarlo mc = MonteCarlo.of(grid()).scenarios(600).threads(3).listener((done, planned) -> {
      assertEquals(600, planned);
      heard.add(done);
    });
    mc.run();
    assertEquals(List.of(256L, 512L, 600L), heard);
    heard.clear();
    mc.merge(List.of(mc.simulateBlock(0), mc.simulateBlock(1), mc.simulateBlock(2)));
    assertEquals(List.of(256L, 512L, 600L), heard, "a merge elsewhere tells the same listener");
  }

  @Example
  void theMergerChecksTheEnsembleAsTheRunDoes() {
    MonteCarlo big = MonteCarlo.of(grid()).scenarios(MonteCarlo.MAX_SCENARIOS + 1);
    assertThrows(dev.kuja.model.ValidationException.class, big::merger);
    assertEquals(big.blockCount(), big.force().merger().blockCount());
    MonteCarlo bad = MonteCarlo.of(grid()).threat(Threat.builder("x").nodes("nowhere").probability(0.1).build());
    assertThrows(dev.kuja.model.ValidationException.class, bad::merger);
    assertThrows(dev.kuja.model.ValidationException.class, () -> bad.simulateBlock(0));
  }

  @Example
  void anotherModelKeepsTheSettingsAndTheAddedThreats() {
    Threat storm = Threat.builder("storm").nodes("grid").probability(0.5).build();
    MonteCarlo mc = MonteCarlo.of(grid()).seed(9).scenarios(500).precision(0.1).threat(storm);
    Model variant = Variants.recovery(grid(), "grid", Duration.ofHours(1));
    MonteCarlo over = mc.over(variant);
    assertTrue(over.model() == variant);
    assertEquals(List.of(storm), over.threats());
    assertEquals(9, over.seed());
    assertEquals(500, over.scenarios());
    assertEquals(0.1, over.precision().getAsDouble());
    assertEquals(mc.period(), over.period());
  }
}
