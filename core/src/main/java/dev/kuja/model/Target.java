package dev.kuja.model;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * What a disruption of a scenario or a {@link Threat} hits: one node, every node an organisation
 * owns, or every node that carries a tag. The same three forms everywhere targets are named
 * (docs/cascades.md#scenarios-and-disruptions, docs/risk.md#threats).
 */
public sealed interface Target {

  /** One node, by id. */
  static Target node(String id) {
    return new OfNode(id);
  }

  /** Every node the organisation owns. */
  static Target organisation(String id) {
    return new OfOrganisation(id);
  }

  /** Every node carrying the tag. */
  static Target tag(String tag) {
    return new OfTag(tag);
  }

  /** The nodes this target hits in the model, in model order (none when it names nothing the model has). */
  default List<Node> nodesIn(Model model) {
    if (this instanceof OfNode n) {
      return model.node(n.id()).map(List::of).orElse(List.of());
    }
    if (this instanceof OfOrganisation o) {
      return model.ownedBy(o.id());
    }
    return model.tagged(((OfTag) this).tag());
  }

  /**
   * What is wrong with this target in the model: a node or organisation it does not have
   * (with a "did you mean" hint), or a tag no node carries. Empty when it is fine; an
   * organisation that owns no node is not a problem here.
   */
  default Optional<String> problemIn(Model model) {
    if (this instanceof OfNode n) {
      try {
        model.requireNode(n.id());
        return Optional.empty();
      } catch (NoSuchElementException e) {
        return Optional.of(e.getMessage());
      }
    }
    if (this instanceof OfOrganisation o) {
      return model.organisation(o.id()).isPresent() ? Optional.empty()
          : Optional.of("no organisation '" + o.id() + "' in the model" + Suggestions.hint(o.id(),
              model.organisations().stream().map(Organisation::id).toList()));
    }
    String tag = ((OfTag) this).tag();
    return model.tagged(tag).isEmpty()
        ? Optional.of("no node has the tag '" + tag + "'") : Optional.empty();
  }

  /** One node. */
  record OfNode(String id) implements Target {
    public OfNode {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
      return id;
    }
  }

  /** Every node the organisation owns. */
  record OfOrganisation(String id) implements Target {
    public OfOrganisation {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
      return "organisation " + id;
    }
  }

  /** Every node carrying the tag. */
  record OfTag(String tag) implements Target {
    public OfTag {
      Objects.requireNonNull(tag, "tag");
    }

    @Override
    public String toString() {
      return "tag " + tag;
    }
  }
}
