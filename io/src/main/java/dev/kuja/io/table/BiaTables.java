package dev.kuja.io.table;

import dev.kuja.io.syntax.Problems;
import dev.kuja.model.Criticality;
import dev.kuja.model.Durations;
import dev.kuja.model.ImpactLevel;
import dev.kuja.model.ImpactThreshold;
import dev.kuja.model.Model;
import dev.kuja.model.ModelValidationException;
import dev.kuja.model.NodeKind;
import dev.kuja.model.Problem;
import dev.kuja.model.RepairTime;
import dev.kuja.model.Requirement;
import dev.kuja.model.Suggestions;
import dev.kuja.model.Target;
import dev.kuja.model.Threat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The meaning of a BIA's tables — nodes and requirements, and optionally impact thresholds and
 * threats — wherever they come from (CSV files or the sheets of a workbook): the columns, the
 * rows, and the model they make. Every problem is placed at its
 * cell by the table's {@link Locator}.
 */
final class BiaTables {

  static final List<String> NODE_COLUMNS =
      List.of("id", "kind", "name", "owner", "criticality", "mtpd", "rto", "recovery", "tags");
  static final List<String> REQUIREMENT_COLUMNS = List.of("node", "alternatives", "k", "tolerance");
  static final List<String> IMPACT_COLUMNS = List.of("function", "after", "category", "level", "note");
  static final List<String> THREAT_COLUMNS = List.of("id", "name", "probability", "rate", "duration",
      "distribution", "mean", "min", "max", "median", "sigma", "nodes", "organisations", "tags");

  private BiaTables() {}

  /** Places a problem at a row and column (both from 1; 0 for the whole table or row). */
  @FunctionalInterface
  interface Locator {
    Problem.Location at(int row, int column);
  }

  /** A row as read: its number in the file or sheet, and its cells as text. */
  record RawRow(int line, List<String> cells) {}

