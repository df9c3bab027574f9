package dev.kuja.scenario;

import dev.kuja.model.Durations;
import dev.kuja.model.ImpactLevel;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Threat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The computed risk matrix of a model (docs/risk.md#the-risk-matrix): for each threat of the
 * risk register — an ensemble in which only that threat happens — and for all causes together
 * (every threat and the nodes' reliability data), per function with impact thresholds, the
 * probability per year that the function reaches each impact level or a worse one, and the cell
 * of the five-by-five matrix of {@link Likelihood likelihood classes} and {@link ImpactLevel
 * impact levels} where it stands.
 *
 * <pre>{@code
 * RiskMatrix m = RiskMatrix.of(MonteCarlo.of(model).seed(2026).scenarios(10_000));
 * m.threat("winter-storm").orElseThrow().function("emergency-care");
 * }</pre>
 *
 * Every ensemble runs over a year of 365 days with the seed, scenario count, precision, level and
 * threads of the ensemble given, so the same settings give the same matrix on any number of
 * threads; the all-causes row is exactly what that ensemble finds.
 *
 * @param period    the study period of every ensemble: 365 days
 * @param seed      the seed of every ensemble
 * @param level     the confidence level of every interval
 * @param sources   one row per threat, in the order the ensemble samples them, then all causes
 */
public record RiskMatrix(Duration period, long seed, double level, List<Source> sources) {

  /** The study period of a risk matrix: likelihoods are per year. */
  public static final Duration YEAR = Duration.ofDays(365);

  public RiskMatrix {
    Objects.requireNonNull(period, "period");
    sources = List.copyOf(sources);
  }

  /**
   * What one source of risk — a threat alone, or all causes together — does to every function
   * with impact thresholds.
   *
   * @param threat    the threat's id; empty for all causes
   * @param name      the threat's name, or {@code all causes}
   * @param scenarios how many scenario-years were simulated
   * @param functions per function with impact thresholds, in model order
   */
  public record Source(Optional<String> threat, String name, long scenarios, List<Entry> functions) {

    public Source {
      Objects.requireNonNull(threat, "threat");
      Objects.requireNonNull(name, "name");
      functions = List.copyOf(functions);
    }

    /** True for the all-causes row. */
    public boolean allCauses() {
      return threat.isEmpty();
    }

    /** The entry of one function. */
    public Optional<Entry> function(String id) {
      return functions.stream().filter(f -> f.function().equals(id)).findFirst();
    }

    @Override
    public String toString() {
      return (threat.map(t -> "threat " + t).orElse("all causes")) + ": " + functions.size()
          + " functions, " + functions.stream().filter(f -> f.cell().isPresent()).count() + " with an impact";
    }
  }

  /**
   * One function under one source: the probability per year of each impact level or worse, and
   * its cell.
   *
   * @param function the function's id
   * @param atLeast  per impact level, in order, P(reaching it or a worse one in a year)
   * @param cell     where it stands on the matrix; empty when no level was ever reached
   */
  public record Entry(String function, Map<ImpactLevel, Estimate> atLeast, Optional<Cell> cell) {

    public Entry {
      Objects.requireNonNull(function, "function");
      atLeast = Collections.unmodifiableMap(atLeast.isEmpty() ? new EnumMap<>(ImpactLevel.class) : new EnumMap<>(atLeast));
      Objects.requireNonNull(cell, "cell");
    }

    /** {@code emergency-care: serious+ 0.1605 [0.1451, 0.1772], …; cell possible × catastrophic}. */
    @Override
    public String toString() {
      return function + ": " + atLeast.entrySet().stream()
          .map(e -> e.getKey().label() + "+ " + e.getValue()).collect(Collectors.joining(", "))
          + "; cell " + cell.map(Cell::toString).orElse("none");
    }
  }

  /**
   * A cell of the matrix: of the impact levels a source brings a function to, the one whose
   * likelihood class times level (each ranked 1 to 5) is highest, the more severe level on a tie
   * (docs/risk.md#the-risk-matrix).
   *
   * @param likelihood  the row: the class of {@code probability}
   * @param level       the column
   * @param probability P(reaching {@code level} or worse in a year)
   */
  public record Cell(Likelihood likelihood, ImpactLevel level, Estimate probability) {

    public Cell {
      Objects.requireNonNull(likelihood, "likelihood");
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(probability, "probability");
    }

    /** Likelihood rank times level rank, 1 to 25. */
    public int score() {
      return likelihood.rank() * level.rank();
    }

    @Override
    public String toString() {
      return likelihood.label() + " × " + level.label();
    }
  }

  /**
   * Computes the matrix with the settings of {@code ensemble} (its seed, number of scenarios,
   * precision, level and threads; its period is replaced by a year): one ensemble per threat it
   * samples, with only that threat as a source of disruption, and the whole ensemble for all
   * causes.
   *
   * @throws dev.kuja.model.ValidationException when a threat added to the ensemble has problems
   */
  public static RiskMatrix of(MonteCarlo ensemble) {
    MonteCarlo year = Objects.requireNonNull(ensemble, "ensemble").period(YEAR);
    Model model = year.model();
    List<Node> levelled = model.functions().stream().filter(f -> !f.impacts().isEmpty()).toList();
    List<Source> sources = new ArrayList<>();
    for (Threat t : year.threats()) {
      EnsembleResult r = year.only(t).run();
      sources.add(source(Optional.of(t.id()), t.name(), r, levelled));
    }
    sources.add(source(Optional.empty(), "all causes", year.run(), levelled));
    return new RiskMatrix(YEAR, year.seed(), Statistics.level(Statistics.z(year.level())), sources);
  }

  /** The matrix of a model's threats and reliability data with default settings and this seed and size. */
  public static RiskMatrix of(Model model, long seed, long scenarios) {
    return of(MonteCarlo.of(model).seed(seed).scenarios(scenarios));
  }

  private static Source source(Optional<String> threat, String name, EnsembleResult r, List<Node> levelled) {
    List<Entry> out = new ArrayList<>();
    for (Node f : levelled) {
      Map<ImpactLevel, Estimate> atLeast = r.function(f.id()).orElseThrow().impacts();
      out.add(new Entry(f.id(), atLeast, cell(atLeast)));
    }
    return new Source(threat, name, r.scenarios(), out);
  }

  /** The cell with the highest likelihood rank × level rank; the more severe level on a tie. */
  static Optional<Cell> cell(Map<ImpactLevel, Estimate> atLeast) {
    Cell best = null;
    for (Map.Entry<ImpactLevel, Estimate> e : atLeast.entrySet()) {
      double p = e.getValue().value();
      if (p <= 0) {
        continue;
      }
      Cell c = new Cell(Likelihood.of(p), e.getKey(), e.getValue());
      if (best == null || c.score() >= best.score()) {
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The row of one threat. */
  public Optional<Source> threat(String id) {
    return sources.stream().filter(s -> s.threat().equals(Optional.of(id))).findFirst();
  }

  /** The all-causes row. */
  public Source allCauses() {
    return sources.get(sources.size() - 1);
  }

  /**
   * The threats on the matrix: per likelihood class and impact level, the {@code
   * threat/function} pairs whose cell it is, sorted (the all-causes row is not placed).
   */
  public Map<Likelihood, Map<ImpactLevel, List<String>>> grid() {
    Map<Likelihood, Map<ImpactLevel, List<String>>> grid = new EnumMap<>(Likelihood.class);
    for (Likelihood l : Likelihood.values()) {
      Map<ImpactLevel, List<String>> row = new EnumMap<>(ImpactLevel.class);
      for (ImpactLevel i : ImpactLevel.values()) {
        row.put(i, new ArrayList<>());
      }
      grid.put(l, row);
    }
    for (Source s : sources) {
      if (s.allCauses()) {
        continue;
      }
      for (Entry f : s.functions()) {
        f.cell().ifPresent(c -> grid.get(c.likelihood()).get(c.level()).add(s.threat().orElseThrow() + "/" + f.function()));
      }
    }
    grid.values().forEach(row -> row.values().forEach(Collections::sort));
    return grid;
  }

  /**
   * The five-by-five matrix as text: a row per likelihood class (the likeliest first), a column
   * per impact level, the number of threat/function pairs in each cell; then, per cell that has
   * any, the pairs, the worst cells first.
   */
  public String matrixTable() {
    StringBuilder sb = new StringBuilder();
    Map<Likelihood, Map<ImpactLevel, List<String>>> grid = grid();
    String cellRow = "%-14s" + " %13s".repeat(ImpactLevel.values().length) + "%n";
    List<Object> head = new ArrayList<>(List.of(""));
    for (ImpactLevel l : ImpactLevel.values()) {
      head.add(l.label());
    }
    sb.append(String.format(Locale.ROOT, cellRow, head.toArray()));
    List<Likelihood> rows = new ArrayList<>(List.of(Likelihood.values()));
    Collections.reverse(rows);
    for (Likelihood l : rows) {
      List<Object> cells = new ArrayList<>(List.of(l.label()));
      for (ImpactLevel i : ImpactLevel.values()) {
        int n = grid.get(l).get(i).size();
        cells.add(n == 0 ? "." : Integer.toString(n));
      }
      sb.append(String.format(Locale.ROOT, cellRow, cells.toArray()));
    }
    List<ImpactLevel> worstFirst = new ArrayList<>(List.of(ImpactLevel.values()));
    Collections.reverse(worstFirst);
    for (Likelihood l : rows) {
      for (ImpactLevel i : worstFirst) {
        if (!grid.get(l).get(i).isEmpty()) {
          sb.append(l.label()).append(" × ").append(i.label()).append(": ")
              .append(String.join(", ", grid.get(l).get(i))).append('\n');
        }
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "Risk matrix: %,d scenario-years per source, seed %d; P(impact level or worse in a year), %.0f %% intervals",
        allCauses().scenarios(), seed, level * 100));
    sb.append("\n  likelihood classes: ").append(java.util.Arrays.stream(Likelihood.values())
        .map(l -> l.label() + " " + l.bounds()).collect(Collectors.joining(", ")));
    int width = Math.max(8, sources.stream().flatMap(s -> s.functions().stream())
        .mapToInt(f -> f.function().length()).max().orElse(8));
    String row = "%n    %-" + width + "s" + " %-20s".repeat(ImpactLevel.values().length) + " %s";
    for (Source s : sources) {
      sb.append("\n\n  ").append(s.allCauses() ? "all causes (every threat and the nodes' reliability data)"
          : "threat " + s.threat().orElseThrow() + (s.name().equals(s.threat().orElseThrow()) ? "" : " \"" + s.name() + "\""));
      if (s.scenarios() != allCauses().scenarios()) {
        sb.append(String.format(Locale.ROOT, " (%,d scenario-years)", s.scenarios()));
      }
      if (s.functions().isEmpty()) {
        sb.append("\n    no function has impact thresholds");
        continue;
      }
      List<Entry> reached = s.functions().stream().filter(f -> f.cell().isPresent()).toList();
      if (!reached.isEmpty()) {
        List<Object> head = new ArrayList<>(List.of("function"));
        for (ImpactLevel l : ImpactLevel.values()) {
          head.add(l.label() + "+");
        }
        head.add("cell");
        sb.append(String.format(Locale.ROOT, row, head.toArray()));
      }
      for (Entry f : reached) {
        List<Object> cells = new ArrayList<>(List.of(f.function()));
        for (ImpactLevel l : ImpactLevel.values()) {
          cells.add(compact(f.atLeast().get(l)));
        }
        cells.add(f.cell().map(Cell::toString).orElse("-"));
        sb.append(String.format(Locale.ROOT, row, cells.toArray()).stripTrailing());
      }
      List<String> untouched = s.functions().stream().filter(f -> f.cell().isEmpty()).map(Entry::function).toList();
      if (!untouched.isEmpty()) {
        sb.append("\n    no impact level reached: ").append(String.join(", ", untouched));
      }
    }
    sb.append("\n\n  the matrix: threat/function pairs per cell (likelihood × impact level)\n")
        .append(matrixTable().indent(4).stripTrailing());
    return sb.toString();
  }

  private static String compact(Estimate e) {
    if (e == null) {
      return "-";
    }
    if (e.low() == e.high()) {
      return String.format(Locale.ROOT, "%.3f", e.value());
    }
    return String.format(Locale.ROOT, "%.3f [%.3f,%.3f]", e.value(), e.low(), e.high());
  }
}
