/**
 * What-if and stochastic analyses (docs/stochastic.md).
 *
 * <ul>
 *   <li>{@link dev.kuja.scenario.Comparison}: a baseline model and a variant (made with {@code
 *       model.toBuilder()} or the helpers of {@link dev.kuja.scenario.Variants}) under the same
 *       scenarios — per function, the SPOFs gained and lost and the change in downtime and MTPD
 *       breaches.
 *   <li>{@link dev.kuja.scenario.Sweep}: one parameter over a range (fuel stock 24 h … 14 d),
 *       the classic sensitivity table.
 *   <li>{@link dev.kuja.scenario.MonteCarlo}: disruptions sampled from the nodes' reliability
 *       data and from the model's {@link dev.kuja.model.Threat threats}, simulated over a study
 *       period; seeded, reproducible whatever the thread count; per function the probability of
 *       going down, of exceeding the MTPD, of reaching each impact level, and the distribution
 *       of downtime, each with a confidence interval.
 *   <li>{@link dev.kuja.scenario.RiskMatrix}: per threat and for all causes together, the
 *       annual probability that each function reaches each impact level, placed on the
 *       five-by-five matrix of likelihood classes and impact levels (docs/risk.md).
 *   <li>{@link dev.kuja.scenario.Importance}: Birnbaum, Fussell–Vesely, risk achievement and
 *       risk reduction worth of every basic event for one function, exactly (enumeration, up to
 *       {@value dev.kuja.scenario.ImportanceReport#MAX_EXACT_EVENTS} basic events) or by sampling.
 * </ul>
 */
package dev.kuja.scenario;
