package dev.kuja.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.kuja.analysis.Analysis;
import dev.kuja.fixture.a.Ping;
import dev.kuja.fixture.b.Pong;
import dev.kuja.model.fixture.ModelThatAnalyses;
import org.junit.jupiter.api.Test;

/**
 * The shape of the house (docs/architecture.md): packages depend one way — model ← engines ←
 * analysis, simulation ← scenario ← report ← io ← cli, and model ← iim ← io beside them — with
 * no cycles, and the engines and the syntax under io's documents are reached by no one outside
 * their module.
 */
class ArchitectureTest {

  /** Kuja's own classes from core, io and this module, without tests. */
  private static final JavaClasses KUJA = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("dev.kuja");

  /** The layers of docs/architecture.md, each looking only down. */
  static final ArchRule LAYERS = layeredArchitecture()
      .consideringOnlyDependenciesInLayers()
      .withOptionalLayers(true)
      .layer("model").definedBy("dev.kuja.model..")
      .layer("engines").definedBy("dev.kuja.engine..")
      .layer("analysis").definedBy("dev.kuja.analysis..")
      .layer("simulation").definedBy("dev.kuja.simulation..")
      .layer("scenario").definedBy("dev.kuja.scenario..")
      .layer("region").definedBy("dev.kuja.region..")
      .layer("report").definedBy("dev.kuja.report..")
      .layer("iim").definedBy("dev.kuja.iim..")
      .layer("io").definedBy("dev.kuja.io..")
      .layer("cli").definedBy("dev.kuja.cli..")
      .whereLayer("model").mayNotAccessAnyLayer()
      .whereLayer("engines").mayOnlyAccessLayers("model")
      .whereLayer("analysis").mayOnlyAccessLayers("model", "engines")
      .whereLayer("simulation").mayOnlyAccessLayers("model", "engines")
      .whereLayer("scenario").mayOnlyAccessLayers("model", "engines", "analysis", "simulation")
      .whereLayer("region").mayOnlyAccessLayers("model", "analysis", "simulation", "scenario")
      .whereLayer("report").mayOnlyAccessLayers("model", "analysis", "simulation", "scenario", "region")
      .whereLayer("iim").mayOnlyAccessLayers("model")
      .whereLayer("io").mayOnlyAccessLayers("model", "analysis", "simulation", "scenario", "region", "report", "iim")
      .whereLayer("cli").mayOnlyAccessLayers("model", "analysis", "simulation", "scenario", "region", "report", "iim", "io");

  /** No two packages need each other. */
  static final ArchRule NO_CYCLES = slices().matching("dev.kuja.(**)").should().beFreeOfCycles();

  /** The located YAML/JSON tree is io's own business. */
  static final ArchRule SYNTAX_STAYS_IN_IO = noClasses()
      .that().resideOutsideOfPackage("dev.kuja.io..")
      .should().dependOnClassesThat().resideInAPackage("dev.kuja.io.syntax..");

  /** Every class lives in a package the layers name, so a new package cannot slip past them. */
  static final ArchRule EVERY_PACKAGE_IS_PLACED = classes()
      .should().resideInAnyPackage("dev.kuja.model..", "dev.kuja.engine..", "dev.kuja.analysis..",
          "dev.kuja.simulation..", "dev.kuja.scenario..", "dev.kuja.region..", "dev.kuja.report..", "dev.kuja.iim..", "dev.kuja.io..",
          "dev.kuja.cli..");

  @Test
  void layersLookOnlyDown() {
    LAYERS.check(KUJA);
  }

  @Test
  void noPackageCycles() {
    NO_CYCLES.check(KUJA);
  }

  @Test
  void onlyIoReadsTheSyntaxTree() {
    SYNTAX_STAYS_IN_IO.check(KUJA);
  }

  @Test
  void everyPackageHasAPlace() {
    EVERY_PACKAGE_IS_PLACED.check(KUJA);
  }

  @Test
  void theRulesCatchAModelThatKnowsAnAlgorithm() {
    JavaClasses bad = new ClassFileImporter().importClasses(ModelThatAnalyses.class, Analysis.class);
    AssertionError e = assertThrows(AssertionError.class, () -> LAYERS.check(bad));
    assertTrue(e.getMessage().contains("ModelThatAnalyses"), e.getMessage());
  }

  @Test
  void theRulesCatchACycle() {
    JavaClasses bad = new ClassFileImporter().importClasses(Ping.class, Pong.class);
    AssertionError e = assertThrows(AssertionError.class, () -> NO_CYCLES.check(bad));
    assertTrue(e.getMessage().contains("Cycle"), e.getMessage());
  }
}
