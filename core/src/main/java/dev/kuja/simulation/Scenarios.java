package dev.kuja.simulation;

import dev.kuja.model.Durations;
import dev.kuja.model.Problem;
import java.time.Duration;
import java.util.List;

/** Checks shared by the scenario builder and the simulator. */
final class Scenarios {

  private Scenarios() {}

  /** The horizon: positive, to the millisecond, within {@link Durations#MAX}. */
  static void checkHorizon(String name, Duration horizon, List<Problem> problems) {
    if (horizon.isNegative() || horizon.isZero()) {
      problems.add(Problem.scenario(name, "horizon", "must be positive, not " + Durations.format(horizon)));
    } else {
      Durations.check(horizon).ifPresent(p -> problems.add(Problem.scenario(name, "horizon", "horizon " + p)));
    }
  }

  /**
   * The disruptions: start not negative, duration positive, both to the millisecond and within
   * {@link Durations#MAX}, and, when the horizon is known, starting before it (a disruption
   * from the horizon on would change nothing, which is surely not what was meant).
   */
  static void check(List<Disruption> disruptions, Duration horizon, List<Problem> problems) {
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
      if (d.start().compareTo(Durations.MAX) > 0
          || d.duration().filter(len -> len.compareTo(Durations.MAX) > 0).isPresent()) {
        problems.add(Problem.disruption(index, target, "times must be at most "
            + Durations.format(Durations.MAX)));
      }
      if (horizon != null && !d.start().isNegative() && d.start().compareTo(horizon) >= 0) {
        problems.add(Problem.disruption(index, target, startsTooLate(d.start(), horizon)));
      }
    }
  }

  /** The message for a disruption that starts at or after the horizon. */
  static String startsTooLate(Duration start, Duration horizon) {
    return "starts at " + Durations.format(start) + ", not before the horizon "
        + Durations.format(horizon) + ", so it would change nothing; start it earlier or lengthen"
        + " the horizon";
  }
}
