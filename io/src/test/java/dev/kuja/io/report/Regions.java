package dev.kuja.io.report;

import dev.kuja.model.Model;

/**
 * Large models shaped like a country, for the HTML report of a large model: two transmission
 * lines of a national grid company; regions, each with a power company (a substation on either
 * line, a grid on the substation) and municipalities, each with water (a plant and pumps, two of
 * three, on a feeder from the grid or a generator), schools and home care. Every municipality's
 * requirements on its power company are interfaces; the grid is a common-cause SPOF of water
 * (through the pumps) and a direct one of schools (through their feeder).
 */
final class Regions {

  /** Nodes per municipality. */
  private static final int PER_MUNICIPALITY = 13;
  private static final int MUNICIPALITIES = 10;

  private Regions() {}

  /** A model of about {@code size} nodes (at least one region). */
  static Model model(int size) {
    Model.Builder b = Model.builder().name("regions " + size)
        .organisation("national-grid", "National grid company", "company")
        .resource("transmission-1", r -> r.owner("national-grid"))
        .resource("transmission-2", r -> r.owner("national-grid"));
    int regions = Math.max(1, size / (2 + MUNICIPALITIES * PER_MUNICIPALITY));
    for (int g = 0; g < regions; g++) {
      String power = "r" + g + "/power";
      b.organisation(power, "Power company of region " + g, "company")
          .resource(power + "/substation", r -> r.owner(power).requiresAny("transmission-1", "transmission-2"))
          .resource(power + "/grid", r -> r.owner(power).requires(power + "/substation"));
      for (int i = 0; i < MUNICIPALITIES; i++) {
        String m = "r" + g + "/m" + i;
        b.organisation(m, "Municipality " + m, "municipality")
            .resource(m + "/feeder", r -> r.owner(m).requires(power + "/grid"))
            .resource(m + "/generator", r -> r.owner(m))
            .resource(m + "/pump-1", r -> r.owner(m).requires(m + "/feeder"))
            .resource(m + "/pump-2", r -> r.owner(m).requires(m + "/feeder"))
            .resource(m + "/pump-3", r -> r.owner(m).requiresAny(m + "/feeder", m + "/generator"))
            .resource(m + "/pumps", r -> r.owner(m).requiresKOf(2, m + "/pump-1", m + "/pump-2", m + "/pump-3"))
            .resource(m + "/plant", r -> r.owner(m).requiresAny(power + "/grid", m + "/generator"))
            .resource(m + "/teachers", r -> r.owner(m))
            .resource(m + "/carers", r -> r.owner(m))
            .resource(m + "/cars", r -> r.owner(m).requires(m + "/feeder").tolerance("PT12H"))
            .function(m + "/water", f -> f.owner(m).criticality("vital").mtpd("PT12H")
                .requiresAll(m + "/plant", m + "/pumps"))
            .function(m + "/schools", f -> f.owner(m).criticality("important").mtpd("P3D")
                .requiresAll(m + "/teachers", m + "/feeder", m + "/water"))
            .function(m + "/home-care", f -> f.owner(m).criticality("critical").mtpd("P1D")
                .requiresAll(m + "/carers", m + "/cars"));
      }
    }
    return b.build();
  }
}
