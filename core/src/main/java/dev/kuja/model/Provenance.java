package dev.kuja.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the parts of a model came from (docs/regional.md): the documents it was composed of, the
 * document of every node, and the externals the documents declare. Not part of a model's value
 * except for the externals, which documents write back.
 */
final class Provenance {

  static final Provenance NONE = new Provenance(ImmutableList.of(), null, ImmutableMap.of(),
      ImmutableMap.of(), ImmutableMap.of(), ImmutableSet.of());

  private final ImmutableList<String> documents;
  /** The one document every node came from, when there is one: then no map is kept. */
  private final String single;
  private final ImmutableMap<String, String> nodeSources;
  private final ImmutableMap<String, String> organisationSources;
  /** Distinct declarations, in order, each with the document that first made it (or ""). */
  private final ImmutableMap<External, String> externals;
  private final ImmutableSet<String> unbound;

  private Provenance(ImmutableList<String> documents, String single, ImmutableMap<String, String> nodeSources,
      ImmutableMap<String, String> organisationSources, ImmutableMap<External, String> externals,
      ImmutableSet<String> unbound) {
    this.documents = documents;
    this.single = single;
    this.nodeSources = nodeSources;
    this.organisationSources = organisationSources;
    this.externals = externals;
    this.unbound = unbound;
  }

  /** The document of a node of the model (the caller checks that it is one). */
  Optional<String> source(String nodeId) {
    return single != null ? Optional.of(single) : Optional.ofNullable(nodeSources.get(nodeId));
  }

  List<String> documents() {
    return documents;
  }

  List<External> externals() {
    return externals.keySet().asList();
  }

  List<External> externals(String nodeId) {
    return externals.keySet().stream().filter(e -> e.id().equals(nodeId))
        .collect(ImmutableList.toImmutableList());
  }

  Optional<String> source(External external) {
    return Optional.ofNullable(externals.get(external)).filter(s -> !s.isEmpty());
  }

  boolean unbound(String nodeId) {
    return unbound.contains(nodeId);
  }

  /** Collects provenance while a model is built. */
  static final class Collector {

    private String current;
    private final LinkedHashSet<String> documents = new LinkedHashSet<>();
    /**
     * The document of each node, but see {@link #pending}: while every node so far came from
     * one document and nothing else asked, the nodes are only listed, and the map is made when
     * something does ask (a model read from one file never makes it).
     */
    private final Map<String, String> nodeSources = new HashMap<>();
    /** Nodes not yet in {@link #nodeSources}, all from {@link #pendingSource}. */
    private final ArrayList<String> pending = new ArrayList<>();
    private String pendingSource;
    /** True once the map has been asked or changed otherwise than by {@link #node}. */
    private boolean mapped;
    private final Map<String, String> organisationSources = new HashMap<>();
    private final Map<String, String> threatSources = new HashMap<>();
    private final LinkedHashMap<External, String> externals = new LinkedHashMap<>();
    private Set<String> unbound = Set.of();

    /** The map of node sources, with the pending nodes in it: from now on it is kept up. */
    private Map<String, String> nodeSources() {
      if (!mapped) {
        mapped = true;
        for (String id : pending) {
          nodeSources.put(id, pendingSource);
        }
        pending.clear();
        pending.trimToSize();
      }
      return nodeSources;
    }

    void from(String document) {
      current = document;
      documents.add(document);
    }

    void copyFrom(Provenance p, Set<String> nodeIds) {
      documents.addAll(p.documents);
      if (p.single != null) {
        nodeIds.forEach(id -> nodeSources().put(id, p.single));
      }
      nodeSources().putAll(p.nodeSources);
      organisationSources.putAll(p.organisationSources);
      p.externals.forEach(externals::putIfAbsent);
    }

    void organisation(String id) {
      if (current != null) {
        organisationSources.put(id, current);
      }
    }

