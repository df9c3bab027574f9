package dev.kuja.simulation;

import dev.kuja.model.Durations;
import dev.kuja.model.Problem;
import java.util.List;

/** Checks shared by the scenario builder and the simulator. */
final class Scenarios {

  private Scenarios() {}

  static void check(List<Disruption> disruptions, List<Problem> problems) {
    for (int i = 0; i < disruptions.size(); i++) {
      Disruption d = disruptions.get(i);
      int index = i;
      String target = d.target().toString();
      if (d.start().isNegative()) {
        problems.add(Problem.disruption(index, target,
            "start must not be negative, not " + Durations.format(d.start())));
      }
      d.duration().ifPresent(len -> {
        if (len.isNegative() || len.isZero()) {
          problems.add(Problem.disruption(index, target, "duration must be positive, not "
              + Durations.format(len) + " (leave it out for an open-ended disruption)"));
        }
      });
      if (d.start().getNano() % 1_000_000 != 0
          || d.duration().filter(len -> len.getNano() % 1_000_000 != 0).isPresent()) {
        problems.add(Problem.disruption(index, target, "times are kept to the millisecond"));
      }
    }
  }
}
