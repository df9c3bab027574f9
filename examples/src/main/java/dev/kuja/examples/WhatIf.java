package dev.kuja.examples;

import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Requirement;
import dev.kuja.scenario.Comparison;
import dev.kuja.scenario.EnsembleResult;
import dev.kuja.scenario.FunctionRisk;
import dev.kuja.scenario.MonteCarlo;
import dev.kuja.scenario.Sweep;
import dev.kuja.scenario.Variants;
import dev.kuja.simulation.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What-if, for researchers: how much does a second fuel distributor buy the county when fuel
 * deliveries stop for two weeks (a {@link Comparison})? How much fuel should the hospital's
 * generators hold (a {@link Sweep})? What is the probability that emergency care is down
 * longer than its MTPD in a year ({@link MonteCarlo}), and which failures matter most to it
 * (importance measures)?
 */
public final class WhatIf {

  private WhatIf() {}

  /** The baseline with a second fuel distributor as an alternative wherever fuel is needed. */
  public static Model secondFuelSupplier(Model baseline) {
    Model.Builder b = baseline.toBuilder()
        .name(baseline.name().orElse("baseline") + ", second fuel distributor")
        .organisation("fuel-co-2", "Second fuel distributor", "company")
        .supplier("fuel-delivery-2", s -> s.owner("fuel-co-2").name("Fuel deliveries (second contract)")
            .requires("roads").tolerance("PT12H"));
    for (Node n : baseline.nodes()) {
      List<Requirement> changed = new ArrayList<>();
      boolean uses = false;
      for (Requirement r : n.requirements()) {
        if (r.alternatives().equals(List.of("fuel-delivery"))) {
          changed.add(Requirement.anyOf("fuel-delivery", "fuel-delivery-2").withTolerance(r.tolerance()));
          uses = true;
        } else {
          changed.add(r);
        }
      }
      if (uses) {
        b.edit(n.id(), nb -> nb.requirements(changed));
      }
    }
    return b.build();
  }

  /** The baseline with every site that runs on delivered fuel holding {@code stock} of it. */
  public static Model localFuelStock(Model baseline, Duration stock) {
    Model m = baseline;
    for (Node n : baseline.nodes()) {
      if (n.requirements().stream().anyMatch(r -> r.alternatives().contains("fuel-delivery"))) {
        m = Variants.tolerance(m, n.id(), "fuel-delivery", stock);
      }
    }
    return m;
  }

  public static void main(String[] args) {
    Model baseline = ExampleCounty.model();
    Model variant = secondFuelSupplier(baseline);
    Scenario fuel = ExampleCounty.fuel();

    System.out.println("1. What if the county had a second fuel distributor?");
    Comparison comparison = Comparison.of(baseline, variant, fuel, ExampleCounty.storm());
    System.out.println(comparison);

    System.out.println();
    System.out.println("2. How much fuel should every site that runs on delivered fuel hold?");
    List<Duration> stocks = List.of(Duration.ofHours(24), Duration.ofDays(3), Duration.ofDays(7),
        Duration.ofDays(10), Duration.ofDays(14));
    System.out.println(Sweep.of("fuel stock", stocks, d -> localFuelStock(baseline, d)).run(fuel));

    System.out.println();
    System.out.println("3. A year of failures, 20,000 times (reliability data and threats of the model)");
    MonteCarlo ensemble = MonteCarlo.of(baseline).period("P365D").seed(2026).scenarios(20_000);
    EnsembleResult before = ensemble.run();
    EnsembleResult after = MonteCarlo.of(variant).period("P365D").seed(2026).scenarios(20_000).run();
    System.out.println(before);
    FunctionRisk care = before.function("emergency-care").orElseThrow();
    FunctionRisk careAfter = after.function("emergency-care").orElseThrow();
    System.out.println("emergency-care, P(outage > MTPD) in a year: " + care.mtpdExceeded().orElseThrow()
        + " -> with a second distributor " + careAfter.mtpdExceeded().orElseThrow());

    System.out.println();
    System.out.println("4. Which failures matter most to emergency care?");
    System.out.println(ensemble.importance("emergency-care"));
  }
}
