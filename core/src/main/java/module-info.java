/**
 * Kuja core: the continuity model and everything computed from it.
 *
 * <p>Exported, in layers that only look down: {@code dev.kuja.model} (the data: organisations,
 * functions, resources, suppliers, requirements, problems), {@code dev.kuja.analysis} (static
 * analyses: impact, failure times, single points of failure, minimal failure sets, ranking,
 * closures, interfaces), {@code dev.kuja.simulation} (cascades over time), {@code
 * dev.kuja.scenario} (variants, comparisons, sweeps, Monte Carlo ensembles, importance), {@code
 * dev.kuja.region} (documents of several organisations: commitments, public views) and
 * {@code dev.kuja.report} (the whole-model report, computed once). Beside them, {@code
 * dev.kuja.iim} is the sector-level inoperability input–output model (static and dynamic), which
 * reads only the model. The engines under {@code
 * dev.kuja.engine} (the compact frozen form and the propagation, failure-set and cascade
 * algorithms) are not exported: they may change in any release.
 */
module dev.kuja.core {
  requires com.google.common;
  requires transitive org.jgrapht.core;
  requires org.slf4j;
  // EJML has no module descriptor: its automatic modules are named after its jars
  requires ejml.core;
  requires ejml.ddense;

  exports dev.kuja.model;
  exports dev.kuja.analysis;
  exports dev.kuja.simulation;
  exports dev.kuja.scenario;
  exports dev.kuja.region;
  exports dev.kuja.report;
  exports dev.kuja.iim;
}
