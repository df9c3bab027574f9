package dev.kuja.engine.cascade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kuja.engine.graph.CompactModel;
import dev.kuja.model.Model;
import dev.kuja.testing.KujaDomain;
import dev.kuja.testing.Slots;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;

/**
 * An engine reused for one simulation after another ({@link CascadeEngine#reusable}) gives
 * each exactly what a new engine gives: the same outages in the same order, with their causes,
 * and the same episodes — whatever the simulations before it left behind.
 */
@Domain(DomainContext.Global.class)
@Domain(KujaDomain.class)
class ReusedEngineProperties {

  /** A disruption as drawn: a node by reference, a start and a length in minutes (0: open). */
  record Draw(int node, int start, int minutes) {}

  @Provide
  Arbitrary<List<List<Draw>>> runs() {
    Arbitrary<Draw> draw = Combinators.combine(Arbitraries.integers().between(0, 11),
        Arbitraries.integers().between(0, 1200), Arbitraries.integers().between(0, 900)).as(Draw::new);
    return draw.list().ofMinSize(1).ofMaxSize(4).list().ofMinSize(1).ofMaxSize(5);
  }

  private static String outages(CascadeEngine.Outages o) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < o.size(); i++) {
      sb.append(o.node(i)).append(':').append(o.from(i)).append("..").append(o.to(i)).append(' ')
          .append(o.causeKind(i)).append('/').append(o.causeRef(i)).append('/')
          .append(o.causeTrigger(i)).append('/').append(o.causeSince(i)).append('\n');
    }
    return sb.toString();
  }

  @Property(tries = 500)
  void aReusedEngineSimulatesAsANewOne(@ForAll Model m, @ForAll("runs") List<List<Draw>> runs) {
    CompactModel cm = CompactModel.of(m);
    CascadeEngine reused = CascadeEngine.reusable(cm);
    long horizon = 36 * 3_600_000L;
    for (List<Draw> run : runs) {
      int[][] nodes = new int[run.size()][];
      long[] start = new long[run.size()];
      long[] end = new long[run.size()];
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < run.size(); i++) {
        Draw d = run.get(i);
        String id = Slots.node(m, d.node()).id();
        ids.add(id);
        nodes[i] = new int[] {cm.index(id)};
        start[i] = d.start() * 60_000L;
        end[i] = d.minutes() == 0 ? CompactModel.NEVER : start[i] + d.minutes() * 60_000L;
      }
      CascadeEngine fresh = new CascadeEngine(cm, nodes, start, end, horizon, null);
      fresh.run();
      reused.reset(nodes, start, end, horizon).run();
      assertEquals(outages(fresh.outages()), outages(reused.outages()),
          () -> "disruptions of " + ids + " after others, in " + m);
      // and an episode of the first disruption's node, of its length (or 3 h when open)
      long length = run.get(0).minutes() == 0 ? 3 * 3_600_000L : run.get(0).minutes() * 60_000L;
      assertEquals(episode(CascadeEngine.episode(cm, nodes[0], length)),
          episode(reused.episode(nodes[0], length)), () -> "episode of " + ids.get(0) + " in " + m);
    }
  }

  private static String episode(Optional<CascadeEngine.Episode> episode) {
    CascadeEngine.Episode e = episode.orElseThrow();
    return e.validFrom() + ".." + e.validTo() + (e.settles() ? " settles " : " does not settle ")
        + Arrays.toString(e.node()) + Arrays.toString(e.from()) + Arrays.toString(e.to());
  }

  @Example
  void anEngineMadeForOneRunIsNotReset() {
    CompactModel cm = CompactModel.of(Model.builder().resource("grid").build());
    CascadeEngine once = new CascadeEngine(cm, new int[0][], new long[0], new long[0], 1, null);
    assertThrows(IllegalStateException.class,
        () -> once.reset(new int[0][], new long[0], new long[0], 1));
  }
}
