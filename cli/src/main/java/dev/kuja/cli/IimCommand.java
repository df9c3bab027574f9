package dev.kuja.cli;

import dev.kuja.iim.DynamicIim;
import dev.kuja.iim.Iim;
import dev.kuja.iim.StaticSolution;
import dev.kuja.iim.Timeline;
import dev.kuja.io.DocumentException;
import dev.kuja.io.report.IimJson;
import dev.kuja.io.report.IimReport;
import dev.kuja.io.table.SectorTables;
import dev.kuja.model.Durations;
import dev.kuja.model.Problem;
import dev.kuja.model.ValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "iim", mixinStandardHelpOptions = true,
    description = "Sector-level inoperability: the inoperability input-output model (IIM) of a sector "
        + "table, and with --horizon and --step its dynamic form with recovery times (docs/iim.md). "
        + "SECTORS.csv is a square matrix, the sector ids in the first row and column: A*, or with "
        + "--transactions the transactions table Z, whose totals TOTALS.csv (sector,total) gives.",
    footer = {"", "Example: kuja iim examples/iim/sectors.csv --perturbation energy=0.3 "
        + "--perturbation-until P7D --recovery energy=P10D --horizon P60D --step P1D"})
final class IimCommand implements Callable<Integer> {

  /** A plain decimal number, as in the tables. */
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /** The command line's names of the settings of dev.kuja.iim. */
  private static final Map<String, String> OPTIONS = Map.of("perturbation", "--perturbation",
      "initial", "--initial", "recovery", "--recovery", "step", "--step", "horizon", "--horizon",
      "perturbationUntil", "--perturbation-until");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SECTORS.csv",
      description = "The sector matrix: A*, or with --transactions the transactions table Z.")
  Path sectors;

  @Option(names = "--transactions",
      description = "SECTORS.csv is a transactions table Z (z_ij: output of sector i consumed by sector j); "
          + "A* is derived as a*_ij = z_ij / x_i with the totals of --output-totals.")
  boolean transactions;

  @Option(names = "--output-totals", paramLabel = "TOTALS.csv",
      description = "With --transactions: the total output x_i of every sector (columns sector,total).")
  Path totals;

  @Option(names = "--perturbation", paramLabel = "S=V", split = ",",
      description = "The perturbation c* of sectors, each in [0, 1] (e.g. energy=0.3,transport=0.1). "
          + "Required, except for a dynamic run from --initial alone.")
  Map<String, String> perturbation = new LinkedHashMap<>();

  @Option(names = "--perturbation-until", paramLabel = "DURATION", converter = Options.Time.class,
      description = "Dynamic: the perturbation ends at this time (half-open); default: it lasts the whole horizon.")
  Duration until;

  @Option(names = "--recovery", paramLabel = "S=DURATION", split = ",",
      description = "Dynamic: the recovery time of sectors, the time to recover to 1 %% of their initial "
          + "inoperability (e.g. energy=P10D); a sector without one has k = 1.")
  Map<String, String> recovery = new LinkedHashMap<>();

  @Option(names = "--horizon", paramLabel = "DURATION", converter = Options.Period.class,
      description = "Dynamic: the time of the last point, a whole number of steps.")
  Duration horizon;

  @Option(names = "--step", paramLabel = "DURATION", converter = Options.Period.class,
      description = "Dynamic: the length of a step.")
  Duration step;

  @Option(names = "--initial", paramLabel = "S=V", split = ",",
      description = "Dynamic: the initial inoperability q(0) of sectors, each in [0, 1] (default 0).")
  Map<String, String> initial = new LinkedHashMap<>();

  @Option(names = "--html", paramLabel = "FILE",
      description = "Also write a self-contained HTML page with the plot of q(t) per sector (a bar per "
          + "sector for a static run).")
  Path html;

  @Option(names = "--json", description = "Print one JSON object instead of a readable table.")
  boolean json;

  @Override
  public Integer call() {
    List<Problem> problems = new ArrayList<>();
    boolean dynamic = horizon != null || step != null || until != null || !recovery.isEmpty() || !initial.isEmpty();
    if (transactions != (totals != null)) {
      problems.add(Problem.setting(transactions ? "--transactions" : "--output-totals",
          "--transactions and --output-totals TOTALS.csv go together"));
    }
    if (dynamic && (horizon == null || step == null)) {
      problems.add(Problem.setting(horizon == null ? "--horizon" : "--step",
          "a dynamic run (--perturbation-until, --recovery, --initial, --horizon, --step) needs both --horizon and --step"));
    }
    if (perturbation.isEmpty() && initial.isEmpty()) {
      problems.add(Problem.setting("--perturbation", "is required (S=V[,S=V…]); a dynamic run may start from --initial instead"));
    }
    Map<String, Double> c = numbers("--perturbation", perturbation, problems);
    Map<String, Double> q0 = numbers("--initial", initial, problems);
    Map<String, Duration> tau = durations(recovery, problems);
    if (html != null) {
      for (Path input : totals == null ? List.of(sectors) : List.of(sectors, totals)) {
        if (same(html, input)) {
          problems.add(Problem.setting("--html", "'" + html + "' is an input file; it would be overwritten"));
        }
      }
    }
    Iim iim = null;
    if (transactions == (totals != null)) { // otherwise it is unclear what the table holds
      try {
        iim = transactions ? SectorTables.readTransactions(sectors, totals) : SectorTables.read(sectors);
      } catch (DocumentException e) {
        problems.addAll(0, e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    Optional<Timeline> timeline = Optional.empty();
    StaticSolution solution;
    try {
      if (dynamic) {
        DynamicIim d = iim.dynamic(step, horizon).perturbation(c).initial(q0).recovery(tau);
        if (until != null) {
          d = d.perturbationUntil(until);
        }
        timeline = Optional.of(d.run());
      }
      solution = iim.solve(c);
    } catch (ValidationException e) {
      throw new ValidationException(e.problems().stream().map(IimCommand::option).toList());
    }
    if (html != null) {
      IimReport.write(html, sectors.getFileName().toString(), solution, iim.interdependency(), timeline);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(timeline.isPresent() ? IimJson.of(solution, iim.interdependency(), timeline.get())
          : IimJson.of(solution, iim.interdependency()));
    } else {
      out.println(sectors + ": " + iim.toString().lines().findFirst().orElse(""));
      out.println();
      out.println(solution);
      timeline.ifPresent(t -> {
        out.println();
        out.println(t);
      });
    }
    return 0;
  }

  /** A problem of the IIM's settings, named as on the command line: perturbation → --perturbation. */
  private static Problem option(Problem p) {
    Problem.Element e = p.element();
    if (e.kind() != Problem.Element.Kind.SETTING || !OPTIONS.containsKey(e.id())) {
      return p;
    }
    return new Problem(new Problem.Element(e.kind(), OPTIONS.get(e.id()), OptionalInt.empty()), p.field(),
        p.location(), p.message());
  }

  private static Map<String, Double> numbers(String option, Map<String, String> values, List<Problem> problems) {
    Map<String, Double> out = new LinkedHashMap<>();
    values.forEach((sector, text) -> {
      String t = text.trim();
      if (NUMBER.matcher(t).matches()) {
        out.put(sector.trim(), Double.parseDouble(t));
      } else {
        problems.add(Problem.of(new Problem.Element(Problem.Element.Kind.SETTING, option, OptionalInt.empty()),
            Optional.of(sector), "'" + text + "' is not a number"));
      }
    });
    return out;
  }

  private static Map<String, Duration> durations(Map<String, String> values, List<Problem> problems) {
    Map<String, Duration> out = new LinkedHashMap<>();
    values.forEach((sector, text) -> {
      try {
        Duration d = Durations.parse(text.trim());
        if (d.isNegative()) {
          throw new IllegalArgumentException("'" + text + "' must not be negative");
        }
        out.put(sector.trim(), d);
      } catch (IllegalArgumentException e) {
        problems.add(Problem.of(new Problem.Element(Problem.Element.Kind.SETTING, "--recovery", OptionalInt.empty()),
            Optional.of(sector), e.getMessage()));
      }
    });
    return out;
  }

  /** True when both paths name the same file (or would, once the first is written). */
  private static boolean same(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // fall back to comparing the names
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
