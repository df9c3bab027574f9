package dev.kuja.region;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kuja.model.External;
import dev.kuja.model.Model;
import dev.kuja.model.NodeKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Commitments checked against the providers' models (docs/regional.md#checking-commitments). */
class CommitmentsTest {

  static Model.Builder county() {
    return Model.builder()
        .from("county.yaml")
        .organisation("county", "County").organisation("power-co", "Power company")
        .organisation("fuel-co", "Fuel distributor").organisation("tele-co", "Telecom operator")
        .function("care", f -> f.owner("county").criticality("vital").requires("grid").requires("telecom"))
        .resource("generator", r -> r.owner("county").requires("fuel").tolerance("P3D"))
        .external(External.of("grid", NodeKind.RESOURCE, "power-co").withRto(Duration.ofHours(4)))
        .external(External.of("fuel", NodeKind.SUPPLIER, "fuel-co").withRto(Duration.ofDays(2))
            .withTolerance(Duration.ofHours(24)))
        .external(External.of("telecom", NodeKind.RESOURCE, "tele-co").withRto(Duration.ofHours(8)))
        .external(External.of("roads", NodeKind.RESOURCE, "county"));
  }

  @Test
  void aloneNothingCanBeChecked() {
    Commitments c = Commitments.of(county().build());
    assertEquals(3, c.checks().size(), "roads carries no commitment");
    assertEquals(List.of(Commitments.Status.UNCHECKED, Commitments.Status.UNCHECKED, Commitments.Status.UNCHECKED),
        c.checks().stream().map(Commitments.Check::status).toList());
    assertEquals("grid from power-co (declared in county.yaml): RTO PT4H — not checked, the provider's "
        + "document is not part of the model", c.checks().get(0).toString());
  }

  @Test
  void composedTheProvidersModelsAreAsked() {
    Model m = county()
        .from("power.yaml").resource("grid", r -> r.owner("power-co").recovery("PT6H"))
        .from("fuel.yaml")
        .supplier("fuel", s -> s.owner("fuel-co").requires("drivers").tolerance("PT12H").requires("depot"))
        .resource("drivers", r -> r.owner("fuel-co"))
        .supplier("depot", s -> s.owner("fuel-co"))
        .from("tele.yaml").resource("telecom", r -> r.owner("tele-co").recovery("PT1H"))
        .build();
    Commitments c = Commitments.of(m);
    assertEquals(List.of(Commitments.Status.MISMATCH, Commitments.Status.MISMATCH, Commitments.Status.KEPT),
        c.checks().stream().map(Commitments.Check::status).toList());
    assertEquals(List.of("'grid' takes PT6H to recover once its cause is gone, longer than the PT4H committed"),
        c.checks().get(0).findings());
    // the depot is a serial dependency with no buffer: lost at once; the drivers after 12 hours
    assertEquals(List.of("'fuel' fails PT0S after 'depot' fails, within the P1D its deliveries are committed "
        + "to continue"), c.checks().get(1).findings());
    assertEquals(Optional.of("county.yaml"), c.checks().get(1).declaredIn());
    assertEquals(2, c.mismatches().size());
  }

  @Test
  void aProvidersOwnLongerRtoIsAMismatch() {
    Model m = Model.builder()
        .from("city.yaml")
        .organisation("city", "City").organisation("county", "County")
        .function("schools", f -> f.owner("city").criticality("important").requires("school-health"))
        .external(External.of("school-health", NodeKind.FUNCTION, "county").withRto(Duration.ofHours(8)))
        .from("county.yaml")
        .function("school-health", f -> f.owner("county").criticality("important").mtpd("P2D").rto("PT12H"))
        .build();
    assertEquals(List.of("its provider's own RTO for 'school-health' is PT12H, longer than the PT8H committed"),
        Commitments.of(m).checks().get(0).findings());
  }

  @Test
  void theRecoveryObjectivesOfWhatTheServiceDependsOnAreAsked() {
    // the grid comes back as soon as its substation does; the substation's operator restores it
    // within 12 hours; the grid is committed to the county within 4 hours: the substation must
    // be back within 4 hours for that, 8 hours sooner than it promises
    Model m = county()
        .from("power.yaml")
        .resource("grid", r -> r.owner("power-co").requires("substation"))
        .resource("substation", r -> r.owner("power-co").rto("PT12H"))
        .from("fuel.yaml").supplier("fuel", s -> s.owner("fuel-co"))
        .from("tele.yaml").resource("telecom", r -> r.owner("tele-co").rto("PT8H").requires("tower").tolerance("PT1H"))
        .resource("tower", r -> r.owner("tele-co").rto("PT2H").recovery("PT1H"))
        .build();
    Commitments c = Commitments.of(m);
    assertEquals(List.of("'substation' is to be restored within PT12H, but 'grid' needs it back within PT4H "
        + "to keep the PT4H committed"), c.checks().get(0).findings());
    // telecom: its own RTO (8 h) is the commitment (8 h); the tower within 2 h keeps it
    assertEquals(Commitments.Status.KEPT, c.checks().get(2).status());
  }
}
