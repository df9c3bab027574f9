package dev.kuja.testing;

import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Organisation;
import java.util.StringJoiner;

/** A model written out in full, one node a line, for the reports of failing properties. */
public final class Describe {

  private Describe() {}

  /**
   * The model's name and organisations on the first line, then each node as {@link Node#toString()}
   * shows it, with its tags, attributes, MBCO and reliability data when it has them.
   */
  public static String model(Model m) {
    StringBuilder sb = new StringBuilder("Model");
    m.name().ifPresent(n -> sb.append(" '").append(escape(n)).append('\''));
    sb.append(" of ").append(m.size()).append(m.size() == 1 ? " node" : " nodes");
    StringJoiner orgs = new StringJoiner(", ", "; organisations ", "").setEmptyValue("");
    for (Organisation o : m.organisations()) {
      orgs.add(o.id().equals(o.name()) ? o.id() : o.id() + " \"" + escape(o.name()) + "\"");
    }
    sb.append(orgs);
    for (Node n : m.nodes()) {
      sb.append("\n  ").append(node(n));
    }
    return sb.toString();
  }

  /** One node, on one line. */
  public static String node(Node n) {
    StringBuilder sb = new StringBuilder(escape(n.toString()));
    if (!n.tags().isEmpty()) {
      sb.append("; tags ").append(escape(n.tags().toString()));
    }
    if (!n.attributes().isEmpty()) {
      sb.append("; attributes ").append(escape(n.attributes().toString()));
    }
    n.mbco().ifPresent(x -> sb.append("; MBCO \"").append(escape(x)).append('"'));
    n.reliability().ifPresent(r -> sb.append("; ").append(r));
    return sb.toString();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }
}
