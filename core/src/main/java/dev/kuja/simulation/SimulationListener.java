package dev.kuja.simulation;

import java.time.Duration;

/**
 * Follows a simulation as it runs: every change of a node's state, in time order. For progress
 * reports and for researchers who want every event.
 */
@FunctionalInterface
public interface SimulationListener {

  /**
   * A node went down or came back.
   *
   * @param time  when
   * @param node  the node's id
   * @param down  true when it went down, false when it came back
   * @param cause why it went down, or why it had gone down when it comes back
   */
  void changed(Duration time, String node, boolean down, Cause cause);
}
