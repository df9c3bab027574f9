/**
 * Cascades over time (docs/cascades.md): a {@link dev.kuja.simulation.Scenario} of disruptions —
 * of a node, of every node of an organisation, or of every node with a tag — is simulated
 * event by event to a horizon. The {@link dev.kuja.simulation.SimulationResult} tells who
 * fails, when, for how long, why (the causal chain back to the disruptions), which MTPDs are
 * breached, and which nodes are locked and need outside help to restart. Start from {@link
 * dev.kuja.simulation.Simulator#of(dev.kuja.model.Model)}.
 */
package dev.kuja.simulation;
