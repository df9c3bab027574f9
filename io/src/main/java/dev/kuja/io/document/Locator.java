package dev.kuja.io.document;

import com.fasterxml.jackson.core.JsonParser;
import dev.kuja.io.ReadOptions;
import dev.kuja.io.syntax.Problems;
import dev.kuja.io.syntax.Source;
import dev.kuja.io.syntax.Tree;
import dev.kuja.io.syntax.TreeReader;
import dev.kuja.model.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places the validation problems of a model read from a document at the line and column of the
 * element at fault. Runs only when a document is invalid: it parses the document again, whole,
 * so that reading a valid document keeps no locations in memory.
 */
final class Locator {

  private Locator() {}

  static List<Problem> locate(List<Problem> problems, Source source, ReadOptions options,
      Set<List<String>> reported) {
    Tree root;
    Problems ignored = new Problems(source.name());
    try (JsonParser p = source.open()) {
      TreeReader r = new TreeReader(p, source.name(), ignored);
      r.next();
      root = r.read();
    } catch (IOException | TreeReader.Fatal e) {
      root = Tree.map(1, 1);
    }
    Map<String, List<Tree>> nodes = index(root.get("nodes"));
    Map<String, List<Tree>> organisations = index(root.get("organisations"));
    Map<String, List<Tree>> threats = index(root.get("threats"));
    List<Problem> out = new ArrayList<>();
    for (Problem p : problems) {
      String field = p.field().orElse("");
      if (p.element().kind() == Problem.Element.Kind.NODE
          && (reported.contains(List.of("NODE", p.element().id(), "*"))
              || reported.contains(List.of("NODE", p.element().id(), field))
              || (p.element().index().isPresent()
                  && (reported.contains(List.of("NODE", p.element().id(), "requirement " + p.element().index().getAsInt()))
                      || reported.contains(List.of("NODE", p.element().id(),
                          "requirement " + p.element().index().getAsInt(), field)))))) {
        continue;
      }
      String id = p.element().id();
      int index = p.element().index().orElse(-1);
      if (p.element().kind() == Problem.Element.Kind.IMPACT
          && (reported.contains(List.of("NODE", id, "*")) || reported.contains(List.of("NODE", id, "impacts"))
              || reported.contains(List.of("IMPACT", id, "impact " + index)))) {
        continue;
      }
      if (p.element().kind() == Problem.Element.Kind.THREAT
          && (reported.contains(List.of("THREAT", id, field))
              || reported.contains(List.of("THREAT", id, "target " + index)))) {
        continue;
      }
      Tree at = switch (p.element().kind()) {
        case MODEL -> field.isEmpty() || root.get(field) == null ? root : root.get(field);
        case ORGANISATION -> pick(organisations, p, root);
        case NODE -> nodeElement(pick(nodes, p, root), p);
        case IMPACT -> item(pick(nodes, p, root), "impacts", index, field);
        case THREAT -> index < 0 ? pick(threats, p, root) : target(item(pick(threats, p, root), "targets", index, ""));
        default -> root;
      };
      out.add(p.at(new Problem.Location(source.name(), at.line, at.column)));
    }
    return out;
  }

  private static Map<String, List<Tree>> index(Tree list) {
    Map<String, List<Tree>> out = new HashMap<>();
    if (list == null || list.kind != Tree.Kind.LIST) {
      return out;
    }
    for (Tree item : list.list) {
      Tree id = item.get("id");
      if (id != null && id.isScalar()) {
        out.computeIfAbsent(id.text, k -> new ArrayList<>()).add(item);
      }
    }
    return out;
  }

  /** The element with the problem's id; for "used more than once", its last occurrence. */
  private static Tree pick(Map<String, List<Tree>> index, Problem p, Tree fallback) {
    List<Tree> found = index.get(p.element().id());
    if (found == null || found.isEmpty()) {
      return fallback;
    }
    Tree element = p.message().contains("more than once") ? found.get(found.size() - 1) : found.get(0);
    if (p.element().index().isEmpty() && p.field().isPresent() && element.get(p.field().get()) != null) {
      return element.get(p.field().get());
    }
    return element;
  }

  /** Item {@code index} of the list under {@code key}, and there the value of {@code field} if it has one. */
  private static Tree item(Tree element, String key, int index, String field) {
    Tree list = element.get(key);
    if (list == null || list.kind != Tree.Kind.LIST || index < 0 || index >= list.list.size()) {
      return element;
    }
    Tree item = list.list.get(index);
    Tree value = item.get(field);
    return value != null ? value : item;
  }

  /** The value of a target map's node, organisation or tag key. */
  private static Tree target(Tree target) {
    for (String form : ModelDocuments.TARGET) {
      if (target.get(form) != null) {
        return target.get(form);
      }
    }
    return target;
  }

  private static Tree nodeElement(Tree node, Problem p) {
    if (p.element().index().isEmpty()) {
      return node;
    }
    Tree requires = node.get("requires");
    int i = p.element().index().getAsInt();
    if (requires == null || requires.kind != Tree.Kind.LIST || i >= requires.list.size()) {
      return node;
    }
    Tree req = requires.list.get(i);
    String field = p.field().orElse("");
    if (req.kind != Tree.Kind.MAP) {
      return req;
    }
    if (field.equals("alternatives")) {
      for (String form : List.of("any", "all", "of")) {
        Tree alts = req.get(form);
        if (alts != null && alts.kind == Tree.Kind.LIST) {
          // the alternative the message names; for one named twice, the repeat
          boolean repeat = p.message().contains("more than once");
          Tree named = null;
          for (Tree a : alts.list) {
            if (a.isScalar() && p.message().contains("'" + a.text + "'")) {
              named = a;
              if (!repeat) {
                break;
              }
            }
          }
          return named != null ? named : alts;
        }
      }
    }
    Tree value = req.get(field);
    return value != null ? value : req;
  }
}