    /** An organisation given again: the same from another document is fine; anything else a problem. */
    Optional<Problem> organisationAgain(Organisation before, Organisation again) {
      String first = organisationSources.get(before.id());
      if (current != null && first != null && !first.equals(current)) {
        if (before.equals(again)) {
          return Optional.empty();
        }
        return Optional.of(at(Problem.organisation(again.id(), "id", "organisation '" + again.id()
            + "' is declared here as " + describe(again) + ", but as " + describe(before) + " in " + first)));
      }
      return Optional.of(at(Problem.organisation(again.id(), "id",
          "organisation id '" + again.id() + "' is used more than once")));
    }

    private static String describe(Organisation o) {
      return "'" + o.name() + "'" + o.type().map(t -> " (" + t + ")").orElse(" (no type)");
    }

    void node(String id) {
      if (current == null) {
        return;
      }
      if (!mapped && (pendingSource == null || pendingSource.equals(current))) {
        pendingSource = current;
        pending.add(id);
      } else {
        nodeSources().put(id, current);
      }
    }

    /** A node id given again: in the same document, or in another (the message names the first). */
    Problem nodeAgain(String id) {
      String first = nodeSources().get(id);
      if (current != null && first != null && !first.equals(current)) {
        return at(Problem.node(id, "id", "node id '" + id + "' is also defined in " + first));
      }
      return at(Problem.node(id, "id", "node id '" + id + "' is used more than once"));
    }

    void threat(String id) {
      if (current != null) {
        threatSources.put(id, current);
      }
    }

    /** A threat id given again: in the same document, or in another (the message names the first). */
    Problem threatAgain(String id) {
      String first = threatSources.get(id);
      if (current != null && first != null && !first.equals(current)) {
        return at(Problem.threat(id, "id", "threat id '" + id + "' is also defined in " + first));
      }
      return at(Problem.threat(id, "id", "threat id '" + id + "' is used more than once"));
    }

    void removed(String id) {
      nodeSources().remove(id);
    }

    void external(External e) {
      externals.putIfAbsent(e, current == null ? "" : current);
    }

    private Problem at(Problem p) {
      return current == null ? p : p.at(Problem.Location.of(current));
    }

    /**
     * The nodes made from the externals that no added node binds, one per id from its first
     * declaration, in order of declaration.
     */
    List<Node> unboundNodes(Set<String> defined) {
      Map<String, Node> made = new LinkedHashMap<>();
      externals.forEach((e, source) -> {
        if (!defined.contains(e.id()) && !made.containsKey(e.id())) {
          Node.Builder nb = new Node.Builder(e.id(), e.kind());
          nb.name(e.name()).owner(e.provider());
          made.put(e.id(), nb.build());
          if (!source.isEmpty()) {
            nodeSources().put(e.id(), source);
          }
        }
      });
      unbound = made.keySet();
      return List.copyOf(made.values());
    }