  /**
   * Builds the model from the nodes and requirements tables and, when given, the impact
   * thresholds and the threats.
   *
   * @throws dev.kuja.io.DocumentException with every problem of the tables and the model
   */
  static Model model(Table nodeTable, Table reqTable, Optional<Table> impactTable,
      Optional<Table> threatTable, Problems problems) {
    Model.Builder b = Model.builder();
    Set<String> owners = new LinkedHashSet<>();
    Map<String, Table.Row> nodeRows = new HashMap<>();
    Map<String, List<Table.Row>> reqRows = new LinkedHashMap<>();
    Map<String, List<Requirement>> reqs = new HashMap<>();
    Map<String, List<Table.Row>> impactRows = new LinkedHashMap<>();
    Map<String, List<ImpactThreshold>> thresholds = new HashMap<>();
    impactTable.ifPresent(table -> impacts(table, impactRows, thresholds));
    for (Table.Row row : reqTable.rows) {
      Optional<String> node = row.text("node");
      Optional<String> alternatives = row.text("alternatives");
      if (node.isEmpty() || alternatives.isEmpty()) {
        row.missing(node.isEmpty() ? "node" : "alternatives");
        continue;
      }
      List<String> alts = List.of(alternatives.get().split("\\|", -1)).stream().map(String::trim).toList();
      int k = row.integer("k").orElse(1);
      Duration tolerance = row.duration("tolerance").orElse(Duration.ZERO);
      reqs.computeIfAbsent(node.get(), x -> new ArrayList<>()).add(new Requirement(alts, k, tolerance));
      reqRows.computeIfAbsent(node.get(), x -> new ArrayList<>()).add(row);
    }
    for (Table.Row row : nodeTable.rows) {
      Optional<String> id = row.text("id");
      if (id.isEmpty()) {
        row.missing("id");
        continue;
      }
      Optional<String> kindText = row.text("kind");
      Optional<NodeKind> kind = kindText.flatMap(NodeKind::parse);
      if (kindText.isEmpty()) {
        row.missing("kind");
      } else if (kind.isEmpty()) {
        row.problem("kind", "must be function, resource or supplier, not '" + kindText.get() + "'");
      }
      Optional<String> criticalityText = row.text("criticality");
      Optional<Criticality> criticality = criticalityText.flatMap(Criticality::parse);
      if (criticalityText.isPresent() && criticality.isEmpty()) {
        row.problem("criticality", "must be vital, critical, important or supporting, not '"
            + criticalityText.get() + "'");
      }
      Optional<Duration> mtpd = row.duration("mtpd");
      Optional<Duration> rto = row.duration("rto");
      Optional<Duration> recovery = row.duration("recovery");
      Optional<String> owner = row.text("owner");
      owner.ifPresent(owners::add);
      if (nodeRows.putIfAbsent(id.get(), row) != null) {
        row.problem("id", "node id '" + id.get() + "' appears in an earlier row too");
        continue;
      }
      NodeKind k = kind.orElse(NodeKind.RESOURCE);
      List<Requirement> nodeRequirements = reqs.getOrDefault(id.get(), List.of());
      List<ImpactThreshold> nodeImpacts = thresholds.getOrDefault(id.get(), List.of());
      b.node(id.get(), k, nb -> {
        row.text("name").ifPresent(nb::name);
        owner.ifPresent(nb::owner);
        criticality.ifPresent(nb::criticality);
        mtpd.ifPresent(nb::mtpd);
        rto.ifPresent(nb::rto);
        recovery.ifPresent(nb::recovery);
        row.text("tags").ifPresent(t -> nb.tags(List.of(t.split("\\|")).stream().map(String::trim)
            .filter(s -> !s.isEmpty()).toArray(String[]::new)));
        nb.requirements(nodeRequirements);
        nb.impacts(nodeImpacts);
      });
    }
    for (Map.Entry<String, List<Table.Row>> e : reqRows.entrySet()) {
      if (!nodeRows.containsKey(e.getKey())) {
        e.getValue().get(0).problem("node", "names '" + e.getKey() + "', which is not a row of "
            + nodeTable.name + Suggestions.hint(e.getKey(), nodeRows.keySet()));
      }
    }
    for (Map.Entry<String, List<Table.Row>> e : impactRows.entrySet()) {
      if (!nodeRows.containsKey(e.getKey())) {
        e.getValue().get(0).problem("function", "names '" + e.getKey() + "', which is not a row of "
            + nodeTable.name + Suggestions.hint(e.getKey(), nodeRows.keySet()));
      }
    }
    owners.forEach(o -> b.organisation(o, o));
    Map<String, Table.Row> threatRows = new HashMap<>();
    Map<String, List<String>> targetColumns = new HashMap<>();
    threatTable.ifPresent(table -> threats(table, b, threatRows, targetColumns));
    try {
      Model model = b.build();
      problems.throwIfAny();
      return model;
    } catch (ModelValidationException e) {
      for (Problem p : e.problems()) {
        if (p.element().kind() == Problem.Element.Kind.THREAT) {
          Table.Row row = threatRows.get(p.element().id());
          if (row != null) {
            String column = p.element().index().isPresent()
                ? targetColumns.get(p.element().id()).get(p.element().index().getAsInt())
                : switch (p.field().orElse("")) {
                  case "probability", "rate", "name", "id" -> p.field().get();
                  case "duration" -> row.text("distribution").isPresent() ? "distribution" : "duration";
                  case "targets" -> "nodes";
                  default -> "id";
                };
            int at = row.table.column(column) > 0 ? row.table.column(column) : row.table.column("id");
            if (!row.table.reported.contains(at + "@" + row.line)) {
              // a value that could not be read is reported once, not again as missing
              problems.add(p.at(row.table.locator.at(row.line, at)));
            }
          } else {
            problems.add(p);
          }
          continue;
        }
        if (p.element().kind() == Problem.Element.Kind.IMPACT) {
          List<Table.Row> rows = impactRows.getOrDefault(p.element().id(), List.of());
          int i = p.element().index().orElse(0);
          if (i < rows.size()) {
            Table.Row row = rows.get(i);
            if (!row.table.rowReported(row.line)) {
              problems.add(p.at(row.table.locator.at(row.line,
                  Math.max(1, row.table.column(p.field().orElse("function"))))));
            }
            continue;
          }
        }
        Table.Row row = nodeRows.get(p.element().id());
        if (p.element().index().isPresent() && p.element().kind() == Problem.Element.Kind.NODE) {
          List<Table.Row> rows = reqRows.get(p.element().id());
          row = rows != null && p.element().index().getAsInt() < rows.size()
              ? rows.get(p.element().index().getAsInt()) : row;
        }
        if (row == null) {
          problems.add(p.at(nodeTable.locator.at(0, 0)));
          continue;
        }
        String column = switch (p.field().orElse("")) {
          case "alternatives" -> "alternatives";
          case "k" -> "k";
          case "tolerance" -> "tolerance";
          case "owner", "criticality", "mtpd", "rto", "recovery", "name", "id" -> p.field().get();
          case "impacts" -> "kind";
          default -> p.element().index().isPresent() ? "node" : "id";
        };
        if (!row.reported(column)) {
          problems.add(p.at(row.table.locator.at(row.line, row.table.column(column))));
        }
      }
      problems.throwIfAny();
      throw e;
    }
  }

