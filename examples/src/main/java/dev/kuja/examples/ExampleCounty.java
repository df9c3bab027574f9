package dev.kuja.examples;

import dev.kuja.model.Model;
import dev.kuja.simulation.Scenario;

/**
 * An example wellbeing services county and the city it serves, with the utilities, ICT services
 * and suppliers they rely on. Every figure (stocks, tank sizes, battery times, MTPDs) is
 * illustrative: of the order such organisations report in their preparedness plans, not taken
 * from any one of them.
 */
public final class ExampleCounty {

  private ExampleCounty() {}

  /** A storm takes the distribution grid for 48 hours and cuts the roads for the first 24. */
  public static Scenario storm() {
    return Scenario.builder("Storm: grid down 48 h, roads cut 24 h").horizon("P7D")
        .disrupt("grid", "PT0S", "PT48H")
        .disrupt("roads", "PT0S", "PT24H")
        .build();
  }

  /** Ransomware takes both data centres for five days. */
  public static Scenario ransomware() {
    return Scenario.builder("Ransomware in the data centres").horizon("P14D")
        .disrupt("dc-1", "PT0S", "P5D")
        .disrupt("dc-2", "PT0S", "P5D")
        .build();
  }

  /** The example model. */
  public static Model model() {
    return Model.builder()
        .name("Example wellbeing services county")
        .organisation("county", "Example wellbeing services county", "wellbeing-services-county")
        .organisation("city", "City of Example", "municipality")
        .organisation("power-co", "Example electricity distribution", "company")
        .organisation("tele-co", "Telecom operator", "company")
        .organisation("ict-co", "Regional ICT service centre", "company")
        .organisation("fuel-co", "Fuel distributor", "company")
        .organisation("pharma-co", "Medicine wholesaler", "company")
        .organisation("state", "State authorities", "authority")

        // --- national and utility layer
        .resource("transmission", r -> r.owner("state").name("National transmission grid"))
        .resource("substation", r -> r.owner("power-co").name("Primary substation")
            .requires("transmission").requires("grid-control").tolerance("PT12H"))
        .resource("grid-control", r -> r.owner("power-co").name("Distribution control centre")
            .requiresAny("grid", "control-generator").tolerance("PT15M")
            .requires("telecom-core").tolerance("PT24H"))
        .resource("control-generator", r -> r.owner("power-co")
            .requires("fuel-delivery").tolerance("P3D"))
        .resource("grid", r -> r.owner("power-co").name("City distribution grid")
            .requires("substation").recovery("PT1H"))
        .resource("telecom-core", r -> r.owner("tele-co").name("Mobile and fixed core network")
            .requiresAny("grid", "telecom-generators").tolerance("PT4H").recovery("PT30M"))
        .resource("telecom-generators", r -> r.owner("tele-co").name("Core site generators")
            .requires("fuel-delivery").tolerance("P2D"))
        .resource("virve", r -> r.owner("state").name("VIRVE authority radio network")
            .requires("grid").tolerance("PT8H"))
        .resource("emergency-centre", r -> r.owner("state").name("Emergency response centre")
            .requires("telecom-core").requires("virve"))

        // --- fuel and supplies
        .supplier("fuel-depot", s -> s.owner("fuel-co").name("Regional fuel depot"))
        .supplier("fuel-delivery", s -> s.owner("fuel-co").name("Fuel deliveries")
            .requires("fuel-depot").requires("roads").tolerance("PT12H"))
        .supplier("wholesaler", s -> s.owner("pharma-co").name("Medicine wholesaler")
            .requires("roads").tolerance("PT24H").requires("telecom-core").tolerance("PT24H"))
        .supplier("oxygen-supplier", s -> s.owner("state").name("Medical oxygen supplier")
            .requires("roads").tolerance("PT24H"))
        .supplier("food-wholesaler", s -> s.owner("city").name("Food wholesaler")
            .requires("roads").tolerance("PT12H"))

        // --- ICT
        .resource("ict-staff", r -> r.owner("ict-co").name("ICT operations staff"))
        .resource("dc-1", r -> r.owner("ict-co").name("Data centre 1")
            .requiresAny("grid", "dc-1-generator").tolerance("PT15M").requires("ict-staff").tolerance("PT8H"))
        .resource("dc-1-generator", r -> r.owner("ict-co").requires("fuel-delivery").tolerance("P2D"))
        .resource("dc-2", r -> r.owner("ict-co").name("Data centre 2")
            .requires("grid").tolerance("PT30M").requires("ict-staff").tolerance("PT8H"))
        .resource("patient-records", r -> r.owner("county").name("Patient record system")
            .requiresAny("dc-1", "dc-2").requires("telecom-core").recovery("PT2H"))

        // --- hospital
        .resource("gen-1", r -> r.owner("county").name("Hospital generator 1")
            .requires("fuel-delivery").tolerance("PT72H"))
        .resource("gen-2", r -> r.owner("county").name("Hospital generator 2")
            .requires("fuel-delivery").tolerance("PT72H"))
        .resource("hospital-power", r -> r.owner("county").name("Hospital power")
            .requiresAny("grid", "gen-1", "gen-2"))
        .resource("hospital-pharmacy", r -> r.owner("county").name("Hospital pharmacy")
            .requires("wholesaler").tolerance("P5D").requires("hospital-power"))
        .resource("oxygen-tank", r -> r.owner("county").name("Hospital oxygen tank")
            .requires("oxygen-supplier").tolerance("P3D"))
        .resource("er-staff", r -> r.owner("county").name("Emergency department staff"))
        .resource("ward-staff", r -> r.owner("county").name("Ward staff"))
        .resource("hospital-water", r -> r.owner("county").name("Hospital water reserve")
            .requires("water-supply").tolerance("PT12H"))

        // --- home care and social services
        .resource("home-care-staff", r -> r.owner("county").name("Home care staff"))
        .resource("care-cars", r -> r.owner("county").name("Home care car fleet")
            .requiresAny("fuel-station-1", "fuel-station-2").tolerance("PT24H"))
        .resource("fuel-station-1", r -> r.owner("fuel-co").requires("grid").requires("fuel-delivery").tolerance("P2D"))
        .resource("fuel-station-2", r -> r.owner("fuel-co").requires("grid").requires("fuel-delivery").tolerance("P2D"))

        // --- rescue
        .resource("rescue-staff", r -> r.owner("county").name("Rescue service crews"))
        .resource("fire-station", r -> r.owner("county").name("Fire station")
            .requiresAny("grid", "station-generator"))
        .resource("station-generator", r -> r.owner("county").requires("fuel-delivery").tolerance("P2D"))

        // --- city
        .resource("road-contractor", r -> r.owner("city").name("Street maintenance contractor")
            .requires("fuel-delivery").tolerance("P3D"))
        .resource("water-plant", r -> r.owner("city").name("Water treatment plant")
            .requiresAny("grid", "plant-generator").tolerance("PT1H")
            .requires("water-chemicals").tolerance("P14D"))
        .resource("plant-generator", r -> r.owner("city").requires("fuel-delivery").tolerance("P2D"))
        .supplier("water-chemicals", s -> s.owner("city").name("Water treatment chemicals")
            .requires("roads").tolerance("PT24H"))
        .resource("pumps", r -> r.owner("city").name("Network pumping stations")
            .requires("grid").tolerance("PT2H"))
        .resource("central-kitchen", r -> r.owner("city").name("Central kitchen")
            .requires("grid").requires("food-wholesaler").tolerance("P2D"))

        // --- functions
        .function("emergency-care", f -> f.owner("county").name("Emergency care")
            .criticality("vital").mtpd("PT4H").rto("PT1H").tags("health", "vital-function:health")
            .requires("hospital-power").requires("er-staff")
            .requires("patient-records").tolerance("PT4H")
            .requires("oxygen-tank").requires("hospital-pharmacy").tolerance("PT12H")
            .requires("hospital-water"))
        .function("inpatient-care", f -> f.owner("county").name("Inpatient care")
            .criticality("vital").mtpd("PT12H").rto("PT4H").tags("health", "vital-function:health")
            .requires("hospital-power").requires("ward-staff")
            .requires("patient-records").tolerance("PT8H")
            .requires("oxygen-tank").requires("hospital-pharmacy").requires("hospital-water")
            .requires("central-kitchen").tolerance("PT24H"))
        .function("home-care", f -> f.owner("county").name("Home care")
            .criticality("critical").mtpd("PT24H").rto("PT8H").tags("social", "vital-function:population-services")
            .requires("home-care-staff").requires("care-cars")
            .requires("patient-records").tolerance("PT12H").requires("telecom-core").tolerance("PT4H"))
        .function("rescue-services", f -> f.owner("county").name("Rescue services")
            .criticality("vital").mtpd("PT1H").rto("PT30M").tags("rescue", "vital-function:security")
            .requires("rescue-staff").requires("fire-station").requires("emergency-centre")
            .requires("fuel-delivery").tolerance("P3D"))
        .function("social-emergency", f -> f.owner("county").name("Social emergency services")
            .criticality("critical").mtpd("PT12H").tags("social", "vital-function:population-services")
            .requires("telecom-core").requires("patient-records").tolerance("PT12H"))
        .function("water-supply", f -> f.owner("city").name("Water supply")
            .criticality("vital").mtpd("PT12H").rto("PT6H").tags("utility", "vital-function:economy")
            .requires("water-plant").requires("pumps").tolerance("PT6H"))
        .function("roads", f -> f.owner("city").name("Street and road maintenance")
            .criticality("critical").mtpd("P2D").tags("transport")
            .requires("road-contractor"))
        .function("food-service", f -> f.owner("city").name("School and care food service")
            .criticality("important").mtpd("P2D").tags("food")
            .requires("central-kitchen"))
        .build();
  }
}