    /**
     * Checks every external (docs/regional.md#externals) and adds its problems to {@code all};
     * removes the problems of nodes made from externals, which their declarations answer for.
     * Messages begin with the key at fault, so that a reader can place them.
     */
    void validate(Map<String, Organisation> organisations, Map<String, Node> nodes, List<Problem> all) {
      all.removeIf(p -> p.element().kind() == Problem.Element.Kind.NODE && unbound.contains(p.element().id()));
      Map<String, External> first = new HashMap<>();
      List<Problem> out = new ArrayList<>();
      externals.forEach((e, source) -> {
        List<String> messages = new ArrayList<>();
        String idProblem = Ids.problem(e.id());
        if (idProblem != null) {
          messages.add(idProblem);
        }
        if (e.name().isBlank()) {
          messages.add("name must not be empty");
        } else if (!e.name().equals(e.id())) {
          Texts.problem(e.name()).ifPresent(p -> messages.add("name " + p));
        }
        if (!organisations.containsKey(e.provider())) {
          messages.add("provider '" + e.provider() + "' is not an organisation of the model"
              + Ids.hint(e.provider(), organisations.keySet()));
        }
        e.rto().map(Durations::problem).ifPresent(p -> messages.add("rto " + p));
        e.tolerance().map(Durations::problem).ifPresent(p -> messages.add("tolerance " + p));
        if (e.tolerance().isPresent() && e.kind() != NodeKind.SUPPLIER) {
          messages.add("tolerance is a supplier's commitment that deliveries continue; a "
              + e.kind().label() + " has none");
        }
        Node node = nodes.get(e.id());
        if (node != null && !unbound.contains(e.id())) {
          String where = Optional.ofNullable(nodeSources().get(e.id())).map(s -> ", defined in " + s).orElse("");
          if (node.kind() != e.kind()) {
            messages.add("kind " + e.kind().label() + " does not match node '" + e.id() + "', a "
                + node.kind().label() + where);
          }
          if (!node.owner().equals(Optional.of(e.provider()))) {
            messages.add("provider " + e.provider() + " does not match node '" + e.id() + "', "
                + node.owner().map(o -> "owned by " + o).orElse("which has no owner") + where);
          }
        } else {
          External before = first.putIfAbsent(e.id(), e);
          if (before != null) {
            String in = externals.get(before).isEmpty() ? "" : " in " + externals.get(before);
            if (before.kind() != e.kind()) {
              messages.add("kind " + e.kind().label() + " does not match the " + before.kind().label()
                  + " declared" + in);
            }
            if (!before.provider().equals(e.provider())) {
              messages.add("provider " + e.provider() + " does not match provider " + before.provider()
                  + " declared" + in);
            }
          }
        }
        for (String m : messages) {
          Problem p = Problem.node(e.id(), "external", m);
          out.add(source.isEmpty() ? p : p.at(Problem.Location.of(source)));
        }
      });
      all.addAll(out);
    }

    /** Places every problem of a node or organisation with a known document in that document. */
    List<Problem> locate(List<Problem> problems) {
      List<Problem> out = new ArrayList<>(problems.size());
      for (Problem p : problems) {
        String source = p.location().isPresent() ? null : switch (p.element().kind()) {
          case NODE, IMPACT -> nodeSources().get(p.element().id());
          case ORGANISATION -> organisationSources.get(p.element().id());
          case THREAT -> threatSources.get(p.element().id());
          default -> null;
        };
        out.add(source == null ? p : p.at(Problem.Location.of(source)));
      }
      return out;
    }

    Provenance build(Set<String> nodeIds) {
      // one document for every node, the common case of a model read from one file: no map.
      // Pending nodes are distinct nodes of the model (each added once, none removed), so when
      // they are as many as its nodes they are all of them.
      if (!mapped && !pending.isEmpty() && pending.size() == nodeIds.size()) {
        return new Provenance(ImmutableList.copyOf(documents), pendingSource, ImmutableMap.of(),
            ImmutableMap.copyOf(organisationSources), ImmutableMap.copyOf(externals),
            ImmutableSet.copyOf(unbound));
      }
      Map<String, String> nodeSources = nodeSources();
      String single = nodeIds.isEmpty() ? null : nodeSources.get(nodeIds.iterator().next());
      for (String id : nodeIds) {
        if (single == null || !single.equals(nodeSources.get(id))) {
          single = null;
          break;
        }
      }
      Map<String, String> sources = new LinkedHashMap<>();
      if (single == null) {
        for (String id : nodeIds) {
          String s = nodeSources.get(id);
          if (s != null) {
            sources.put(id, s);
          }
        }
      }
      if (documents.isEmpty() && sources.isEmpty() && externals.isEmpty() && single == null) {
        return NONE;
      }
      return new Provenance(ImmutableList.copyOf(documents), single, ImmutableMap.copyOf(sources),
          ImmutableMap.copyOf(organisationSources), ImmutableMap.copyOf(externals),
          ImmutableSet.copyOf(unbound));
    }
  }
}