  /** The rows of the impacts table, by function, in order; an unreadable row keeps its place as a blank threshold. */
  private static void impacts(Table table, Map<String, List<Table.Row>> rows,
      Map<String, List<ImpactThreshold>> thresholds) {
    for (Table.Row row : table.rows) {
      Optional<String> function = row.text("function");
      if (function.isEmpty()) {
        row.missing("function");
        continue;
      }
      Optional<Duration> after = row.duration("after");
      Optional<String> category = row.text("category");
      Optional<String> levelText = row.text("level");
      Optional<ImpactLevel> level = levelText.flatMap(ImpactLevel::parse);
      if (row.text("after").isEmpty()) {
        row.missing("after");
      }
      if (category.isEmpty()) {
        row.missing("category");
      }
      if (levelText.isEmpty()) {
        row.missing("level");
      } else if (level.isEmpty()) {
        row.problem("level", "must be minor, moderate, serious, severe or catastrophic, not '"
            + levelText.get() + "'");
      }
      ImpactThreshold t;
      if (after.isPresent() && category.isPresent() && level.isPresent()) {
        t = new ImpactThreshold(after.get(), category.get(), level.get(), row.text("note"));
      } else {
        t = ImpactThreshold.of(Duration.ZERO, "", ImpactLevel.MINOR); // keeps later rows numbered
        table.reportedRow(row.line);
      }
      rows.computeIfAbsent(function.get(), x -> new ArrayList<>()).add(row);
      thresholds.computeIfAbsent(function.get(), x -> new ArrayList<>()).add(t);
    }
  }

  /** The rows of the threats table; remembers each threat's row and the column of each of its targets. */
  private static void threats(Table table, Model.Builder b, Map<String, Table.Row> rows,
      Map<String, List<String>> targetColumns) {
    for (Table.Row row : table.rows) {
      Optional<String> id = row.text("id");
      if (id.isEmpty()) {
        row.missing("id");
        continue;
      }
      Threat.Builder t = Threat.builder(id.get());
      row.text("name").ifPresent(t::name);
      row.number("probability").ifPresent(t::probability);
      row.number("rate").ifPresent(t::ratePerYear);
      duration(row).ifPresent(t::duration);
      List<String> columns = new ArrayList<>();
      for (String column : List.of("nodes", "organisations", "tags")) {
        row.text(column).ifPresent(cell -> {
          for (String v : cell.split("\\|")) {
            String value = v.trim();
            if (value.isEmpty()) {
              continue;
            }
            t.target(switch (column) {
              case "nodes" -> Target.node(value);
              case "organisations" -> Target.organisation(value);
              default -> Target.tag(value);
            });
            columns.add(column);
          }
        });
      }
      if (rows.putIfAbsent(id.get(), row) != null) {
        row.problem("id", "threat id '" + id.get() + "' appears in an earlier row too");
        continue;
      }
      targetColumns.put(id.get(), columns);
      b.threat(t.build());
    }
  }

