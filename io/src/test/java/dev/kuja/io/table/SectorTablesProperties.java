package dev.kuja.io.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kuja.iim.InterdependencyMatrix;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A sector matrix written as CSV reads back to an equal matrix, whatever its ids and numbers. */
class SectorTablesProperties {

  @Provide
  Arbitrary<InterdependencyMatrix> matrices() {
    // ids with the characters CSV must quote (comma, quote, line break) and none at the ends that trimming would eat
    Arbitrary<String> id = Arbitraries.strings().withChars("abcxyz019-_ ,\"\n\r.äö€")
        .ofMinLength(1).ofMaxLength(8).map(String::strip).filter(s -> !s.isEmpty());
    return Arbitraries.integers().between(1, 7).flatMap(n -> Combinators.combine(
        id.list().ofSize(n).uniqueElements(),
        Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.doubles().between(0, 1).ofScale(17), anyDouble())
            .array(double[].class).ofSize(n * n))
        .as((ids, cells) -> {
          double[][] a = new double[n][n];
          for (int i = 0; i < n; i++) {
            System.arraycopy(cells, i * n, a[i], 0, n);
          }
          return InterdependencyMatrix.of(ids, a);
        }));
  }

  /** Every finite double ≥ 0, subnormal and huge ones included, by its bits. */
  static Arbitrary<Double> anyDouble() {
    return Arbitraries.longs().between(0, Double.doubleToLongBits(Double.MAX_VALUE)).map(Double::longBitsToDouble);
  }

  @Property(tries = 500)
  void aWrittenMatrixReadsBackEqual(@ForAll("matrices") InterdependencyMatrix m) {
    assertEquals(m, SectorTables.readMatrix(SectorTables.write(m), "m.csv"));
  }

  @Property(tries = 50)
  void theIdsKeepTheirOrder(@ForAll("matrices") InterdependencyMatrix m) {
    List<String> ids = SectorTables.readMatrix(SectorTables.write(m), "m.csv").sectors();
    assertEquals(m.sectors(), ids);
  }
}
