package dev.kuja.testing;

import dev.kuja.model.Criticality;
import dev.kuja.model.Model;
import dev.kuja.model.NodeKind;
import dev.kuja.model.Requirement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random small regions for properties: nodes n0… owned by three organisations a, b and c,
 * requirements k-of-n with tolerances of a few hours, cycles allowed. Built from jqwik
 * combinators, so a failing model shrinks to a small one.
 */
public final class RegionalModels {

  /** The organisations of every region. */
  public static final List<String> ORGANISATIONS = List.of("a", "b", "c");

  private RegionalModels() {}

  /** One requirement as drawn: alternatives by index, k, tolerance in hours. */
  public record Req(List<Integer> alternatives, int k, int hours) {}

  /** One node as drawn. */
  public record Spec(int owner, int kind, int criticality, List<Req> requires, int recoveryHours) {}

  private static Arbitrary<Req> requirement(int size, boolean tolerances) {
    return Combinators.combine(
            Arbitraries.integers().between(0, size - 1).list().ofMinSize(1).ofMaxSize(3),
            Arbitraries.integers().between(1, 3),
            tolerances ? Arbitraries.of(0, 0, 1, 2, 5) : Arbitraries.just(0))
        .as(Req::new);
  }

  private static Arbitrary<Spec> node(int size, boolean tolerances) {
    return Combinators.combine(
            Arbitraries.of(0, 0, 0, 1, 2), // a owns half the nodes: the public views are of a
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 3),
            requirement(size, tolerances).list().ofMaxSize(3),
            Arbitraries.of(0, 1, 3))
        .as(Spec::new);
  }

  /** Regions of 3 to {@code max} nodes. */
  public static Arbitrary<Model> regions(int max, boolean tolerances) {
    return Arbitraries.integers().between(3, max)
        .flatMap(size -> node(size, tolerances).list().ofSize(size).map(specs -> build(specs)));
  }

  static Model build(List<Spec> specs) {
    Model.Builder b = Model.builder().name("region of " + specs.size());
    for (String o : ORGANISATIONS) {
      b.organisation(o, "Organisation " + o.toUpperCase());
    }
    for (int v = 0; v < specs.size(); v++) {
      Spec s = specs.get(v);
      int self = v;
      List<Requirement> reqs = new ArrayList<>();
      for (Req r : s.requires()) {
        Set<String> alts = new LinkedHashSet<>();
        for (int a : r.alternatives()) {
          if (a != self) {
            alts.add("n" + a);
          }
        }
        if (!alts.isEmpty()) {
          reqs.add(new Requirement(List.copyOf(alts), Math.min(r.k(), alts.size()), Duration.ofHours(r.hours())));
        }
      }
      NodeKind kind = NodeKind.values()[s.kind()];
      b.node("n" + v, kind, nb -> {
        nb.owner(ORGANISATIONS.get(s.owner())).requirements(reqs).recovery(Duration.ofHours(s.recoveryHours()));
        if (kind == NodeKind.FUNCTION) {
          nb.criticality(Criticality.values()[s.criticality()]);
        }
      });
    }
    return b.build();
  }
}