  /** A threat's duration: fixed from the duration column, or the distribution the columns give. */
  private static Optional<RepairTime> duration(Table.Row row) {
    Optional<String> distribution = row.text("distribution");
    if (distribution.isEmpty()) {
      return row.duration("duration").map(RepairTime.Fixed::new);
    }
    switch (distribution.get()) {
      case "fixed":
        return required(row, "duration").map(RepairTime.Fixed::new);
      case "exponential":
        return required(row, "mean").map(RepairTime.Exponential::new);
      case "uniform": {
        Optional<Duration> min = required(row, "min");
        Optional<Duration> max = required(row, "max");
        return min.isPresent() && max.isPresent()
            ? Optional.of(new RepairTime.Uniform(min.get(), max.get())) : Optional.empty();
      }
      case "lognormal": {
        Optional<Duration> median = required(row, "median");
        Optional<Double> sigma = row.number("sigma");
        if (row.text("sigma").isEmpty()) {
          row.problem(row.table.column("sigma") > 0 ? "sigma" : "distribution",
              "a lognormal distribution needs sigma");
        }
        return median.isPresent() && sigma.isPresent()
            ? Optional.of(new RepairTime.LogNormal(median.get(), sigma.get())) : Optional.empty();
      }
      default:
        row.problem("distribution", "must be fixed, exponential, uniform or lognormal, not '"
            + distribution.get() + "'");
        return Optional.empty();
    }
  }

  private static Optional<Duration> required(Table.Row row, String column) {
    if (row.text(column).isEmpty()) {
      row.problem(row.table.column(column) > 0 ? column : "distribution",
          "the distribution '" + row.text("distribution").orElse("") + "' needs " + column);
      return Optional.empty();
    }
    return row.duration(column);
  }

  /** A table with a header row, its rows keeping their numbers in the file or sheet. */
  static final class Table {
    /** What the table is called in messages: its file, or the sheet of a workbook. */
    final String name;
    final Locator locator;
    final Problems problems;
    final List<String> header = new ArrayList<>();
    final List<Row> rows = new ArrayList<>();
    /** column@line of every cell already reported, so validation does not repeat it. */
    private final Set<String> reported = new HashSet<>();

    private Table(String name, Locator locator, Problems problems) {
      this.name = name;
      this.locator = locator;
      this.problems = problems;
    }

    int column(String name) {
      return header.indexOf(name) + 1;
    }

    /** Marks a cell as reported already (by its 1-based column), so nothing else is said of it. */
    void reported(int line, int column) {
      reported.add(column + "@" + line);
    }

    /** Marks a whole row as reported already: validation says nothing more of it. */
    void reportedRow(int line) {
      reported.add("row@" + line);
    }

    boolean rowReported(int line) {
      return reported.contains("row@" + line);
    }

