package dev.kuja.engine.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The distinct times of a compact model's tables ({@link CompactModel#distinct}) are those of
 * the stream's {@code distinct().sorted()}: for values that repeat in runs or not, few or many
 * (past the table's growth), negative, zero and the extremes of a long.
 */
class DistinctTimesProperties {

  @Provide
  Arbitrary<long[]> times() {
    Arbitrary<Long> value = Arbitraries.oneOf(
        Arbitraries.longs().between(0, 40).map(m -> m * 60_000L),
        Arbitraries.longs(),
        Arbitraries.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, CompactModel.NEVER));
    return value.list().ofMaxSize(400).map(l -> l.stream().mapToLong(Long::longValue).toArray());
  }

  @Property(tries = 1000)
  void areTheDistinctValuesInOrder(@ForAll("times") long[] values) {
    assertArrayEquals(Arrays.stream(values).distinct().sorted().toArray(), CompactModel.distinct(values));
  }

  @Property(tries = 50)
  void manyDistinctValuesToo(@ForAll("times") long[] values) {
    long[] many = new long[values.length * 40];
    for (int i = 0; i < many.length; i++) {
      many[i] = values.length == 0 ? i : values[i % values.length] + i / values.length;
    }
    assertArrayEquals(Arrays.stream(many).distinct().sorted().toArray(), CompactModel.distinct(many));
  }
}
