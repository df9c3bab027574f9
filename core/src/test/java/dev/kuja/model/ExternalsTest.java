package dev.kuja.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Externals and provenance in the model (docs/regional.md#externals). */
class ExternalsTest {

  private static final External GRID = External.of("grid", NodeKind.RESOURCE, "power-co")
      .withName("City grid").withRto(Duration.ofHours(4));

  private static Model.Builder county() {
    return Model.builder()
        .from("county.yaml")
        .organisation("county", "County")
        .organisation("power-co", "Power company")
        .function("care", f -> f.owner("county").criticality("vital").requires("grid"))
        .external(GRID);
  }

  private static List<String> problems(Model.Builder b) {
    return assertThrows(ModelValidationException.class, b::build).problems().stream().map(Problem::toString).toList();
  }

  @Test
  void anExternalNoOneDefinesBecomesANodeOfItsProvider() {
    Model m = county().build();
    assertTrue(m.isExternal("grid"));
    Node grid = m.requireNode("grid");
    assertEquals(NodeKind.RESOURCE, grid.kind());
    assertEquals("City grid", grid.name());
    assertEquals(Optional.of("power-co"), grid.owner());
    assertEquals(List.of("care", "grid"), m.nodes().stream().map(Node::id).toList());
    assertEquals(List.of(GRID), m.externals());
    assertEquals(List.of(GRID), m.externals("grid"));
    assertEquals(Optional.of("county.yaml"), m.source(GRID));
    assertEquals(Optional.of("county.yaml"), m.source("grid"));
    assertEquals(List.of("county.yaml"), m.sources());
  }

  @Test
  void aNodeOfTheSameIdBindsIt() {
    Model m = county().from("power.yaml").resource("grid", r -> r.owner("power-co").recovery("PT1H")).build();
    assertFalse(m.isExternal("grid"));
    assertEquals(Duration.ofHours(1), m.requireNode("grid").recovery());
    assertEquals(Optional.of("power.yaml"), m.source("grid"));
    assertEquals(List.of(GRID), m.externals());
    assertEquals(List.of("county.yaml", "power.yaml"), m.sources());
  }

  @Test
  void provenanceIsNotPartOfAModelsValueButExternalsAre() {
    Model a = county().build();
    Model b = Model.builder().organisation("county", "County").organisation("power-co", "Power company")
        .function("care", f -> f.owner("county").criticality("vital").requires("grid")).external(GRID).build();
    assertEquals(a, b);
    assertEquals(Optional.empty(), b.source("care"));
    Model c = Model.builder().organisation("county", "County").organisation("power-co", "Power company")
        .function("care", f -> f.owner("county").criticality("vital").requires("grid"))
        .external(GRID.withRto(Duration.ofHours(8))).build();
    assertFalse(a.equals(c));
  }

  @Test
  void aVariantKeepsExternalsAndSources() {
    Model m = county().build();
    Model v = m.toBuilder().edit("care", f -> f.mtpd("PT4H")).build();
    assertTrue(v.isExternal("grid"));
    assertEquals(Optional.of("county.yaml"), v.source("care"));
    assertEquals(m.externals(), v.externals());
    // and a variant that models the provider binds the external
    Model bound = m.toBuilder().resource("grid", r -> r.owner("power-co")).build();
    assertFalse(bound.isExternal("grid"));
  }

  @Test
  void boundToANodeOfAnotherKindOrOwnerIsAProblemAtTheDeclaration() {
    List<String> p = problems(county().organisation("tele-co", "Telecom").from("power.yaml")
        .supplier("grid", s -> s.owner("tele-co")));
    assertEquals(List.of(
        "county.yaml: node 'grid' (external): kind resource does not match node 'grid', a supplier, defined in power.yaml",
        "county.yaml: node 'grid' (external): provider power-co does not match node 'grid', owned by tele-co, defined in power.yaml"),
        p);
  }

  @Test
  void anExternalsOwnMistakes() {
    List<String> p = problems(Model.builder().organisation("county", "County")
        .function("care", f -> f.owner("county").criticality("vital").requires("grid").requires("fuel"))
        .external(External.of("grid", NodeKind.RESOURCE, "powerco").withTolerance(Duration.ofHours(1)))
        .external(External.of("fuel", NodeKind.SUPPLIER, "county").withRto(Duration.ofDays(36_500_001))
            .withName("Fuel\u0007")));
    assertEquals(List.of(
        "node 'grid' (external): provider 'powerco' is not an organisation of the model",
        "node 'grid' (external): tolerance is a supplier's commitment that deliveries continue; a resource has none",
        "node 'fuel' (external): name " + Texts.problem("Fuel\u0007").orElseThrow(),
        "node 'fuel' (external): rto is longer than Kuja supports (at most P36500000D)"), p);
  }

  @Test
  void twoDocumentsMayDeclareAnExternalAlikeButNotOfDifferentKinds() {
    Model alike = county().from("city.yaml").external(GRID.withRto(Duration.ofHours(8))).build();
    assertTrue(alike.isExternal("grid"));
    assertEquals(2, alike.externals("grid").size());
    List<String> p = problems(county().from("city.yaml")
        .external(External.of("grid", NodeKind.SUPPLIER, "power-co")));
    assertEquals(List.of("city.yaml: node 'grid' (external): kind supplier does not match the resource declared in county.yaml"), p);
  }

  @Test
  void anIdDefinedInTwoDocumentsNamesTheOther() {
    List<String> p = problems(county().resource("x", r -> r.owner("county")).from("power.yaml")
        .resource("x", r -> r.owner("power-co")));
    assertEquals(List.of("power.yaml: node 'x' (id): node id 'x' is also defined in county.yaml"), p);
  }

  @Test
  void organisationsMayBeDeclaredAgainByAnotherDocumentOnlyAlike() {
    Model m = county().from("power.yaml").organisation("power-co", "Power company").build();
    assertEquals(2, m.organisations().size());
    List<String> p = problems(county().from("power.yaml").organisation("power-co", "Power Company Ltd", "company"));
    assertEquals(List.of("power.yaml: organisation 'power-co' (id): organisation 'power-co' is declared here as "
        + "'Power Company Ltd' (company), but as 'Power company' (no type) in county.yaml"), p);
    // within one document, a repeat is a repeat, as always
    assertEquals(List.of("county.yaml: organisation 'county' (id): organisation id 'county' is used more than once"),
        problems(county().organisation("county", "County")));
  }
}