    /**
     * The table of the rows read: the first names the columns (known ones only, required ones
     * present), the others are data; rows whose cells are all empty are skipped.
     */
    static Table of(String name, Locator locator, List<RawRow> raw, List<String> known,
        Set<String> required, Problems problems) {
      Table t = new Table(name, locator, problems);
      boolean first = true;
      for (RawRow r : raw) {
        boolean empty = r.cells().stream().allMatch(String::isEmpty);
        if (first) {
          if (empty) {
            continue;
          }
          first = false;
          t.header(r.cells(), known, required, r.line());
        } else if (!empty) {
          int last = r.cells().size();
          while (last > 0 && r.cells().get(last - 1).isEmpty()) {
            last--;
          }
          if (last > t.header.size()) {
            problems.add(Problem.inDocument(locator.at(r.line(), t.header.size() + 1),
                "the row has " + last + " cells but the header names " + t.header.size() + " columns"));
          }
          t.rows.add(new Row(t, r.line(), r.cells()));
        }
      }
      if (first) {
        problems.add(Problem.inDocument(locator.at(0, 0), "the table is empty; the first row names the columns: "
            + String.join(",", known)));
      }
      return t;
    }

    private void header(List<String> cells, List<String> known, Set<String> required, int line) {
      int last = cells.size();
      while (last > 0 && cells.get(last - 1).isEmpty()) {
        last--;
      }
      for (int i = 0; i < last; i++) {
        String c = cells.get(i).trim();
        int earlier = header.indexOf(c);
        header.add(c);
        if (earlier >= 0 && !c.isEmpty()) {
          problems.add(Problem.inDocument(locator.at(line, i + 1), "the column '" + c
              + "' appears twice in the header (also column " + (earlier + 1) + "); name each column once"));
        } else if (!known.contains(c)) {
          problems.add(Problem.inDocument(locator.at(line, i + 1), "unknown column '" + c + "'"
              + Suggestions.closest(c, known).map(s -> "; did you mean '" + s + "'?")
                  .orElse(" (columns: " + String.join(", ", known) + ")")));
        }
      }
      for (String r : required) {
        if (!header.contains(r)) {
          problems.add(Problem.inDocument(locator.at(line, 0), "the header has no column '" + r + "'"));
        }
      }
    }

    /** One data row. */
    static final class Row {
      final Table table;
      final int line;
      final List<String> cells;

      Row(Table table, int line, List<String> cells) {
        this.table = table;
        this.line = line;
        this.cells = cells;
      }

      boolean reported(String column) {
        return table.reported.contains(table.column(column) + "@" + line);
      }

      Optional<String> text(String column) {
        int i = table.header.indexOf(column);
        if (i < 0 || i >= cells.size() || cells.get(i).isBlank() || reported(column)) {
          return Optional.empty();
        }
        return Optional.of(cells.get(i).trim());
      }

      void problem(String column, String message) {
        table.reported(line, table.column(column));
        table.problems.add(Problem.inDocument(table.locator.at(line, table.column(column)),
            "column '" + column + "': " + message));
      }

      void missing(String column) {
        if (!reported(column)) {
          problem(column, "must not be empty");
        }
      }

      Optional<Duration> duration(String column) {
        Optional<String> t = text(column);
        if (t.isEmpty()) {
          return Optional.empty();
        }
        try {
          Duration d = Durations.parse(t.get());
          if (d.isNegative()) {
            problem(column, "must not be negative (" + t.get() + ")");
            return Optional.empty();
          }
          return Optional.of(d);
        } catch (IllegalArgumentException e) {
          problem(column, e.getMessage());
          return Optional.empty();
        }
      }

      Optional<Double> number(String column) {
        Optional<String> t = text(column);
        if (t.isEmpty()) {
          return Optional.empty();
        }
        try {
          return Optional.of(Double.parseDouble(t.get()));
        } catch (NumberFormatException e) {
          problem(column, "must be a number, not '" + t.get() + "'");
          return Optional.empty();
        }
      }

      Optional<Integer> integer(String column) {
        Optional<String> t = text(column);
        if (t.isEmpty()) {
          return Optional.empty();
        }
        try {
          return Optional.of(Integer.parseInt(t.get()));
        } catch (NumberFormatException e) {
          problem(column, "must be a whole number, not '" + t.get() + "'");
          return Optional.empty();
        }
      }
    }
  }
}
