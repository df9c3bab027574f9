package dev.kuja.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.kuja.analysis.Analysis;
import dev.kuja.io.document.ModelDocuments;
import dev.kuja.io.report.TextReport;
import dev.kuja.model.Model;
import dev.kuja.model.ModelValidationException;
import dev.kuja.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The README's Java example prints what the README says it prints. */
class ReadmeTest {

  @Test
  void javaExample() {
    Model model = Model.builder()
        .organisation("county", "Wellbeing services county", "wellbeing-services-county")
        .supplier("fuel")
        .resource("gen-a", r -> r.owner("county").requires("fuel").tolerance("PT72H"))
        .resource("gen-b", r -> r.owner("county").requires("fuel").tolerance("PT72H"))
        .function("emergency-care", f -> f.owner("county").criticality("vital").mtpd("PT4H")
            .requiresAny("gen-a", "gen-b"))
        .build();
    assertEquals("SPOFs of emergency-care: 1 (0 direct, 1 common-cause)\n"
        + "  common-cause  fuel                     fuel -> gen-b -> emergency-care",
        Analysis.of(model).spofs("emergency-care").toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void validationExample() {
    Executable build = () -> Model.builder()
        .resource("grid")
        .function("care", f -> f.criticality("vital").mtpd("PT4H").rto("PT6H").requires("grdi"))
        .build();
    ModelValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
        ModelValidationException.class, build);
    assertEquals("The model has 2 problems:\n"
        + "  - node 'care' (rto): RTO PT6H is longer than MTPD PT4H; the recovery objective must "
        + "fit inside the tolerable disruption\n"
        + "  - node 'care', requirement 1 (alternatives): names 'grdi', which is not a node; "
        + "did you mean 'grid'?", e.getMessage());
    assertTrue(e.problems().get(1).element().index().isPresent());
  }

  @Test
  void regionalExample() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md")).replace("\r\n", "\n");
    String report = TextReport.render(Report.of(ModelDocuments.read(Path.of("..", "examples", "region", "region.yaml"))));
    String sections = report.substring(report.indexOf("COORDINATION: WHO MUST PLAN WITH WHOM"),
        report.indexOf("\nRISK MATRIX")).stripTrailing();
    assertTrue(readme.contains(sections + "\n```"), "the README shows the coordination and commitments of the example region "
        + "as kuja report prints them:\n" + sections);
  }
}
