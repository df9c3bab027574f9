// Kuja JShell start-up: imports, two helpers, and the example county loaded as `county`.
// Start with ./examples/jshell/kuja-shell (after `mvn -B -q -DskipTests package`), or
//   jshell --class-path examples/target/kuja-examples.jar --startup DEFAULT --startup examples/jshell/kuja.jsh
import dev.kuja.model.*;
import dev.kuja.analysis.*;
import dev.kuja.simulation.*;
import dev.kuja.scenario.*;
import dev.kuja.iim.*;
import dev.kuja.io.*;
import dev.kuja.io.document.*;
import dev.kuja.io.report.*;
import dev.kuja.examples.*;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Reads a model document (.yaml, .yml or .json). */
Model load(String file) { return ModelDocuments.read(Path.of(file)); }

/** Reads a scenario document and checks it against the model. */
Scenario scenario(String file, Model model) { return ScenarioDocuments.read(Path.of(file), model); }

Model county = ExampleCounty.model();
System.out.println("Kuja: `county` is the example model. Try Analysis.of(county).spofs(\"emergency-care\")");
