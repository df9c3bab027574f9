package dev.kuja.bench;

import dev.kuja.model.Criticality;
import dev.kuja.model.Model;
import dev.kuja.model.NodeKind;
import dev.kuja.model.Requirement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of national-scale continuity models. The country is built from areas
 * (regional grids, telecom and fuel depots), each with counties (hospitals, home care, emergency
 * medical services) of about ten municipalities (water, roads, food service, early education),
 * all leaning on shared national hubs (transmission, telecom cores, payment systems, refineries,
 * medicine wholesalers) and on tiered supply chains. Redundancy comes as 1-of-2 and 2-of-3,
 * tolerances from plausible ranges, and every area has a power ↔ telecom cycle.
 *
 * <p>The structure is synthetic: the counts of areas and municipalities scale with the size asked
 * for (10^6 nodes needs about 2,500 areas), so "area" is a unit of scale, not a geography.
 */
public final class NationalModels {

  private static final Duration[] SHORT = {d("PT15M"), d("PT30M"), d("PT1H"), d("PT2H"), d("PT4H")};
  private static final Duration[] LONG = {d("PT12H"), d("P1D"), d("P2D"), d("P3D"), d("P5D")};
  private static final Duration[] STOCK = {d("P7D"), d("P14D"), d("P30D")};

  private final Random random;
  private final Model.Builder b = Model.builder();
  private int count;
  private final List<String> tier1 = new ArrayList<>();

  private NationalModels(long seed) {
    this.random = new Random(seed);
  }

  private static Duration d(String iso) {
    return Duration.parse(iso);
  }

  /** A model of about {@code size} nodes (at least one area). */
  public static Model generate(int size, long seed) {
    NationalModels g = new NationalModels(seed);
    g.b.name("national model " + size + "/" + seed);
    g.national(Math.max(1, size / 400));
    int areas = Math.max(1, size / 409);
    for (int a = 0; a < areas; a++) {
      g.area("a" + a);
    }
    return g.b.build();
  }

  /**
   * The model with reliability data on its utilities, as Monte Carlo needs: every area's grid
   * (1–3 failures a year, log-normal repairs of about 2 h), substation, telecom and fuel depot,
   * and the national transmission lines and telecom cores. Illustrative figures.
   */
  public static Model withReliability(Model model, long seed) {
    Random random = new Random(seed);
    Model.Builder b = model.toBuilder();
    for (dev.kuja.model.Node n : model.nodes()) {
      String id = n.id();
      dev.kuja.model.Reliability r = null;
      if (id.endsWith("/grid")) {
        r = rate(1 + 2 * random.nextDouble(), Duration.ofHours(2), 1.0);
      } else if (id.endsWith("/substation") || id.startsWith("transmission-")) {
        r = rate(0.1 + 0.2 * random.nextDouble(), Duration.ofHours(4), 0.8);
      } else if (id.endsWith("/telecom") || id.startsWith("telecom-core-")) {
        r = rate(0.5 + random.nextDouble(), Duration.ofHours(3), 1.0);
      } else if (id.endsWith("/fuel-depot")) {
        r = new dev.kuja.model.Reliability(java.util.OptionalDouble.of(0.02), java.util.OptionalDouble.empty(),
            java.util.Optional.of(new dev.kuja.model.RepairTime.Uniform(Duration.ofDays(1), Duration.ofDays(10))));
      }
      if (r != null) {
        dev.kuja.model.Reliability data = r;
        b.edit(id, nb -> nb.reliability(data));
      }
    }
    return b.build();
  }

  private static dev.kuja.model.Reliability rate(double perYear, Duration median, double sigma) {
    return dev.kuja.model.Reliability.rate(perYear, new dev.kuja.model.RepairTime.LogNormal(median, sigma));
  }

