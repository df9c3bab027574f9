package dev.kuja.spark;

import dev.kuja.io.Format;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.model.Model;
import dev.kuja.model.Threat;
import dev.kuja.scenario.MonteCarlo;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * An ensemble as it travels to the executors, once, in a broadcast: its model as a JSON
 * document — with the ensemble's threats (the model's, then those added) as the model's own, in
 * the order the ensemble samples them — and the period, seed and number of scenarios. An
 * executor reads the document back on first use and keeps the ensemble for every block it
 * simulates; the blocks are those of the ensemble it was made from (docs/stochastic.md#the-spark-runner).
 */
final class ShippedEnsemble implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String document;
  private final Duration period;
  private final long seed;
  private final long scenarios;
  /** The ensemble read back, once per JVM. */
  private transient volatile MonteCarlo ensemble;

  private ShippedEnsemble(String document, Duration period, long seed, long scenarios) {
    this.document = document;
    this.period = period;
    this.seed = seed;
    this.scenarios = scenarios;
  }

  /** What an executor needs of {@code ensemble} to simulate its blocks. */
  static ShippedEnsemble of(MonteCarlo ensemble) {
    return new ShippedEnsemble(ModelDocuments.write(sampled(ensemble), Format.JSON), ensemble.period(),
        ensemble.seed(), ensemble.scenarios());
  }

  /**
   * The ensemble's model with the ensemble's threats as its own: sampled by a plain {@code
   * MonteCarlo.of(model)}, its units come in the ensemble's order — the nodes with reliability
   * data, then the model's threats, then those added (externals keep their declarations).
   */
  static Model sampled(MonteCarlo ensemble) {
    Model model = ensemble.model();
    List<Threat> threats = ensemble.threats();
    if (threats.equals(model.threats())) {
      return model;
    }
    // the model as it is (externals and their commitments included), then the added threats
    Model.Builder b = model.toBuilder();
    threats.subList(model.threats().size(), threats.size()).forEach(b::threat);
    return b.build();
  }

  /** The ensemble, read from the document on first use in this JVM. */
  MonteCarlo ensemble() {
    MonteCarlo e = ensemble;
    if (e == null) {
      synchronized (this) {
        e = ensemble;
        if (e == null) {
          Model model = ModelDocuments.read(document, "the ensemble's model", Format.JSON);
          e = MonteCarlo.of(model).period(period).seed(seed).scenarios(scenarios).force();
          ensemble = e;
        }
      }
    }
    return e;
  }

  /** The size of the document, in characters. */
  int documentLength() {
    return document.length();
  }

  @Override
  public String toString() {
    return "ensemble of " + scenarios + " scenarios, seed " + seed + ", model document of "
        + document.length() + " characters";
  }
}
