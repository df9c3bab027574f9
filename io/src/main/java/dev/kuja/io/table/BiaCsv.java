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
import dev.kuja.model.Model;
import dev.kuja.model.ModelValidationException;
import dev.kuja.model.NodeKind;
import dev.kuja.model.Problem;
import dev.kuja.model.Requirement;
import dev.kuja.model.Suggestions;
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
 * Imports a business impact analysis kept as two spreadsheet tables saved as CSV (UTF-8, comma
 * separated, first row the column names):
 *
 * <ul>
 *   <li>{@code nodes.csv}: {@code id, kind, name, owner, criticality, mtpd, rto, recovery, tags}
 *       — one row per function, resource or supplier; {@code id} and {@code kind} are required,
 *       the rest may be left empty; tags are separated by {@code |};
 *   <li>{@code requirements.csv}: {@code node, alternatives, k, tolerance} — one row per
 *       requirement; alternatives separated by {@code |}; an empty {@code k} means 1 (any one of
 *       the alternatives will do); an empty tolerance means none.
 * </ul>
 *
 * Organisations are taken from the owner column (named by their ids). Every problem is reported
 * at once as {@code file:row:column}, the column counted from 1.
 */
public final class BiaCsv {

  static final List<String> NODE_COLUMNS =
      List.of("id", "kind", "name", "owner", "criticality", "mtpd", "rto", "recovery", "tags");
  static final List<String> REQUIREMENT_COLUMNS = List.of("node", "alternatives", "k", "tolerance");

  private BiaCsv() {}

  /** Imports the two tables. */
  public static Model read(Path nodes, Path requirements) {
    return read(text(nodes), nodes.toString(), text(requirements), requirements.toString());
  }

  /** Imports the two tables from text; the names stand for the files in messages. */
  public static Model read(String nodes, String nodesName, String requirements, String requirementsName) {
    Problems problems = new Problems(nodesName);
    Table nodeTable = Table.read(nodes, nodesName, NODE_COLUMNS, Set.of("id", "kind"), problems);
    Table reqTable = Table.read(requirements, requirementsName, REQUIREMENT_COLUMNS,
        Set.of("node", "alternatives"), problems);
    Model.Builder b = Model.builder();
    Set<String> owners = new LinkedHashSet<>();
    Map<String, Table.Row> nodeRows = new HashMap<>();
    Map<String, List<Table.Row>> reqRows = new LinkedHashMap<>();
    Map<String, List<Requirement>> reqs = new HashMap<>();
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
      });
    }
    for (Map.Entry<String, List<Table.Row>> e : reqRows.entrySet()) {
      if (!nodeRows.containsKey(e.getKey())) {
        e.getValue().get(0).problem("node", "names '" + e.getKey() + "', which is not a row of "
            + nodesName + Suggestions.hint(e.getKey(), nodeRows.keySet()));
      }
    }
    owners.forEach(o -> b.organisation(o, o));
    try {
      Model model = b.build();
      problems.throwIfAny();
      return model;
    } catch (ModelValidationException e) {
      for (Problem p : e.problems()) {
        Table.Row row = nodeRows.get(p.element().id());
        if (p.element().index().isPresent()) {
          List<Table.Row> rows = reqRows.get(p.element().id());
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
  static final class Table {
    final String name;
    final Problems problems;
    final List<String> header = new ArrayList<>();
    final List<Row> rows = new ArrayList<>();
    /** column@line of every cell already reported, so validation does not repeat it. */
    final Set<String> reported = new java.util.HashSet<>();

    private Table(String name, Problems problems) {
      this.name = name;
      this.problems = problems;
    }

    int column(String name) {
      return header.indexOf(name) + 1;
    }

    static Table read(String text, String name, List<String> known, Set<String> required, Problems problems) {
      Table t = new Table(name, problems);
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
      final Table table;
      final int line;
      final List<String> cells;

      Row(Table table, int line, List<String> cells) {
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
