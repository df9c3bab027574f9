package dev.kuja.bench;

import dev.kuja.internal.CompactModel;
import dev.kuja.model.Model;

/**
 * Prints the memory of the frozen (compact) form of generated models, per requirement
 * alternative: {@code java -cp bench/target/benchmarks.jar dev.kuja.bench.Footprint 1000000}.
 */
public final class Footprint {

  private Footprint() {}

  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Model m = NationalModels.generate(size, 42);
    CompactModel cm = CompactModel.of(m);
    long alternatives = cm.alts.length;
    long arrays = cm.footprintBytes();
    System.out.printf("%d nodes, %d requirements, %d alternatives%n", cm.n, cm.r, alternatives);
    System.out.printf("frozen arrays: %d bytes = %.1f bytes per alternative%n", arrays, arrays / (double) alternatives);
    long index = cm.indexFootprintBytes();
    System.out.printf("with the id index (HashMap, ids shared with the model): %d bytes = %.1f bytes per alternative%n",
        arrays + index, (arrays + index) / (double) alternatives);
  }
}
