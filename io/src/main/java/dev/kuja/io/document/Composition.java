package dev.kuja.io.document;

import com.fasterxml.jackson.core.JsonParser;
import dev.kuja.io.DocumentException;
import dev.kuja.io.ReadOptions;
import dev.kuja.io.syntax.Fields;
import dev.kuja.io.syntax.Problems;
import dev.kuja.io.syntax.Source;
import dev.kuja.io.syntax.Tree;
import dev.kuja.io.syntax.TreeReader;
import dev.kuja.model.External;
import dev.kuja.model.Model;
import dev.kuja.model.ModelValidationException;
import dev.kuja.model.NodeKind;
import dev.kuja.model.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads documents into one model (docs/regional.md#composing-documents): each document with the
 * reader of {@link ModelDocuments}, the documents it includes after it (depth first, each once;
 * paths relative to the including file), its {@code externals} declared to the builder, every
 * node remembering its document. Problems of every document are gathered and thrown together,
 * each at its file, line and column; a problem that concerns two documents (an id defined in
 * both, an organisation declared differently, an external bound to a node of another kind)
 * names the place in the other as well.
 *
 * <p>When a document cannot be read to its end (a missing or unreadable file, invalid syntax,
 * an include cycle), the problems of form of every document are reported, but the model is not
 * validated: its nodes would be missing and every reference to them reported in vain.
 */
final class Composition {

  static final Set<String> EXTERNAL = ModelDocuments.ordered("id", "kind", "name", "provider", "rto",
      "tolerance");

  private final ReadOptions options;
  private final Model.Builder builder = Model.builder();
  private final Set<List<String>> reported = new HashSet<>();
  /** The documents read, in reading order. */
  private final List<Doc> docs = new ArrayList<>();
  private final Map<Path, Doc> byPath = new HashMap<>();
  /** Every source named by a problem, in the order met: the order problems are listed in. */
  private final Map<String, Integer> order = new LinkedHashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private boolean incomplete;
  private boolean named;

  /** One document read. */
  private static final class Doc {
    final Source source;
    final Path path;
    final List<Tree> includes = new ArrayList<>();
    Tree root;

    Doc(Source source, Path path) {
      this.source = source;
      this.path = path;
    }
  }

  private Composition(ReadOptions options) {
    this.options = options;
  }

  static Model read(List<Path> files, ReadOptions options) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no model document to read");
    }
    Composition c = new Composition(options);
    for (Path f : files) {
      c.visit(f, new ArrayDeque<>(), null, null);
    }
    return c.build();
  }

  static Model read(Source text, ReadOptions options) {
    Composition c = new Composition(options);
    c.read(new Doc(text, null));
    return c.build();
  }

  // ------------------------------------------------------------------------------- reading

  private void visit(Path file, Deque<Path> stack, Tree includedAt, Doc includer) {
    Path key = file.toAbsolutePath().normalize();
    if (stack.contains(key)) {
      List<String> chain = new ArrayList<>();
      stack.descendingIterator().forEachRemaining(p -> chain.add(byPath.get(p).source.name()));
      chain.add(byPath.get(key).source.name());
      int from = chain.indexOf(byPath.get(key).source.name());
      incomplete = true;
      add(problemAt(includer, includedAt, "include cycle: " + String.join(" includes ", chain.subList(from, chain.size()))));
      return;
    }
    if (byPath.containsKey(key)) {
      return; // included twice, or given twice: read once
    }
    Source source;
    try {
      source = Source.of(file, options);
    } catch (DocumentException e) {
      incomplete = true;
      if (includer == null) {
        e.problems().forEach(this::add);
      } else {
        for (Problem p : e.problems()) {
          add(problemAt(includer, includedAt, "includes '" + includedAt.text + "' (" + file + "), which "
              + reason(p.message())));
        }
      }
      return;
    }
    Doc doc = new Doc(source, key);
    byPath.put(key, doc);
    read(doc);
    stack.push(key);
    for (Tree inc : doc.includes) {
      Path parent = file.getParent();
      Path target = (parent == null ? Path.of(inc.text) : parent.resolve(inc.text)).normalize();
      visit(target, stack, inc, doc);
    }
    stack.pop();
  }

  /** "no such file" reads as "does not exist" after "which". */
  private static String reason(String message) {
    return switch (message) {
      case "no such file" -> "does not exist";
      case "is not a file" -> "is not a file";
      default -> "cannot be read: " + message;
    };
  }

  private void read(Doc doc) {
    docs.add(doc);
    order.putIfAbsent(doc.source.name(), order.size());
    builder.from(doc.source.name());
    Problems found = new Problems(doc.source.name());
    boolean complete = ModelDocuments.readInto(doc.source, builder, found, reported,
        (key, value) -> more(doc, key, value, found));
    incomplete |= !complete;
    try {
      found.throwIfAny();
    } catch (DocumentException e) {
      e.problems().forEach(this::add);
    }
  }

  /** The keys of composition: the model's name (the first document's), includes, externals. */
  private void more(Doc doc, String key, Tree value, Problems found) {
    switch (key) {
      case "name" -> {
        if (!named) {
          builder.name(value.text);
          named = true;
        }
      }
      case "include" -> {
        if (value.kind != Tree.Kind.LIST) {
          found.at(value, "include must be a list of documents, not " + value.describe());
          return;
        }
        for (Tree item : value.list) {
          if (!item.isScalar() || item.kind == Tree.Kind.NULL || item.text.isBlank()) {
            found.at(item, "items of include must be file names, not " + item.describe());
          } else if (doc.path == null) {
            found.at(item, "a document read from text cannot include '" + item.text + "'; read it from a file");
          } else {
            doc.includes.add(item);
          }
        }
      }
      case "externals" -> {
        if (value.kind != Tree.Kind.LIST) {
          found.at(value, "externals must be a list, not " + value.describe());
          return;
        }
        value.list.forEach(item -> external(item, found));
      }
      default -> throw new IllegalStateException(key);
    }
  }

  private void external(Tree t, Problems found) {
    if (t.kind != Tree.Kind.MAP) {
      found.at(t, "an external must be a map, not " + t.describe());
      return;
    }
    Tree idTree = t.get("id");
    String what = idTree != null && idTree.isScalar() ? "external '" + idTree.text + "'" : "an external";
    Fields f = new Fields(t, what, found, EXTERNAL);
    Optional<String> id = f.text("id", true);
    if (id.isEmpty()) {
      return;
    }
    Optional<String> kindText = f.text("kind", true);
    Optional<NodeKind> kind = kindText.flatMap(NodeKind::parse);
    if (kindText.isPresent() && kind.isEmpty()) {
      f.faulty.add("kind");
      found.at(t.get("kind"), "kind of " + what + " must be function, resource or supplier, not '"
          + kindText.get() + "'");
    }
    Optional<String> name = f.text("name", false);
    Optional<String> provider = f.text("provider", true);
    Optional<Duration> rto = f.duration("rto", false);
    Optional<Duration> tolerance = f.duration("tolerance", false);
    if (!f.faulty.isEmpty()) {
      // declared all the same, so that references to it are not reported too; its own
      // validation problems would repeat the ones above
      reported.add(List.of("EXTERNAL", id.get()));
    }
    builder.external(new External(id.get(), kind.orElse(NodeKind.RESOURCE), name.orElse(id.get()),
        provider.orElse(""), rto, tolerance));
  }

  // ------------------------------------------------------------------------------ building

  private Model build() {
    if (incomplete) {
      throw thrown();
    }
    try {
      Model model = builder.build();
      if (!problems.isEmpty()) {
        throw thrown();
      }
      return model;
    } catch (ModelValidationException e) {
      locate(e.problems());
      throw thrown();
    }
  }

  private void add(Problem p) {
    p.location().ifPresent(l -> order.putIfAbsent(l.source(), order.size()));
    problems.add(p);
  }

  private DocumentException thrown() {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.<Problem>comparingInt(p -> p.location().map(l -> order.getOrDefault(l.source(), 0)).orElse(0))
        .thenComparingInt(p -> p.location().map(Problem.Location::line).orElse(0))
        .thenComparingInt(p -> p.location().map(Problem.Location::column).orElse(0)));
    return new DocumentException(sorted);
  }

  /** Places the model's validation problems in their documents. */
  private void locate(List<Problem> found) {
    Map<Doc, List<Problem>> byDoc = new LinkedHashMap<>();
    Map<String, Doc> byName = new HashMap<>();
    docs.forEach(d -> byName.putIfAbsent(d.source.name(), d));
    Doc top = docs.get(0);
    for (Problem p : found) {
      Doc d = p.location().map(l -> byName.get(l.source())).orElse(top);
      byDoc.computeIfAbsent(d == null ? top : d, k -> new ArrayList<>()).add(p);
    }
    byDoc.forEach((doc, list) -> {
      List<Problem> general = new ArrayList<>();
      for (Problem p : list) {
        if (isExternal(p)) {
          if (!reported.contains(List.of("EXTERNAL", p.element().id()))) {
            add(withOther(locateExternal(doc, p), byName));
          }
        } else {
          general.add(p);
        }
      }
      for (Problem p : Locator.locate(general, doc.source, options, reported)) {
        add(withOther(p, byName));
      }
    });
  }

  private static boolean isExternal(Problem p) {
    return p.element().kind() == Problem.Element.Kind.NODE && p.field().equals(Optional.of("external"));
  }

  /** An external's problem at its entry, at the value of the key its message begins with. */
  private Problem locateExternal(Doc doc, Problem p) {
    Tree entry = find(doc, "externals", p.element().id(), p.message());
    Tree at = entry;
    if (entry != null) {
      for (String key : EXTERNAL) {
        if (p.message().startsWith(key + " ") && entry.get(key) != null) {
          at = entry.get(key);
        }
      }
    }
    Tree where = at == null ? root(doc) : at;
    return p.at(new Problem.Location(doc.source.name(), where.line, where.column));
  }

  /**
   * A problem whose message ends with "in OTHER.yaml" (the other document of a duplicate, a
   * conflicting organisation or a mismatched external) gets the line and column there.
   */
  private Problem withOther(Problem p, Map<String, Doc> byName) {
    String m = p.message();
    int in = m.lastIndexOf(" in ");
    if (in < 0) {
      return p;
    }
    Doc other = byName.get(m.substring(in + 4));
    if (other == null) {
      return p;
    }
    String id = p.element().id();
    Tree at = switch (p.element().kind()) {
      case ORGANISATION -> find(other, "organisations", id, "");
      case THREAT -> find(other, "threats", id, "");
      case NODE -> {
        Tree node = find(other, "nodes", id, "");
        yield node != null ? node : find(other, "externals", id, "");
      }
      default -> null;
    };
    if (at == null) {
      return p;
    }
    if (at.get("id") != null) {
      at = at.get("id");
    }
    String located = m + ":" + at.line + ":" + at.column;
    return new Problem(p.element(), p.field(), p.location(), located);
  }

  /** The entry with this id in a list of the document; with several, the one the message is about. */
  private Tree find(Doc doc, String list, String id, String message) {
    Tree items = root(doc).get(list);
    if (items == null || items.kind != Tree.Kind.LIST) {
      return null;
    }
    Tree found = null;
    for (Tree item : items.list) {
      Tree idTree = item.get("id");
      if (idTree != null && idTree.isScalar() && idTree.text.equals(id)) {
        if (found == null) {
          found = item;
        }
        // a conflicting repeat is the one whose values the message quotes
        Tree kind = item.get("kind");
        Tree provider = item.get("provider");
        if ((kind != null && message.startsWith("kind " + kind.text + " "))
            || (provider != null && message.startsWith("provider " + provider.text + " "))) {
          found = item;
        }
      }
    }
    return found;
  }

  private Tree root(Doc doc) {
    if (doc.root == null) {
      Problems ignored = new Problems(doc.source.name());
      try (JsonParser p = doc.source.open()) {
        TreeReader r = new TreeReader(p, doc.source.name(), ignored);
        r.next();
        doc.root = r.read();
      } catch (IOException | TreeReader.Fatal e) {
        doc.root = Tree.map(1, 1);
      }
    }
    return doc.root;
  }

  private Problem problemAt(Doc doc, Tree at, String message) {
    return Problem.inDocument(new Problem.Location(doc.source.name(), at.line, at.column), message);
  }
}
