package dev.kuja.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * kuja-spark uses only Kuja's exported API, never the engines of core or the syntax tree of io
 * (docs/architecture.md): it is not a named module, so the compiler would let it through.
 */
class PublicApiOnlyTest {

  @Test
  void usesOnlyExportedPackages() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("dev.kuja.engine..", "dev.kuja.io.syntax..")
        .check(new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.kuja.spark"));
  }
}
