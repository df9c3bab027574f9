package dev.kuja.spark;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The driver's progress lines: blocks merged, scenarios and the running estimate's precision,
 * at most one line per interval and one at the end.
 */
final class Progress {

  /** The least time between two progress lines. */
  static final long INTERVAL = TimeUnit.SECONDS.toNanos(10);

  private final String what;
  private final long started;
  private long last;

  Progress(String what, long now) {
    this.what = what;
    this.started = now;
    this.last = now;
  }

  /** True when a line is due at {@code now}: the interval has passed since the last one. */
  boolean due(long now) {
    if (now - last >= INTERVAL) {
      last = now;
      return true;
    }
    return false;
  }

  /**
   * {@code ensemble: 120 of 391 blocks, 30,720 scenarios in 31.0 s (991 scenarios/s); widest
   * interval half-width 0.0042}: how far the merge has got, and how well every probability is
   * known so far (what a target precision is compared with).
   */
  String line(long blocks, long of, long scenarios, double halfWidth, long now) {
    double seconds = Math.max(1e-9, (now - started) / 1e9);
    return String.format(Locale.ROOT,
        "%s: %,d of %,d blocks, %,d scenarios in %.1f s (%,.0f scenarios/s); widest interval half-width %.4f",
        what, blocks, of, scenarios, seconds, scenarios / seconds, halfWidth);
  }
}
