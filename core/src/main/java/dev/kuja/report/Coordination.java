package dev.kuja.report;

import dev.kuja.analysis.InterfaceReport;
import dev.kuja.analysis.Spof;
import dev.kuja.analysis.SpofReport;
import dev.kuja.model.Criticality;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Organisation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who must plan with whom (docs/regional.md#the-coordination-report): the critical interfaces
 * between organisations, as a matrix of dependent organisation × providing organisation with the
 * vital and critical functions at stake in each cell.
 *
 * <p>An interface (a requirement of a node of one organisation on a node of another) is
 * <em>critical</em> for function f when f is vital or critical and the interface lies on the
 * chain that explains one of f's single points of failure: the single failure travels across
 * it to bring f down. It is read off the SPOF reports and the interface report a {@link Report}
 * has already computed; nothing is analysed again.
 *
 * @param organisations the organisations with a critical interface, in model order
 * @param pairs         one per (dependent, provider) pair with critical interfaces, the pairs with
 *                      the most functions at stake first, then by the two ids
 */
public record Coordination(List<String> organisations, List<Coordination.Pair> pairs) {

  public Coordination {
    organisations = List.copyOf(organisations);
    pairs = List.copyOf(pairs);
  }

  /**
   * One critical interface.
   *
   * @param dependent   the node that needs
   * @param provider    the node of another organisation that it needs
   * @param requirement 0-based index of the requirement in the dependent's list
   * @param redundant   true when the requirement has other alternatives
   * @param functions   the vital and critical functions at stake through it, sorted by id
   */
  public record CriticalInterface(String dependent, String provider, int requirement, boolean redundant,
      List<String> functions) {
    public CriticalInterface {
      Objects.requireNonNull(dependent, "dependent");
      Objects.requireNonNull(provider, "provider");
      functions = List.copyOf(functions);
    }
  }

  /**
   * The critical interfaces from one organisation to another: a cell of the matrix.
   *
   * @param dependentOrganisation the organisation whose nodes need
   * @param providerOrganisation  the organisation whose nodes are needed
   * @param interfaces            its critical interfaces, by dependent, provider, requirement
   */
  public record Pair(String dependentOrganisation, String providerOrganisation, List<CriticalInterface> interfaces) {
    public Pair {
      Objects.requireNonNull(dependentOrganisation, "dependentOrganisation");
      Objects.requireNonNull(providerOrganisation, "providerOrganisation");
      interfaces = List.copyOf(interfaces);
    }

    /** The functions at stake in this pair, sorted by id. */
    public List<String> functions() {
      TreeSet<String> all = new TreeSet<>();
      interfaces.forEach(i -> all.addAll(i.functions()));
      return List.copyOf(all);
    }
  }

  /** The cell of the matrix for a dependent and a providing organisation, if it has critical interfaces. */
  public Optional<Pair> pair(String dependentOrganisation, String providerOrganisation) {
    return pairs.stream().filter(p -> p.dependentOrganisation().equals(dependentOrganisation)
        && p.providerOrganisation().equals(providerOrganisation)).findFirst();
  }

  /** The critical interfaces of a model, from its SPOF reports (any subset) and its interface report. */
  public static Coordination of(Model model, List<SpofReport> spofs, InterfaceReport interfaces) {
    Objects.requireNonNull(model, "model");
    // (dependent, provider) node pairs crossing owners on an explanation, with their functions
    Map<List<String>, TreeSet<String>> crossings = new LinkedHashMap<>();
    for (SpofReport r : spofs) {
      Optional<Criticality> c = model.node(r.target()).flatMap(Node::criticality);
      if (c.isEmpty() || (c.get() != Criticality.VITAL && c.get() != Criticality.CRITICAL)) {
        continue;
      }
      for (Spof s : r.spofs()) {
        List<String> path = s.path();
        for (int i = 0; i + 1 < path.size(); i++) {
          Optional<String> needed = model.node(path.get(i)).flatMap(Node::owner);
          Optional<String> needs = model.node(path.get(i + 1)).flatMap(Node::owner);
          if (needed.isPresent() && needs.isPresent() && !needed.equals(needs)) {
            crossings.computeIfAbsent(List.of(path.get(i + 1), path.get(i)), k -> new TreeSet<>()).add(r.target());
          }
        }
      }
    }
    Map<List<String>, List<CriticalInterface>> byPair = new LinkedHashMap<>();
    for (InterfaceReport.Group g : interfaces.groups()) {
      for (InterfaceReport.Interface i : g.interfaces()) {
        TreeSet<String> functions = crossings.get(List.of(i.dependent(), i.provider()));
        if (functions != null) {
          byPair.computeIfAbsent(List.of(g.dependentOrganisation(), g.providerOrganisation()), k -> new ArrayList<>())
              .add(new CriticalInterface(i.dependent(), i.provider(), i.requirement(), i.redundant(),
                  List.copyOf(functions)));
        }
      }
    }
    List<Pair> pairs = new ArrayList<>();
    byPair.forEach((k, list) -> {
      list.sort(Comparator.comparing(CriticalInterface::dependent).thenComparing(CriticalInterface::provider)
          .thenComparingInt(CriticalInterface::requirement));
      pairs.add(new Pair(k.get(0), k.get(1), list));
    });
    pairs.sort(Comparator.<Pair>comparingInt(p -> -p.functions().size())
        .thenComparing(Pair::dependentOrganisation).thenComparing(Pair::providerOrganisation));
    // the organisations of some pair, in model order (a set: a national model has thousands of
    // organisations and of pairs)
    java.util.Set<String> inPairs = new java.util.HashSet<>();
    for (Pair p : pairs) {
      inPairs.add(p.dependentOrganisation());
      inPairs.add(p.providerOrganisation());
    }
    List<String> organisations = new ArrayList<>();
    for (Organisation o : model.organisations()) {
      if (inPairs.contains(o.id())) {
        organisations.add(o.id());
      }
    }
    return new Coordination(organisations, pairs);
  }

  /**
   * The matrix as text: a row per dependent organisation, a column per provider, each cell the
   * number of vital and critical functions at stake ({@code .} for none).
   */
  public String matrix() {
    if (organisations.isEmpty()) {
      return "no interface between organisations is on the chain of a single point of failure of a vital or critical function";
    }
    int rowWidth = Math.max(12, organisations.stream().mapToInt(String::length).max().orElse(0));
    StringBuilder sb = new StringBuilder(String.format("%-" + rowWidth + "s", "needs \\ from"));
    for (String o : organisations) {
      sb.append("  ").append(o);
    }
    for (String row : organisations) {
      sb.append(String.format("%n%-" + rowWidth + "s", row));
      for (String col : organisations) {
        String cell = row.equals(col) ? "-" : pair(row, col).map(p -> Integer.toString(p.functions().size())).orElse(".");
        sb.append("  ").append(String.format("%" + col.length() + "s", cell));
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Coordination: ").append(pairs.size())
        .append(" pairs of organisations with critical interfaces").append(String.format("%n%s", matrix().indent(2).stripTrailing()));
    for (Pair p : pairs) {
      sb.append(String.format("%n  %s needs %s: %s", p.dependentOrganisation(), p.providerOrganisation(),
          String.join(", ", p.functions())));
    }
    return sb.toString();
  }
}
