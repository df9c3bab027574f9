package example;

import dev.kuja.analysis.Analysis;
import dev.kuja.model.Model;

/** The README's minimal example ("In Java"), compiled and run against an installed kuja-core. */
public final class Main {

  public static void main(String[] args) {
    Model model = Model.builder()
        .organisation("county", "Wellbeing services county", "wellbeing-services-county")
        .supplier("fuel")
        .resource("gen-a", r -> r.owner("county").requires("fuel").tolerance("PT72H"))
        .resource("gen-b", r -> r.owner("county").requires("fuel").tolerance("PT72H"))
        .function("emergency-care", f -> f.owner("county").criticality("vital").mtpd("PT4H")
            .requiresAny("gen-a", "gen-b"))
        .build();

    System.out.println(Analysis.of(model).spofs("emergency-care"));
  }
}
