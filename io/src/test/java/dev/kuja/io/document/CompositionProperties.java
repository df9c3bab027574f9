package dev.kuja.io.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.CutSets;
import dev.kuja.analysis.InterfaceReport;
import dev.kuja.analysis.Ranking;
import dev.kuja.analysis.Spof;
import dev.kuja.io.Format;
import dev.kuja.model.External;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Organisation;
import dev.kuja.model.Requirement;
import dev.kuja.region.PublicView;
import dev.kuja.testing.RegionalModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A random region split into one document per organisation, each declaring the nodes of others
 * it uses as externals, composes back into the whole: the same nodes and organisations, hence
 * the same analyses (docs/regional.md#composing-documents). And an organisation's public view,
 * written as a document and composed with the others' documents, is what {@link
 * PublicView#composed()} says the others get.
 */
class CompositionProperties {

  @Provide
  Arbitrary<Model> regions() {
    return RegionalModels.regions(10, true);
  }

  /** Writes the documents of a region, one per organisation, into a new directory. */
  private static Map<String, Path> split(Model whole, String skip) {
    try {
      Path dir = Files.createTempDirectory("kuja-region");
      Map<String, Path> out = new HashMap<>();
      for (Organisation o : whole.organisations()) {
        if (o.id().equals(skip)) {
          continue;
        }
        Path file = dir.resolve(o.id() + ".yaml");
        Files.writeString(file, ModelDocuments.write(document(whole, o.id()), Format.YAML), StandardCharsets.UTF_8);
        out.put(o.id(), file);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One organisation's document: its nodes, and the others' nodes it names as externals. */
  static Model document(Model whole, String org) {
    Model.Builder b = Model.builder();
    Set<String> providers = new LinkedHashSet<>();
    List<External> externals = new ArrayList<>();
    Set<String> declared = new HashSet<>();
    for (Node n : whole.ownedBy(org)) {
      b.node(n);
      for (Requirement q : n.requirements()) {
        for (String alt : q.alternatives()) {
          Node other = whole.requireNode(alt);
          if (!other.owner().equals(Optional.of(org)) && declared.add(alt)) {
            providers.add(other.owner().orElseThrow());
            externals.add(new External(alt, other.kind(), other.name(), other.owner().orElseThrow(),
                Optional.of(Duration.ofHours(4)), Optional.empty()));
          }
        }
      }
    }
    for (Organisation o : whole.organisations()) {
      if (o.id().equals(org) || providers.contains(o.id())) {
        b.organisation(o);
      }
    }
    externals.forEach(b::external);
    return b.build();
  }

  private static Set<Node> nodes(Model m) {
    return m.nodes().stream().filter(n -> !m.isExternal(n.id())).collect(Collectors.toSet());
  }

  /** Everything the analyses say, in a form that does not depend on model order. */
  static Map<String, Object> analyses(Model m) {
    Analysis a = Analysis.of(m);
    Map<String, Object> out = new HashMap<>();
    for (Node f : m.functions()) {
      out.put("spofs " + f.id(), a.spofs(f.id()).spofs().stream().map(Spof::node).collect(Collectors.toSet()));
      CutSets c = a.cutSets(f.id(), 2);
      out.put("cutsets " + f.id(), new HashSet<>(c.sets()));
    }
    Ranking r = a.ranking();
    out.put("ranking", r.entries().stream().collect(Collectors.toMap(Ranking.Entry::node, Ranking.Entry::functions)));
    Set<InterfaceReport.Interface> interfaces = new HashSet<>(a.interfaces().interfaces());
    out.put("interfaces", interfaces);
    return out;
  }

  @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
  void theDocumentsOfARegionComposeIntoTheWhole(@ForAll("regions") Model whole) {
    Map<String, Path> docs = split(whole, "");
    Model composed = ModelDocuments.read(List.of(docs.get("a"), docs.get("b"), docs.get("c")));
    assertEquals(nodes(whole), nodes(composed), whole::toString);
    assertEquals(Set.copyOf(whole.organisations()), Set.copyOf(composed.organisations()));
    for (Node n : whole.nodes()) {
      assertEquals(Optional.of(docs.get(n.owner().orElseThrow()).toString()), composed.source(n.id()));
      assertEquals(false, composed.isExternal(n.id()));
    }
    assertEquals(analyses(whole), analyses(composed));
  }

  @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
  void aPublicViewComposedWithTheOthersDocumentsIsWhatTheViewSays(@ForAll("regions") Model whole) throws IOException {
    PublicView view = PublicView.of(whole, "a");
    Map<String, Path> docs = split(whole, "a");
    Path shared = docs.get("b").resolveSibling("a-public.yaml");
    Files.writeString(shared, ModelDocuments.write(view.model(), Format.YAML), StandardCharsets.UTF_8);
    Model composed = ModelDocuments.read(List.of(shared, docs.get("b"), docs.get("c")));
    assertEquals(nodes(view.composed()), nodes(composed), view::toString);
    assertEquals(analyses(view.composed()), analyses(composed));
  }
}
