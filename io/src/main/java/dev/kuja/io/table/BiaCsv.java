package dev.kuja.io.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.kuja.io.DocumentException;
import dev.kuja.io.ReadOptions;
import dev.kuja.io.syntax.StrictReader;
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
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports a business impact analysis kept as spreadsheet tables saved as CSV (UTF-8, comma
 * separated, first row the column names), two required and two optional
 * (docs/documents.md#csv-import):
 *
 * <ul>
 *   <li>{@code nodes.csv}: {@code id, kind, name, owner, criticality, mtpd, rto, recovery, tags}
 *       — one row per function, resource or supplier; {@code id} and {@code kind} are required,
 *       the rest may be left empty; tags are separated by {@code |};
 *   <li>{@code requirements.csv}: {@code node, alternatives, k, tolerance} — one row per
 *       requirement; alternatives separated by {@code |}; an empty {@code k} means 1 (any one of
 *       the alternatives will do); an empty tolerance means none;
 *   <li>{@code impacts.csv} (optional): {@code function, after, category, level, note} — one row
 *       per impact threshold of a function, in order;
 *   <li>{@code threats.csv} (optional): {@code id, name, probability, rate, duration,
 *       distribution, mean, min, max, median, sigma, nodes, organisations, tags} — one row per
 *       threat; its duration is fixed ({@code duration}) or a distribution with its parameters;
 *       its targets are ids separated by {@code |}.
 * </ul>
 *
 * Organisations are taken from the owner column (named by their ids). Every problem is reported
 * at once as {@code file:row:column}, the column counted from 1.
 */
public final class BiaCsv {

  static final List<String> NODE_COLUMNS =
      List.of("id", "kind", "name", "owner", "criticality", "mtpd", "rto", "recovery", "tags");
  static final List<String> REQUIREMENT_COLUMNS = List.of("node", "alternatives", "k", "tolerance");
  static final List<String> IMPACT_COLUMNS = List.of("function", "after", "category", "level", "note");
  static final List<String> THREAT_COLUMNS = List.of("id", "name", "probability", "rate", "duration",
      "distribution", "mean", "min", "max", "median", "sigma", "nodes", "organisations", "tags");

  /**
   * One table: its text and the name messages give it.
   *
   * @param name the file name, or another name for the text
   * @param text the CSV text
   */
  public record Table(String name, String text) {

    public Table {
      java.util.Objects.requireNonNull(name, "name");
      java.util.Objects.requireNonNull(text, "text");
    }

    /** The table in a file (UTF-8). */
    public static Table of(Path file) {
      return new Table(file.toString(), BiaCsv.text(file));
    }
  }

  private BiaCsv() {}

  /** Imports the two required tables. */
  public static Model read(Path nodes, Path requirements) {
    return read(Table.of(nodes), Table.of(requirements), Optional.empty(), Optional.empty());
  }

  /** Imports the two tables from text; the names stand for the files in messages. */
  public static Model read(String nodes, String nodesName, String requirements, String requirementsName) {
    return read(new Table(nodesName, nodes), new Table(requirementsName, requirements), Optional.empty(),
        Optional.empty());
  }

  /**
   * Imports the nodes and requirements tables and, when given, the impact thresholds and the
   * threats. Every problem of every table, and of the model they make, is reported at once.
   */
  public static Model read(Table nodes, Table requirements, Optional<Table> impacts, Optional<Table> threats) {
    String nodesName = nodes.name();
    Problems problems = new Problems(nodesName);
    Sheet nodeTable = Sheet.read(nodes.text(), nodesName, NODE_COLUMNS, Set.of("id", "kind"), problems);
    Sheet reqTable = Sheet.read(requirements.text(), requirements.name(), REQUIREMENT_COLUMNS,
        Set.of("node", "alternatives"), problems);
    Optional<Sheet> impactTable = impacts.map(t -> Sheet.read(t.text(), t.name(), IMPACT_COLUMNS,
        Set.of("function", "after", "category", "level"), problems));
    Optional<Sheet> threatTable = threats.map(t -> Sheet.read(t.text(), t.name(), THREAT_COLUMNS,
        Set.of("id"), problems));
    Model.Builder b = Model.builder();
    Set<String> owners = new LinkedHashSet<>();
    Map<String, Sheet.Row> nodeRows = new HashMap<>();
    Map<String, List<Sheet.Row>> reqRows = new LinkedHashMap<>();
    Map<String, List<Requirement>> reqs = new HashMap<>();
    Map<String, List<Sheet.Row>> impactRows = new LinkedHashMap<>();
    Map<String, List<ImpactThreshold>> thresholds = new HashMap<>();
    impactTable.ifPresent(table -> impacts(table, impactRows, thresholds));
    for (Sheet.Row row : reqTable.rows) {
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
    for (Sheet.Row row : nodeTable.rows) {
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
    for (Map.Entry<String, List<Sheet.Row>> e : reqRows.entrySet()) {
      if (!nodeRows.containsKey(e.getKey())) {
        e.getValue().get(0).problem("node", "names '" + e.getKey() + "', which is not a row of "
            + nodesName + Suggestions.hint(e.getKey(), nodeRows.keySet()));
      }
    }
    for (Map.Entry<String, List<Sheet.Row>> e : impactRows.entrySet()) {
      if (!nodeRows.containsKey(e.getKey())) {
        e.getValue().get(0).problem("function", "names '" + e.getKey() + "', which is not a row of "
            + nodesName + Suggestions.hint(e.getKey(), nodeRows.keySet()));
      }
    }
    owners.forEach(o -> b.organisation(o, o));
    Map<String, Sheet.Row> threatRows = new HashMap<>();
    Map<String, List<String>> targetColumns = new HashMap<>();
    threatTable.ifPresent(table -> threats(table, b, threatRows, targetColumns));
    try {
      Model model = b.build();
      problems.throwIfAny();
      return model;
    } catch (ModelValidationException e) {
      for (Problem p : e.problems()) {
        if (p.element().kind() == Problem.Element.Kind.THREAT) {
          Sheet.Row row = threatRows.get(p.element().id());
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
            row.table.problems.add(p.at(new Problem.Location(row.table.name, row.line, at)));
          } else {
            problems.add(p);
          }
          continue;
        }
        if (p.element().kind() == Problem.Element.Kind.IMPACT) {
          List<Sheet.Row> rows = impactRows.getOrDefault(p.element().id(), List.of());
          int i = p.element().index().orElse(0);
          if (i < rows.size()) {
            Sheet.Row row = rows.get(i);
            if (!row.table.reported.contains("row@" + row.line)) {
              row.table.problems.add(p.at(new Problem.Location(row.table.name, row.line,
                  Math.max(1, row.table.column(p.field().orElse("function"))))));
            }
            continue;
          }
        }
        Sheet.Row row = nodeRows.get(p.element().id());
        if (p.element().index().isPresent() && p.element().kind() == Problem.Element.Kind.NODE) {
          List<Sheet.Row> rows = reqRows.get(p.element().id());
          row = rows != null && p.element().index().getAsInt() < rows.size()
              ? rows.get(p.element().index().getAsInt()) : row;
        }
        if (row == null) {
          problems.add(p.at(new Problem.Location(nodesName, 0, 0)));
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
        if (!row.table.reported.contains(column + "@" + row.line)) {
          row.table.problems.add(p.at(new Problem.Location(row.table.name, row.line, row.table.column(column))));
        }
      }
      problems.throwIfAny();
      throw e;
    }
  }

  /** The rows of impacts.csv, by function, in order; an unreadable row keeps its place as a blank threshold. */
  private static void impacts(Sheet table, Map<String, List<Sheet.Row>> rows,
      Map<String, List<ImpactThreshold>> thresholds) {
    for (Sheet.Row row : table.rows) {
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
        table.reported.add("row@" + row.line);
      }
      rows.computeIfAbsent(function.get(), x -> new ArrayList<>()).add(row);
      thresholds.computeIfAbsent(function.get(), x -> new ArrayList<>()).add(t);
    }
  }

  /** The rows of threats.csv; remembers each threat's row and the column of each of its targets. */
  private static void threats(Sheet table, Model.Builder b, Map<String, Sheet.Row> rows,
      Map<String, List<String>> targetColumns) {
    for (Sheet.Row row : table.rows) {
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
  private static Optional<RepairTime> duration(Sheet.Row row) {
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

  private static Optional<Duration> required(Sheet.Row row, String column) {
    if (row.text(column).isEmpty()) {
      row.problem(row.table.column(column) > 0 ? column : "distribution",
          "the distribution '" + row.text("distribution").orElse("") + "' needs " + column);
      return Optional.empty();
    }
    return row.duration(column);
  }

  /**
   * The text of a table file: UTF-8, strictly (see {@link StrictReader}; a byte-order mark, as
   * spreadsheet programs write with "CSV UTF-8", is dropped), within the document size limit.
   */
  private static String text(Path file) {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw problem(Problem.Location.of(name), Files.exists(file) ? "is not a file" : "no such file");
    }
    try {
      long size = Files.size(file);
      if (size > ReadOptions.DEFAULT.maxBytes()) {
        throw problem(Problem.Location.of(name), "the table is " + size
            + " bytes, more than the limit of " + ReadOptions.DEFAULT.maxBytes());
      }
      return StrictReader.readAll(Files.newInputStream(file));
    } catch (StrictReader.BadText e) {
      throw problem(new Problem.Location(name, e.line, e.column), e.problem);
    } catch (IOException e) {
      throw problem(Problem.Location.of(name), "cannot be read: " + e.getMessage());
    }
  }

  private static DocumentException problem(Problem.Location at, String message) {
    return new DocumentException(List.of(Problem.inDocument(at, message)));
  }

  /** A CSV table with a header row, its rows keeping their line numbers. */
  static final class Sheet {
    final String name;
    final Problems problems;
    final List<String> header = new ArrayList<>();
    final List<Row> rows = new ArrayList<>();
    /** column@line of every cell already reported, so validation does not repeat it. */
    final Set<String> reported = new java.util.HashSet<>();

    private Sheet(String name, Problems problems) {
      this.name = name;
      this.problems = problems;
    }

    int column(String name) {
      return header.indexOf(name) + 1;
    }

    static Sheet read(String text, String name, List<String> known, Set<String> required, Problems problems) {
      Sheet t = new Sheet(name, problems);
      CsvFactory factory = CsvFactory.builder()
          .enable(CsvParser.Feature.TRIM_SPACES).build();
      try (Reader reader = StrictReader.of(new StringReader(text));
          JsonParser p = factory.createParser(reader)) {
        boolean first = true;
        while (p.nextToken() == JsonToken.START_ARRAY) {
          int line = -1;
          List<String> cells = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            if (line < 0) {
              // the row's own start (the array token stands at the end of the previous line)
              line = p.currentTokenLocation().getLineNr();
            }
            String cell = p.getText();
            cells.add(cell == null ? "" : cell);
          }
          if (first) {
            first = false;
            t.header(cells, known, required, line);
          } else if (!(cells.size() == 1 && cells.get(0).isEmpty())) {
            if (cells.size() > t.header.size()) {
              problems.add(Problem.inDocument(new Problem.Location(name, line, t.header.size() + 1), "the row has " + cells.size() + " cells but the header names " + t.header.size() + " columns"));
            }
            t.rows.add(new Row(t, line, cells));
          }
        }
        if (first) {
          problems.add(Problem.inDocument(Problem.Location.of(name), "the table is empty; the first row names the columns: "
              + String.join(",", known)));
        }
      } catch (IOException e) {
        Optional<StrictReader.BadText> bad = StrictReader.BadText.in(e);
        if (bad.isPresent()) {
          problems.add(Problem.inDocument(new Problem.Location(name, bad.get().line, bad.get().column),
              bad.get().problem));
        } else if (e instanceof JsonProcessingException j) {
          problems.add(Problem.inDocument(new Problem.Location(name,
              j.getLocation() == null ? 0 : j.getLocation().getLineNr(),
              j.getLocation() == null ? 0 : j.getLocation().getColumnNr()),
              "not valid CSV: " + j.getOriginalMessage()));
        } else {
          problems.add(Problem.inDocument(Problem.Location.of(name), "cannot be read: " + e.getMessage()));
        }
      }
      return t;
    }

    private void header(List<String> cells, List<String> known, Set<String> required, int line) {
      for (int i = 0; i < cells.size(); i++) {
        String c = cells.get(i).trim();
        int earlier = header.indexOf(c);
        header.add(c);
        if (earlier >= 0 && !c.isEmpty()) {
          problems.add(Problem.inDocument(new Problem.Location(name, line, i + 1), "the column '" + c
              + "' appears twice in the header (also column " + (earlier + 1) + "); name each column once"));
        } else if (!known.contains(c)) {
          problems.add(Problem.inDocument(new Problem.Location(name, line, i + 1), "unknown column '" + c + "'"
              + Suggestions.closest(c, known).map(s -> "; did you mean '" + s + "'?")
                  .orElse(" (columns: " + String.join(", ", known) + ")")));
        }
      }
      for (String r : required) {
        if (!header.contains(r)) {
          problems.add(Problem.inDocument(new Problem.Location(name, line, 0), "the header has no column '" + r + "'"));
        }
      }
    }

    /** One data row. */
    static final class Row {
      final Sheet table;
      final int line;
      final List<String> cells;

      Row(Sheet table, int line, List<String> cells) {
        this.table = table;
        this.line = line;
        this.cells = cells;
      }

      Optional<String> text(String column) {
        int i = table.header.indexOf(column);
        if (i < 0 || i >= cells.size() || cells.get(i).isBlank()) {
          return Optional.empty();
        }
        return Optional.of(cells.get(i).trim());
      }

      void problem(String column, String message) {
        table.reported.add(column + "@" + line);
        table.problems.add(Problem.inDocument(new Problem.Location(table.name, line, table.column(column)), "column '" + column + "': " + message));
      }

      void missing(String column) {
        problem(column, "must not be empty");
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
