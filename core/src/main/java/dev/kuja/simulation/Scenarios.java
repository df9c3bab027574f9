package dev.kuja.simulation;

import dev.kuja.model.Durations;
import java.util.List;

/** Checks shared by the scenario builder and the simulator. */
final class Scenarios {

  private Scenarios() {}

  static void check(List<Disruption> disruptions, List<String> problems) {
    for (int i = 0; i < disruptions.size(); i++) {
      Disruption d = disruptions.get(i);
      String where = "disruption " + (i + 1) + " (" + d.target() + ")";
      if (d.start().isNegative()) {
        problems.add(where + ": start must not be negative, not " + Durations.format(d.start()));
      }
      d.duration().ifPresent(len -> {
        if (len.isNegative() || len.isZero()) {
          problems.add(where + ": duration must be positive, not " + Durations.format(len)
              + " (leave it out for an open-ended disruption)");
        }
      });
      if (d.start().getNano() % 1_000_000 != 0
          || d.duration().filter(len -> len.getNano() % 1_000_000 != 0).isPresent()) {
        problems.add(where + ": times are kept to the millisecond");
      }
    }
  }
}
