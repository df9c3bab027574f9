package dev.kuja.examples;

import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.SpofReport;
import dev.kuja.model.Model;
import dev.kuja.model.Node;

/**
 * The main job: the continuity analysis of the bundled example model — its single points of
 * failure per critical function, the top of the criticality ranking, the risky interfaces
 * between organisations — and what a 48-hour storm does to it over a week.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Model model = ExampleCounty.model();
    Analysis analysis = model.analyse();
    System.out.println(model);
    System.out.println();
    for (Node f : model.functions()) {
      SpofReport spofs = analysis.spofs(f.id());
      System.out.println(spofs);
      System.out.println();
    }
    System.out.println(analysis.ranking());
    System.out.println();
    System.out.println(analysis.cutSets("emergency-care", 2));
    System.out.println();
    System.out.println(analysis.interfaces());
    System.out.println();
    System.out.println(ExampleCounty.storm());
    System.out.println(model.simulate(ExampleCounty.storm()));
  }
}
