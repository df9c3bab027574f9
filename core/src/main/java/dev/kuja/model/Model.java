package dev.kuja.model;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * A continuity model: organisations, the functions, resources and suppliers they own, the
 * requirements between them, and the threats of its risk register. Immutable and always valid — {@link Builder#build()} refuses an
 * invalid model and lists all its problems at once.
 *
 * <pre>{@code
 * Model m = Model.builder()
 *     .organisation("county", "Wellbeing services county", "wellbeing-services-county")
 *     .resource("grid", r -> r.owner("county"))
 *     .resource("generator", r -> r.owner("county").requires("fuel").tolerance("PT72H"))
 *     .supplier("fuel")
 *     .function("emergency-care", f -> f.owner("county").criticality("vital").mtpd("PT4H")
 *         .requiresAny("grid", "generator"))
 *     .build();
 * Analysis.of(m).spofs("emergency-care");     // the static analyses (dev.kuja.analysis)
 * Simulator.of(m).run(storm);                  // a cascade over time (dev.kuja.simulation)
 * }</pre>
 */
public final class Model {

  private final Optional<String> name;
  private final ImmutableMap<String, Organisation> organisations;
  private final NodeTable nodes;
  private final ImmutableMap<String, Threat> threats;
  /** Where the model came from: documents, externals, provenance (docs/regional.md). */
  private final Provenance provenance;
  private final Supplier<Graph<String, Dependency>> graph = Suppliers.memoize(this::buildGraph);

  private Model(Optional<String> name, ImmutableMap<String, Organisation> organisations,
      NodeTable nodes, ImmutableMap<String, Threat> threats, Provenance provenance) {
    this.name = name;
    this.organisations = organisations;
    this.nodes = nodes;
    this.threats = threats;
    this.provenance = provenance;
  }

  /** A builder for a new, empty model. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this model, for making a variant (the model itself never changes). */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name.orElse(null);
    organisations.values().forEach(b::organisation);
    nodes.values().stream().filter(n -> !isExternal(n.id())).forEach(b::node);
    threats.values().forEach(b::threat);
    b.provenance.copyFrom(provenance, nodes.keySet());
    return b;
  }

  /** The model's name, if it has one. */
  public Optional<String> name() {
    return name;
  }

  /** Organisations, in the order they were given. */
  public List<Organisation> organisations() {
    return organisations.values().asList();
  }

  /** The organisation with this id. */
  public Optional<Organisation> organisation(String id) {
    return Optional.ofNullable(organisations.get(id));
  }

  /** All nodes, in the order they were given. */
  public List<Node> nodes() {
    return nodes.list();
  }

  /** The node with this id. */
  public Optional<Node> node(String id) {
    return Optional.ofNullable(nodes.get(id));
  }

  /**
   * The node with this id.
   *
   * @throws NoSuchElementException naming the id (and the closest known id) when there is none
   */
  public Node requireNode(String id) {
    Node n = nodes.get(id);
    if (n == null) {
      throw new NoSuchElementException(
          "no node '" + id + "' in the model" + Ids.hint(id, nodes.keySet()));
    }
    return n;
  }

  /** True when the model has a node with this id. */
  public boolean contains(String id) {
    return nodes.containsKey(id);
  }

  /**
   * The document the node came from, when the model was read from documents (or the builder was
   * told, {@link Builder#from(String)}); empty for a node built in code, and for an id the model
   * lacks. Provenance is not part of a model's value: {@link #equals} ignores it.
   */
  public Optional<String> source(String nodeId) {
    return nodes.containsKey(nodeId) ? provenance.source(nodeId) : Optional.empty();
  }

  /** The documents the model was composed of, in the order they were read; empty when built in code. */
  public List<String> sources() {
    return provenance.documents();
  }

  /**
   * Every external service the model's documents declare (docs/regional.md#externals), in the
   * order declared; a declaration repeated identically by several documents is listed once.
   */
  public List<External> externals() {
    return provenance.externals();
  }

  /** The declarations of one node as an external, in the order declared (several documents may declare it). */
  public List<External> externals(String nodeId) {
    return provenance.externals(nodeId);
  }

  /** The document that first declared an external, when known. */
  public Optional<String> source(External external) {
    return provenance.source(external);
  }

  /**
   * True when the node stands for an external service that no part of this model defines: it was
   * made from its {@link #externals(String) declarations}, has no requirements of its own, and
   * its outages in simulations are bounded by the provider's commitment
   * (docs/regional.md#externals-in-simulations). False for a node that a document defines,
   * whether or not others declare it as an external (it is then <em>bound</em>).
   */
  public boolean isExternal(String nodeId) {
    return provenance.unbound(nodeId);
  }

  /** The threats of the model's risk register, in the order they were given. */
  public List<Threat> threats() {
    return threats.values().asList();
  }

  /** The threat with this id. */
  public Optional<Threat> threat(String id) {
    return Optional.ofNullable(threats.get(id));
  }

  /** The critical functions, in model order. */
  public List<Node> functions() {
    return nodes.values().stream().filter(Node::isFunction).collect(ImmutableList.toImmutableList());
  }

  /** The nodes owned by an organisation, in model order. */
  public List<Node> ownedBy(String organisationId) {
    return nodes.values().stream()
        .filter(n -> n.owner().filter(organisationId::equals).isPresent())
        .collect(ImmutableList.toImmutableList());
  }

  /** The nodes that carry a tag, in model order. */
  public List<Node> tagged(String tag) {
    return nodes.values().stream().filter(n -> n.hasTag(tag)).collect(ImmutableList.toImmutableList());
  }

  /** Number of nodes. */
  public int size() {
    return nodes.size();
  }

  /** Number of requirements over all nodes. */
  public int requirementCount() {
    return nodes.values().stream().mapToInt(n -> n.requirements().size()).sum();
  }

  /**
   * A read-only JGraphT view of the model: a vertex per node id, an edge per (dependent,
   * alternative) pair pointing from the node that needs to the node that is needed. Run
   * JGraphT's own algorithms on it (cycles, components, paths). Built on first use.
   */
  public Graph<String, Dependency> graph() {
    return graph.get();
  }

  private Graph<String, Dependency> buildGraph() {
    Graph<String, Dependency> g =
        GraphTypeBuilder.<String, Dependency>directed()
            .allowingMultipleEdges(true)
            .allowingSelfLoops(false)
            .weighted(false)
            .buildGraph();
    nodes.keySet().forEach(g::addVertex);
    for (Node n : nodes.values()) {
      for (int i = 0; i < n.requirements().size(); i++) {
        for (String alt : n.requirements().get(i).alternatives()) {
          g.addEdge(n.id(), alt, new Dependency(n.id(), alt, i));
        }
      }
    }
    return new AsUnmodifiableGraph<>(g);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Model m
        && name.equals(m.name)
        && organisations.equals(m.organisations)
        && nodes.equals(m.nodes)
        && threats.equals(m.threats)
        && provenance.externals().equals(m.provenance.externals())
        // maps compare without order; models also keep document order
        && organisations.keySet().asList().equals(m.organisations.keySet().asList())
        && nodes.ids().equals(m.nodes.ids())
        && threats.keySet().asList().equals(m.threats.keySet().asList());
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, organisations, nodes, threats, provenance.externals());
  }

  @Override
  public String toString() {
    Map<NodeKind, Integer> kinds = new EnumMap<>(NodeKind.class);
    nodes.values().forEach(n -> kinds.merge(n.kind(), 1, Integer::sum));
    StringBuilder sb = new StringBuilder("Model");
    name.ifPresent(n -> sb.append(" '").append(n).append('\''));
    sb.append(": ").append(organisations.size()).append(" organisations, ")
        .append(nodes.size()).append(" nodes (");
    sb.append(kinds.getOrDefault(NodeKind.FUNCTION, 0)).append(" functions, ")
        .append(kinds.getOrDefault(NodeKind.RESOURCE, 0)).append(" resources, ")
        .append(kinds.getOrDefault(NodeKind.SUPPLIER, 0)).append(" suppliers), ")
        .append(requirementCount()).append(" requirements");
    if (!threats.isEmpty()) {
      sb.append(", ").append(threats.size()).append(threats.size() == 1 ? " threat" : " threats");
    }
    return sb.toString();
  }

  /**
   * Collects organisations, nodes and threats, then {@link #build() builds} a validated model. Mistakes
   * (duplicate ids, unknown references, bad durations …) are gathered and reported together.
   */
  public static final class Builder {
    private String name;
    private final LinkedHashMap<String, Organisation> organisations = new LinkedHashMap<>();
    /**
     * Each node as added: a ready {@link Node} as given (a model read from a document, or the
     * nodes of a variant's model), or a {@link Node.Builder}, made for a node given ready only
     * when it is edited.
     */
    private final AddedNodes nodes = new AddedNodes();
    private final LinkedHashMap<String, Threat> threats = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    /** The documents, sources and externals of the model being built. */
    private final Provenance.Collector provenance = new Provenance.Collector();

    private Builder() {}

    /**
     * Says that the organisations, nodes and externals added from now on come from this
     * document (a file name, as it should appear in messages and reports): {@link
     * Model#source(String)}. Organisations may then be declared again, identically, by another
     * document; a node id defined by two documents is a problem naming both.
     */
    public Builder from(String document) {
      provenance.from(Objects.requireNonNull(document, "document"));
      return this;
    }

    /**
     * Declares an external service (docs/regional.md#externals): a node that another
     * organisation provides, with its commitment. When no node of this id is added, the model
     * gets one made from the declaration; otherwise the declaration is bound to it.
     */
    public Builder external(External external) {
      provenance.external(Objects.requireNonNull(external, "external"));
      return this;
    }

    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    public Builder organisation(Organisation organisation) {
      Objects.requireNonNull(organisation, "organisation");
      Organisation before = organisations.putIfAbsent(organisation.id(), organisation);
      if (before != null) {
        provenance.organisationAgain(before, organisation).ifPresent(problems::add);
      } else {
        provenance.organisation(organisation.id());
      }
      return this;
    }

    /** Adds an organisation with an id, a name and a type such as {@code municipality}. */
    public Builder organisation(String id, String name, String type) {
      return organisation(Organisation.of(id, name, type));
    }

    /** Adds an organisation with an id and a name. */
    public Builder organisation(String id, String name) {
      return organisation(Organisation.of(id, name));
    }

    /** Adds a critical function described by {@code spec}. */
    public Builder function(String id, Consumer<Node.Builder> spec) {
      return add(id, NodeKind.FUNCTION, spec);
    }

    /** Adds a resource described by {@code spec}. */
    public Builder resource(String id, Consumer<Node.Builder> spec) {
      return add(id, NodeKind.RESOURCE, spec);
    }

    /** Adds a resource that needs nothing further described. */
    public Builder resource(String id) {
      return add(id, NodeKind.RESOURCE, r -> {});
    }

    /** Adds a supplier described by {@code spec}. */
    public Builder supplier(String id, Consumer<Node.Builder> spec) {
      return add(id, NodeKind.SUPPLIER, spec);
    }

    /** Adds a supplier that needs nothing further described. */
    public Builder supplier(String id) {
      return add(id, NodeKind.SUPPLIER, s -> {});
    }

    /** Adds a node of the given kind described by {@code spec}. */
    public Builder node(String id, NodeKind kind, Consumer<Node.Builder> spec) {
      return add(id, kind, spec);
    }

    /** Adds a ready node. */
    public Builder node(Node node) {
      return put(Objects.requireNonNull(node, "node").id(), node);
    }

    /** Changes an existing node (for variants): {@code b.edit("generator", g -> g.tolerance("P7D"))}. */
    public Builder edit(String id, Consumer<Node.Builder> spec) {
      Objects.requireNonNull(spec, "spec");
      Object added = nodes.get(Objects.requireNonNull(id, "id"));
      if (added == null) {
        problems.add(Problem.node(id, null,
            "cannot edit '" + id + "': no such node" + Ids.hint(id, nodes.ids())));
      } else {
        Node.Builder nb;
        if (added instanceof Node ready) {
          nb = new Node.Builder(ready);
          nodes.replace(id, nb);
        } else {
          nb = (Node.Builder) added;
        }
        spec.accept(nb);
      }
      return this;
    }

    /**
     * Removes a node. Requirements that name it must be changed too, or {@link #build()} will
     * report them.
     */
    public Builder remove(String id) {
      if (!nodes.remove(Objects.requireNonNull(id, "id"))) {
        problems.add(Problem.node(id, null,
            "cannot remove '" + id + "': no such node" + Ids.hint(id, nodes.ids())));
      } else {
        provenance.removed(id);
      }
      return this;
    }

    /** Removes an organisation (its nodes keep naming it unless changed). */
    public Builder removeOrganisation(String id) {
      if (organisations.remove(Objects.requireNonNull(id, "id")) == null) {
        problems.add(Problem.organisation(id, "id", "cannot remove '" + id + "': no such organisation"));
      }
      return this;
    }

    /** Adds a threat to the risk register. */
    public Builder threat(Threat threat) {
      Objects.requireNonNull(threat, "threat");
      if (threats.putIfAbsent(threat.id(), threat) != null) {
        problems.add(provenance.threatAgain(threat.id()));
      } else {
        provenance.threat(threat.id());
      }
      return this;
    }

    /** Adds a threat described by {@code spec}: {@code b.threat("storm", t -> t.ratePerYear(0.3).tag("overhead-lines"))}. */
    public Builder threat(String id, Consumer<Threat.Builder> spec) {
      Threat.Builder tb = Threat.builder(id);
      Objects.requireNonNull(spec, "spec").accept(tb);
      return threat(tb.build());
    }

    /** Removes a threat. */
    public Builder removeThreat(String id) {
      if (threats.remove(Objects.requireNonNull(id, "id")) == null) {
        problems.add(Problem.threat(id, "id", "cannot remove '" + id + "': no such threat"
            + Ids.hint(id, threats.keySet())));
      }
      return this;
    }

    /** True when a node with this id has been added. */
    public boolean contains(String id) {
      return id != null && nodes.contains(id);
    }

    private Builder add(String id, NodeKind kind, Consumer<Node.Builder> spec) {
      Objects.requireNonNull(spec, "spec");
      Node.Builder nb = new Node.Builder(Objects.requireNonNull(id, "id"), kind);
      spec.accept(nb);
      return put(nb.id(), nb);
    }

    /** Adds a node, a {@link Node} or a {@link Node.Builder}, unless its id is taken. */
    private Builder put(String id, Object node) {
      if (!nodes.add(id, node)) {
        problems.add(provenance.nodeAgain(id));
      } else {
        provenance.node(id);
      }
      return this;
    }

    /** Where problems of an element kind come in a model's list: impacts with their nodes. */
    private static int group(Problem.Element.Kind kind) {
      return switch (kind) {
        case MODEL -> 0;
        case ORGANISATION -> 1;
        case NODE, IMPACT -> 2;
        case THREAT -> 3;
        default -> 4;
      };
    }

    private static Map<String, Integer> positions(Set<String> ids) {
      Map<String, Integer> out = new HashMap<>();
      for (String id : ids) {
        out.putIfAbsent(id, out.size());
      }
      return out;
    }

    /**
     * Validates and builds the model.
     *
     * @throws ModelValidationException listing every problem when the model is invalid
     */
    public Model build() {
      List<Problem> all = new ArrayList<>(problems);
      if (name != null) {
        Texts.problem(name).ifPresent(p -> all.add(Problem.model("name", "name " + p)));
      }
      List<Node> built = new ArrayList<>(nodes.size());
      for (Object added : nodes.values()) {
        if (added instanceof Node.Builder nb) {
          all.addAll(nb.problems());
          built.add(nb.build());
        } else {
          built.add((Node) added);
        }
      }
      // externals that no document defines become nodes of their own, after the others
      List<Node> unbound = provenance.unboundNodes(nodes.ids());
      built.addAll(unbound);
      // the builder's table of ids serves the model when the nodes are those it holds
      NodeTable nodeMap = unbound.isEmpty() && nodes.table().isPresent()
          ? NodeTable.over(built, nodes.table().get()) : NodeTable.of(built);
      ImmutableMap<String, Organisation> orgMap = ImmutableMap.copyOf(organisations);
      ImmutableMap<String, Threat> threatMap = ImmutableMap.copyOf(threats);
      // a value the builder could not read is reported once, not again as "missing"
      Set<List<Object>> reported = new HashSet<>();
      for (Problem p : all) {
        reported.add(List.of(p.element(), p.field()));
      }
      for (Problem p : Validator.validate(orgMap, nodeMap, threatMap)) {
        if (!reported.contains(List.of(p.element(), p.field()))) {
          all.add(p);
        }
      }
      provenance.validate(orgMap, nodeMap, all);
      if (!all.isEmpty()) {
        // model order: the model, organisations, nodes, then threats as given; within a node,
        // its own fields, its impact thresholds, then its requirements (as a document lists them)
        Map<String, Integer> orgOrder = positions(organisations.keySet());
        Map<String, Integer> nodeOrder = positions(nodeMap.keySet());
        Map<String, Integer> threatOrder = positions(threats.keySet());
        all.sort(Comparator.<Problem>comparingInt(p -> group(p.element().kind()))
            .thenComparingInt(p -> (switch (p.element().kind()) {
              case NODE, IMPACT -> nodeOrder;
              case THREAT -> threatOrder;
              default -> orgOrder;
            }).getOrDefault(p.element().id(), Integer.MAX_VALUE))
            .thenComparingLong(p -> {
              int i = p.element().index().orElse(-1);
              return p.element().kind() == Problem.Element.Kind.NODE && i >= 0 ? (1L << 32) + i : i;
            }));
        throw new ModelValidationException(provenance.locate(all));
      }
      return new Model(Optional.ofNullable(name), orgMap, nodeMap, threatMap, provenance.build(nodeMap.keySet()));
    }
  }
}
