package dev.kuja.simulation;

import dev.kuja.model.Durations;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Organisation;
import dev.kuja.model.Suggestions;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * Something put out of action from {@code start} for {@code duration} (for good when there is
 * no duration): the half-open interval {@code [start, start + duration)}.
 *
 * @param target   what is disrupted: a node, every node of an organisation, or every tagged node
 * @param start    when, from the start of the scenario
 * @param duration how long; empty for open-ended
 */
public record Disruption(Disruption.Target target, Duration start, Optional<Duration> duration) {

  /** What a disruption hits. */
  public sealed interface Target {

    /** The nodes this target hits in the model (none when it names nothing the model has). */
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
     * (with a "did you mean" hint), or a tag no node carries. Empty when it is fine;
     * an organisation that owns no node is not a problem here.
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

  public Disruption {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
  }

  /** A node disrupted from {@code start} for {@code duration}. */
  public static Disruption node(String id, Duration start, Duration duration) {
    return new Disruption(new Target.OfNode(id), start, Optional.of(duration));
  }

  /** A node disrupted from {@code start} for good. */
  public static Disruption node(String id, Duration start) {
    return new Disruption(new Target.OfNode(id), start, Optional.empty());
  }

  /** When the disruption ends, if it does. */
  public Optional<Duration> end() {
    return duration.map(start::plus);
  }

  @Override
  public String toString() {
    return target + " from " + Durations.format(start)
        + duration.map(d -> " for " + Durations.format(d)).orElse(", open-ended");
  }
}
