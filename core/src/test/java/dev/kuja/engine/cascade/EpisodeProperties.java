package dev.kuja.engine.cascade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.kuja.engine.graph.CompactModel;
import dev.kuja.model.Model;
import dev.kuja.testing.KujaDomain;
import dev.kuja.testing.Slots;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import net.jqwik.api.statistics.Statistics;

/**
 * An episode — the cascade of one disruption, kept in a form valid for an interval of lengths —
 * is, for every length in its interval, exactly what the engine simulates for that disruption
 * alone: the same outages, node by node, from and to.
 */
@Domain(DomainContext.Global.class)
@Domain(KujaDomain.class)
class EpisodeProperties {

  private static List<String> outages(CascadeEngine.Outages o) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < o.size(); i++) {
      out.add(o.node(i) + ":" + o.from(i) + ".." + o.to(i));
    }
    out.sort(null);
    return out;
  }

  private static List<String> outages(CascadeEngine.Episode e, long start, long end) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < e.size(); i++) {
      out.add(e.node()[i] + ":" + CascadeEngine.Episode.at(e.from()[i], start, end) + ".."
          + CascadeEngine.Episode.at(e.to()[i], start, end));
    }
    out.sort(null);
    return out;
  }

  /** A node still down at the horizon, or one whose state still changes late. */
  private static boolean anyOpenOrLate(CascadeEngine.Outages o, long late) {
    for (int i = 0; i < o.size(); i++) {
      if (o.to(i) == CompactModel.NEVER || o.to(i) > late) {
        return true;
      }
    }
    return false;
  }

  @Property(tries = 500)
  void anEpisodeIsTheCascadeOfEveryLengthInItsInterval(
      @ForAll Model m, @ForAll @IntRange(min = 0, max = 11) int unit,
      @ForAll @IntRange(min = 1, max = 12 * 60) int minutes,
      @ForAll @IntRange(min = 0, max = 48) int startHours, @ForAll @IntRange(min = 0, max = 999) int pick) {
    CompactModel cm = CompactModel.of(m);
    int v = cm.index(Slots.node(m, unit).id());
    long length = minutes * 60_000L;
    Optional<CascadeEngine.Episode> episode = CascadeEngine.episode(cm, new int[] {v}, length);
    CascadeEngine.Episode e = episode.orElseThrow();
    Statistics.label("episode").collect(e.settles() ? "settles" : "does not settle");
    assertTrue(e.holdsFor(length), () -> e.validFrom() + ".." + e.validTo() + " lacks " + length);
    long week = 7 * 24 * 3_600_000L;
    long low = Math.max(e.validFrom(), length - week);
    long high = Math.min(e.validTo(), length + week);
    long inside = low + (high - low) * pick / 999;
    long start = startHours * 3_600_000L;
    for (long other : new long[] {length, low, high, inside}) {
      // a horizon long after every time of the episode's form (a week past the disruption's
      // end): a cascade that does not settle is still going then
      long horizon = start + other + week;
      CascadeEngine full = new CascadeEngine(cm, new int[][] {{v}}, new long[] {start},
          new long[] {start + other}, horizon, null);
      full.run();
      if (e.settles()) {
        assertEquals(outages(full.outages()), outages(e, start, start + other),
            () -> "length " + other + " in " + e.validFrom() + ".." + e.validTo() + " of " + m);
      } else {
        assertTrue(anyOpenOrLate(full.outages(), start + other + week / 2),
            () -> "length " + other + " settles in " + m);
      }
    }
    Statistics.label("interval").collect(e.validTo() == Long.MAX_VALUE ? "unbounded above"
        : e.validFrom() == e.validTo() ? "one length" : "bounded");
  }

  /**
   * The cache answers with the functions' outages of the episode that holds the length, the
   * same object for every length of its interval, and the time after which nothing is down.
   */
  @Property(tries = 300)
  void theCacheKeepsTheFunctionsOfAnEpisode(
      @ForAll Model m, @ForAll @IntRange(min = 0, max = 11) int unit,
      @ForAll @IntRange(min = 1, max = 12 * 60) int minutes) {
    CompactModel cm = CompactModel.of(m);
    int[] nodes = {cm.index(Slots.node(m, unit).id())};
    long length = minutes * 60_000L;
    EpisodeCache cache = EpisodeCache.of(cm);
    CascadeEngine engine = CascadeEngine.reusable(cm);
    EpisodeCache.Functions f = cache.functions(nodes, length, engine).orElseThrow();
    assertTrue(f.validFrom() <= length && length <= f.validTo());
    assertTrue(f == cache.functions(nodes, f.validFrom(), engine).orElseThrow(), "the same episode");
    assertTrue(f == cache.functions(nodes.clone(), f.validTo(), engine).orElseThrow(), "by the unit's nodes");
    if (!f.settles()) {
      return;
    }
    long start = 3_600_000L;
    CascadeEngine full = new CascadeEngine(cm, new int[][] {nodes}, new long[] {start},
        new long[] {start + length}, CompactModel.NEVER, null);
    full.run();
    List<String> expected = new ArrayList<>();
    long settled = start;
    for (int i = 0; i < full.outages().size(); i++) {
      settled = Math.max(settled, full.outages().to(i));
      if (cm.isFunction(full.outages().node(i))) {
        expected.add(full.outages().node(i) + ":" + full.outages().from(i) + ".." + full.outages().to(i));
      }
    }
    List<String> actual = new ArrayList<>();
    for (int i = 0; i < f.node().length; i++) {
      actual.add(f.node()[i] + ":" + CascadeEngine.Episode.at(f.from()[i], start, start + length) + ".."
          + CascadeEngine.Episode.at(f.to()[i], start, start + length));
    }
    expected.sort(null);
    actual.sort(null);
    assertEquals(expected, actual);
    assertEquals(settled, f.settled(start, start + length));
  }
}
