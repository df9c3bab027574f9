/**
 * Sector-level inoperability: the Leontief-based inoperability input–output model (IIM) and its
 * dynamic form with recovery (DIIM), a second engine beside the binary one (docs/iim.md).
 *
 * <p>Where the rest of Kuja asks whether a node operates or not, this package asks how much of
 * each economic sector — energy, transport, health, food, finance — is inoperable, as a share in
 * [0, 1], when a disruption reduces the demand for (or the output of) some of them. The sectors'
 * interdependencies come from a national input–output table or from a Kuja model whose nodes
 * carry a {@code sector} attribute.
 *
 * <ul>
 *   <li>{@link dev.kuja.iim.InterdependencyMatrix}: A*, the share of each sector's inoperability
 *       caused by each other's, read from a table of A*, derived from a transactions table and
 *       total outputs, or derived from a model.
 *   <li>{@link dev.kuja.iim.Iim}: the static model, checked to be solvable (spectral radius of A*
 *       below 1); {@link dev.kuja.iim.Iim#solve} gives the {@link dev.kuja.iim.StaticSolution}
 *       q = (I − A*)⁻¹ c*.
 *   <li>{@link dev.kuja.iim.DynamicIim}: q(t) step by step with each sector's recovery time,
 *       giving a {@link dev.kuja.iim.Timeline} and each sector's economic-loss-like impact, the
 *       integral of q over the horizon.
 * </ul>
 *
 * <p>Sources: Haimes &amp; Jiang (2001), Leontief-based model of risk in complex interconnected
 * infrastructures, J. Infrastructure Systems 7(1); Santos &amp; Haimes (2004), Modeling the demand
 * reduction input–output inoperability due to terrorism of interconnected infrastructures, Risk
 * Analysis 24(6); Lian &amp; Haimes (2006), Managing the risk of terrorism to interdependent
 * infrastructure systems through the dynamic inoperability input–output model, Systems
 * Engineering 9(3).
 */
package dev.kuja.iim;
