package dev.kuja.examples;

import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Requirement;
import dev.kuja.simulation.FunctionOutcome;
import dev.kuja.simulation.Scenario;
import dev.kuja.simulation.SimulationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What-if: how much does a second fuel distributor buy the county when fuel deliveries stop for
 * two weeks? The variant is made from the baseline with {@code toBuilder()}; both are simulated
 * on the same scenario and compared function by function.
 */
public final class WhatIf {

  private WhatIf() {}

  /** The baseline with a second fuel distributor as an alternative wherever fuel is needed. */
  public static Model secondFuelSupplier(Model baseline) {
    Model.Builder b = baseline.toBuilder()
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

  public static void main(String[] args) {
    Model baseline = ExampleCounty.model();
    Model variant = secondFuelSupplier(baseline);
    Scenario fuel = ExampleCounty.fuel();
    SimulationResult before = baseline.simulate(fuel);
    SimulationResult after = variant.simulate(fuel);
    System.out.println("What if the county had a second fuel distributor? Scenario: " + fuel.name());
    System.out.printf("%-28s %-12s %-12s %s%n", "function", "downtime", "with 2nd", "MTPD");
    for (FunctionOutcome b : before.functions()) {
      FunctionOutcome a = after.function(b.function()).orElseThrow();
      System.out.printf("%-28s %-12s %-12s %s%n", b.function(), Durations.format(b.downtime()),
          Durations.format(a.downtime()),
          b.mtpdExceeded() == a.mtpdExceeded() ? (b.mtpdExceeded() ? "still breached" : "kept")
              : a.mtpdExceeded() ? "now breached" : "no longer breached");
    }
    System.out.printf("MTPD breaches: %d -> %d%n", before.mtpdBreaches().size(), after.mtpdBreaches().size());
  }
}
