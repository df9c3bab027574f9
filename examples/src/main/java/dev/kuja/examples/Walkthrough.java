package dev.kuja.examples;

import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.Spof;
import dev.kuja.analysis.SpofReport;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.report.ResultsJson;
import dev.kuja.io.document.ScenarioDocuments;
import dev.kuja.model.Criticality;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.simulation.FunctionOutcome;
import dev.kuja.simulation.Scenario;
import dev.kuja.simulation.SimulationResult;
import dev.kuja.simulation.Simulator;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A walkthrough for developers embedding Kuja: read a model, find the single points of failure
 * of its vital functions, simulate a scenario with a listener, and hand the result on as JSON.
 *
 * <p>Run with {@code java -cp examples/target/kuja-examples.jar dev.kuja.examples.Walkthrough
 * [MODEL [SCENARIO]]}; without arguments it uses the bundled example county and storm.
 */
public final class Walkthrough {

  private Walkthrough() {}

  public static void main(String[] args) {
    // 1. Read a model document. Bad input throws a DocumentException listing every problem
    //    with file:line:column; a Model, once you have one, is immutable and valid.
    Model model = args.length > 0 ? ModelDocuments.read(Path.of(args[0])) : ExampleCounty.model();
    System.out.println("1. " + model);

    // 2. Static analysis: the single points of failure of every vital function. Common-cause
    //    SPOFs are the ones that defeat redundancy — the findings nobody sees by eye.
    Analysis analysis = Analysis.of(model);
    System.out.println("\n2. Common-cause single points of failure of vital functions:");
    for (Node f : model.functions()) {
      if (f.criticality().orElseThrow() != Criticality.VITAL) {
        continue;
      }
      SpofReport report = analysis.spofs(f.id());
      for (Spof s : report.commonCause()) {
        System.out.println("   " + f.id() + " <- " + s.node() + ": " + String.join(" -> ", s.path()));
      }
    }

    // 3. A cascade over time, with a listener that sees every change of state.
    Scenario scenario = args.length > 1
        ? ScenarioDocuments.read(Path.of(args[1]), model) : ExampleCounty.storm();
    AtomicInteger changes = new AtomicInteger();
    SimulationResult result = Simulator.of(model)
        .listener((time, node, down, cause) -> changes.incrementAndGet())
        .run(scenario);
    System.out.println("\n3. " + scenario.name() + ": " + changes + " changes of state; MTPD breached by:");
    for (FunctionOutcome f : result.mtpdBreaches()) {
      System.out.println("   " + f);
    }

    // 4. Results are values: hand them to your own code, or on as JSON.
    String json = ResultsJson.simulation(result);
    System.out.println("\n4. The result as JSON is " + json.length() + " characters, starting "
        + json.substring(0, json.indexOf('\n', 40)).replace("\n", " ").strip() + " …");
  }
}