  private Duration pick(Duration[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private void node(String id, NodeKind kind, String owner, Criticality criticality, Duration mtpd,
      Duration recovery, Requirement... requirements) {
    count++;
    b.node(id, kind, n -> {
      n.owner(owner).recovery(recovery).requirements(List.of(requirements));
      if (criticality != null) {
        n.criticality(criticality).mtpd(mtpd);
      }
    });
  }

  private void resource(String id, String owner, Requirement... requirements) {
    node(id, NodeKind.RESOURCE, owner, null, null, Duration.ZERO, requirements);
  }

  private static Requirement on(String id, Duration tolerance) {
    return Requirement.on(id).withTolerance(tolerance);
  }

  private static Requirement any(Duration tolerance, String... ids) {
    return Requirement.anyOf(ids).withTolerance(tolerance);
  }

  // ------------------------------------------------------------------ national hubs

  private void national(int supplierChains) {
    b.organisation("state", "State", "authority").organisation("tso", "Transmission system operator", "company")
        .organisation("telecom", "Telecom operators", "company").organisation("energy", "Fuel and energy", "company")
        .organisation("pharma", "Medicine wholesale", "company").organisation("suppliers", "Suppliers", "company");
    resource("transmission-1", "tso", on("tso-control", d("P1D")));
    resource("transmission-2", "tso", on("tso-control", d("P1D")));
    resource("tso-control", "tso", any(d("PT4H"), "telecom-core-1", "telecom-core-2"));
    for (int i = 1; i <= 3; i++) {
      resource("telecom-core-" + i, "telecom", any(d("PT4H"), "transmission-1", "transmission-2", "telecom-gen-" + i));
      resource("telecom-gen-" + i, "telecom", on("refinery-" + (1 + i % 2), d("P3D")));
      resource("national-dc-" + i, "state", any(d("PT15M"), "transmission-1", "transmission-2"),
          any(Duration.ZERO, "telecom-core-1", "telecom-core-2", "telecom-core-3"));
    }
    resource("payments", "state", Requirement.kOf(2, "national-dc-1", "national-dc-2", "national-dc-3"));
    node("refinery-1", NodeKind.SUPPLIER, "energy", null, null, d("P2D"), any(d("PT2H"), "transmission-1", "transmission-2"));
    node("refinery-2", NodeKind.SUPPLIER, "energy", null, null, d("P2D"), any(d("PT2H"), "transmission-1", "transmission-2"));
    for (int i = 1; i <= 3; i++) {
      node("medicine-import-" + i, NodeKind.SUPPLIER, "pharma", null, null, Duration.ZERO);
      node("wholesaler-" + i, NodeKind.SUPPLIER, "pharma", null, null, d("PT4H"),
          any(d("P30D"), "medicine-import-" + i, "medicine-import-" + (1 + i % 3)),
          any(d("P1D"), "telecom-core-1", "telecom-core-2", "telecom-core-3"), on("payments", d("P2D")));
    }
    // tiered supply chains: raw material, components, the suppliers the areas buy from
    for (int c = 0; c < supplierChains; c++) {
      String raw1 = "raw-" + c + "a";
      String raw2 = "raw-" + c + "b";
      node(raw1, NodeKind.SUPPLIER, "suppliers", null, null, Duration.ZERO);
      node(raw2, NodeKind.SUPPLIER, "suppliers", null, null, Duration.ZERO);
      String component = "component-" + c;
      node(component, NodeKind.SUPPLIER, "suppliers", null, null, d("P1D"), any(pick(STOCK), raw1, raw2),
          on("payments", d("P3D")));
      String supplier = "supplier-" + c;
      node(supplier, NodeKind.SUPPLIER, "suppliers", null, null, Duration.ZERO, on(component, pick(STOCK)),
          any(d("P1D"), "telecom-core-1", "telecom-core-2"));
      tier1.add(supplier);
    }
  }

  private String anySupplier() {
    return tier1.get(random.nextInt(tier1.size()));
  }

  // ------------------------------------------------------------------ areas

  private void area(String a) {
    b.organisation(a + "/grid", "Distribution " + a, "company");
    String owner = a + "/grid";
    resource(a + "/substation", owner, any(Duration.ZERO, "transmission-1", "transmission-2"),
        on(a + "/grid-control", d("PT12H")));
    resource(a + "/grid-control", owner, any(d("PT15M"), a + "/grid", a + "/control-gen"),
        on(a + "/telecom", d("P1D")));
    resource(a + "/control-gen", owner, on(a + "/fuel-depot", d("P3D")));
    node(a + "/grid", NodeKind.RESOURCE, owner, null, null, d("PT1H"), on(a + "/substation", Duration.ZERO));
    // the power <-> telecom cycle: telecom runs on the grid or its generators, the grid's
    // control centre on telecom
    node(a + "/telecom", NodeKind.RESOURCE, "telecom", null, null, d("PT30M"),
        any(d("PT4H"), a + "/grid", a + "/telecom-gen"),
        any(Duration.ZERO, "telecom-core-1", "telecom-core-2", "telecom-core-3"));
    resource(a + "/telecom-gen", "telecom", on(a + "/fuel-depot", d("P2D")));
    node(a + "/fuel-depot", NodeKind.SUPPLIER, "energy", null, null, Duration.ZERO,
        any(d("P14D"), "refinery-1", "refinery-2"), on(a + "/roads", d("PT12H")), on("payments", d("P1D")));
    resource(a + "/road-maintenance", owner, on(a + "/fuel-depot", d("P3D")));
    resource(a + "/roads", "state", on(a + "/road-maintenance", d("P1D")));
    resource(a + "/dc-1", owner, any(d("PT15M"), a + "/grid", a + "/dc-gen"), on(a + "/telecom", Duration.ZERO));
    resource(a + "/dc-2", owner, on(a + "/grid", d("PT30M")), on(a + "/telecom", Duration.ZERO));
    resource(a + "/dc-gen", owner, on(a + "/fuel-depot", d("P2D")));
    resource(a + "/ict-staff", owner);
    resource(a + "/virve", "state", on(a + "/grid", d("PT8H")));
    resource(a + "/emergency-centre", "state", on(a + "/telecom", Duration.ZERO), on(a + "/virve", Duration.ZERO));
    for (int c = 0; c < 2; c++) {
      county(a, a + "/c" + c);
    }
  }

  private void county(String a, String c) {
    b.organisation(c, "County " + c, "wellbeing-services-county");
    String w = "wholesaler-" + (1 + random.nextInt(3));
    resource(c + "/gen-1", c, on(a + "/fuel-depot", d("PT72H")));
    resource(c + "/gen-2", c, on(a + "/fuel-depot", d("PT72H")));
    resource(c + "/hospital-power", c, any(Duration.ZERO, a + "/grid", c + "/gen-1", c + "/gen-2"));
    resource(c + "/pharmacy", c, on(w, d("P5D")), on(c + "/hospital-power", Duration.ZERO));
    resource(c + "/oxygen", c, on(anySupplier(), d("P3D")));
    resource(c + "/records", c, any(Duration.ZERO, a + "/dc-1", a + "/dc-2"), on(a + "/telecom", Duration.ZERO),
        on(a + "/ict-staff", d("PT8H")));
    resource(c + "/staff-transport", c, on(a + "/roads", d("PT6H")), on(a + "/fuel-depot", d("P2D")));
    resource(c + "/er-staff", c, on(c + "/staff-transport", d("PT12H")));
    resource(c + "/ward-staff", c, on(c + "/staff-transport", d("PT12H")));
    resource(c + "/home-care-staff", c);
    resource(c + "/ambulances", c, on(a + "/fuel-depot", d("P2D")));
    List<String> stations = new ArrayList<>();
    for (int m = 0; m < 10; m++) {
      String mid = c + "/m" + m;
      municipality(a, c, mid);
      stations.add(mid + "/fuel-station");
    }
    resource(c + "/care-cars", c, any(d("P1D"), stations.get(0), stations.get(1), stations.get(2)));
    node(c + "/emergency-care", NodeKind.FUNCTION, c, Criticality.VITAL, d("PT4H"), Duration.ZERO,
        on(c + "/hospital-power", Duration.ZERO), on(c + "/er-staff", Duration.ZERO),
        on(c + "/records", d("PT4H")), on(c + "/oxygen", Duration.ZERO), on(c + "/pharmacy", d("PT12H")),
        on(c + "/m0/water-supply", d("PT12H")));
    node(c + "/inpatient-care", NodeKind.FUNCTION, c, Criticality.VITAL, d("PT12H"), Duration.ZERO,
        on(c + "/hospital-power", Duration.ZERO), on(c + "/ward-staff", Duration.ZERO),
        on(c + "/records", d("PT8H")), on(c + "/oxygen", Duration.ZERO), on(c + "/pharmacy", Duration.ZERO),
        on(c + "/m0/kitchen", d("P1D")));
    node(c + "/ems", NodeKind.FUNCTION, c, Criticality.VITAL, d("PT1H"), Duration.ZERO,
        on(c + "/ambulances", Duration.ZERO), on(a + "/emergency-centre", Duration.ZERO),
        any(Duration.ZERO, a + "/virve", a + "/telecom"));
    node(c + "/home-care", NodeKind.FUNCTION, c, Criticality.CRITICAL, d("P1D"), Duration.ZERO,
        on(c + "/home-care-staff", Duration.ZERO), on(c + "/care-cars", Duration.ZERO),
        on(c + "/records", d("PT12H")), on(a + "/telecom", d("PT4H")));
  }

  private void municipality(String a, String c, String m) {
    b.organisation(m, "Municipality " + m, "municipality");
    resource(m + "/feeder", m, on(a + "/grid", Duration.ZERO));
    resource(m + "/plant-gen", m, on(a + "/fuel-depot", pick(LONG)));
    resource(m + "/chemicals", m, on(anySupplier(), d("P14D")), on(a + "/roads", d("P1D")));
    resource(m + "/water-plant", m, any(d("PT1H"), m + "/feeder", m + "/plant-gen"), on(m + "/chemicals", d("P14D")));
    for (int p = 1; p <= 3; p++) {
      resource(m + "/pump-" + p, m, p == 3 ? any(Duration.ZERO, m + "/feeder", m + "/plant-gen")
          : on(m + "/feeder", Duration.ZERO));
    }
    resource(m + "/pumps", m, Requirement.kOf(2, m + "/pump-1", m + "/pump-2", m + "/pump-3")
        .withTolerance(pick(SHORT)));
    resource(m + "/kitchen-staff", m);
    resource(m + "/kitchen", m, on(m + "/feeder", Duration.ZERO), on(anySupplier(), d("P2D")),
        on(m + "/water-supply", d("PT4H")), on(m + "/kitchen-staff", Duration.ZERO));
    resource(m + "/fuel-station", m, on(m + "/feeder", Duration.ZERO), on(a + "/fuel-depot", d("P2D")),
        on("payments", d("PT12H")));
    resource(m + "/contractor", m, on(m + "/fuel-station", d("P3D")));
    resource(m + "/teachers", m);
    resource(m + "/schools", m, on(m + "/feeder", d("PT12H")), on(m + "/water-supply", d("PT4H")),
        on(a + "/telecom", d("P1D")));
    node(m + "/water-supply", NodeKind.FUNCTION, m, Criticality.VITAL, d("PT12H"), Duration.ZERO,
        on(m + "/water-plant", Duration.ZERO), on(m + "/pumps", Duration.ZERO));
    node(m + "/local-roads", NodeKind.FUNCTION, m, Criticality.CRITICAL, d("P2D"), Duration.ZERO,
        on(m + "/contractor", Duration.ZERO), on(a + "/roads", d("PT6H")));
    node(m + "/food-service", NodeKind.FUNCTION, m, Criticality.IMPORTANT, d("P2D"), Duration.ZERO,
        on(m + "/kitchen", Duration.ZERO));
    node(m + "/early-education", NodeKind.FUNCTION, m, Criticality.IMPORTANT, d("P3D"), Duration.ZERO,
        on(m + "/schools", Duration.ZERO), on(m + "/teachers", Duration.ZERO),
        on(m + "/food-service", d("P1D")));
  }
}
