package dev.kuja.scenario;

import java.util.Locale;
import java.util.Objects;

/**
 * How much one basic event — a node's failure, or a threat — matters to a
 * function, in the four measures of probabilistic safety assessment. With Q the probability
 * that the function is down (see {@link ImportanceReport}), Q₁ the same with the event certain
 * and Q₀ with the event impossible:
 *
 * @param event                the node id, or {@code threat:ID} for a threat
 * @param probability          the event's mean unavailability over the period
 * @param birnbaum             Birnbaum importance Q₁ − Q₀: how much the function's risk moves
 *                             with this event
 * @param fussellVesely        Fussell–Vesely (Q − Q₀) / Q: the share of the risk this event
 *                             contributes to (0 when Q = 0)
 * @param riskAchievementWorth RAW Q₁ / Q: how much worse it gets if the event happens (1 when
 *                             Q = 0 and Q₁ = 0, infinite when only Q = 0)
 * @param riskReductionWorth   RRW Q / Q₀: how much better it gets if the event is prevented
 *                             (infinite when Q₀ = 0 &lt; Q, 1 when both are 0)
 */
public record NodeImportance(
    String event, double probability, double birnbaum, double fussellVesely,
    double riskAchievementWorth, double riskReductionWorth) {

  public NodeImportance {
    Objects.requireNonNull(event, "event");
  }

  /** The measures from Q, Q₁ and Q₀, with the conventions above for zero denominators. */
  static NodeImportance of(String event, double probability, double q, double q1, double q0) {
    // the model is coherent (more failures never mean less impact): q0 <= q <= q1; clamp the
    // rounding of sums of products
    q0 = q - q0 <= 1e-12 * q ? q : q0;
    q1 = q1 - q <= 1e-12 * q1 ? q : q1;
    double fv = q > 0 ? (q - q0) / q : 0;
    double raw = q > 0 ? q1 / q : (q1 > 0 ? Double.POSITIVE_INFINITY : 1);
    double rrw = q0 > 0 ? q / q0 : (q > 0 ? Double.POSITIVE_INFINITY : 1);
    return new NodeImportance(event, probability, q1 - q0, fv, raw, rrw);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s (p=%.4g): Birnbaum %.4g, FV %.4g, RAW %.4g, RRW %.4g",
        event, probability, birnbaum, fussellVesely, riskAchievementWorth, riskReductionWorth);
  }
}
