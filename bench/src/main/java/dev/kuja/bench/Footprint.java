package dev.kuja.bench;

import dev.kuja.analysis.Analysis;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Requirement;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Prints the memory the frozen (compact) form of a generated model holds, per requirement
 * alternative, measured from outside as the growth of the live heap when the model is first
 * analysed: {@code java -cp bench/target/benchmarks.jar dev.kuja.bench.Footprint 1000000}.
 */
public final class Footprint {

  private Footprint() {}

  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Model m = NationalModels.generate(size, 42);
    long alternatives = 0;
    for (Node n : m.nodes()) {
      for (Requirement r : n.requirements()) {
        alternatives += r.n();
      }
    }
    long before = liveHeap();
    Analysis a = Analysis.of(m); // freezes the compact form
    long frozen = liveHeap() - before;
    System.out.printf("%d nodes, %d requirements, %d alternatives%n", m.size(), m.requirementCount(), alternatives);
    System.out.printf("frozen form and its id index: %d bytes = %.1f bytes per alternative%n",
        frozen, frozen / (double) alternatives);
    System.out.println(a); // keeps the analysis reachable until after the measurement
  }

  private static long liveHeap() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
