package dev.kuja.io.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.kuja.io.Format;
import dev.kuja.io.ReadOptions;
import dev.kuja.io.syntax.Source;
import dev.kuja.model.Model;
import dev.kuja.model.Requirement;
import dev.kuja.testing.KujaDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import net.jqwik.api.statistics.Statistics;

/**
 * The fast reader of model documents reads what the located reader reads, into an equal model,
 * and never reads what the located reader refuses: on valid documents of every field, and on
 * documents spoiled by random edits (lines dropped or repeated, words swapped for keys, values
 * and characters a document may not carry), whenever it gives a model the located reader gives
 * an equal one.
 */
@Domain(DomainContext.Global.class)
@Domain(KujaDomain.class)
class FastReaderProperties {

  /** Words an edit puts in place of another: keys, values of every type, references, forbidden characters. */
  private static final String[] WORDS = {
    "id", "kind", "name", "owner", "criticality", "mtpd", "rto", "mbco", "recovery", "tags",
    "attributes", "reliability", "requires", "any", "all", "of", "k", "tolerance", "probability",
    "rate", "repair", "distribution", "duration", "mean", "min", "max", "median", "sigma", "kuja",
    "nodes", "organisations", "type", "nodez", "function", "resource", "supplier", "vital",
    "critical", "PT1H", "-PT1H", "P1D", "one hour", "0", "1", "2", "3", "1.5", "-1", ".nan", "true",
    "null", "[]", "{}", "n0", "n1", "n11", "n99", "a", "lognormal", "fixed", "uniform", "\u0001",
    "\u007f", "\u0085", "\uFFFE", "*x", "&x"
  };

  @Provide
  Arbitrary<Model> richModels() {
    return RichModels.models(1, 12);
  }

  /**
   * Models in which many nodes need the same few nodes alone, with one tolerance or another, in
   * one form or another: the fast reader makes one requirement per needed node and tolerance,
   * shared by the nodes that have it, and one string per id.
   */
  @Provide
  Arbitrary<Model> hubModels() {
    Arbitrary<List<Integer>> requirements = Arbitraries.integers().between(0, 59).list().ofMinSize(0).ofMaxSize(3);
    return requirements.list().ofMinSize(1).ofMaxSize(30).map(nodes -> {
      Model.Builder b = Model.builder().organisation("o", "O", "company");
      for (int h = 0; h < 3; h++) {
        b.resource("h" + h, r -> r.owner("o"));
      }
      String[] tolerances = {"PT0S", "PT1H", "P1D", "PT1H"};
      for (int i = 0; i < nodes.size(); i++) {
        List<Integer> needs = nodes.get(i);
        int at = i;
        b.resource("n" + i, r -> {
          for (int need : needs) {
            // a hub, or a node before this one; plainly or with a tolerance
            String id = need % 5 < 3 || at == 0 ? "h" + need % 3 : "n" + (need % at);
            r.requires(Requirement.on(id).withTolerance(tolerances[need / 15]));
          }
        });
      }
      return b.build();
    });
  }

  @Property(tries = 300)
  void requirementsOnTheSameNodesAreReadAlike(@ForAll("hubModels") Model m) {
    for (Format format : Format.values()) {
      String text = ModelDocuments.write(m, format);
      Optional<Model> fast = fast(text, format);
      assertTrue(fast.isPresent(), () -> "the fast reader gave up on a valid document:\n" + text);
      assertEquals(m, fast.get(), text);
      assertEquals(located(text, format), fast.get(), text);
      assertEquals(m.nodes(), fast.get().nodes(), text);
    }
  }

  /** An edit: what to do, where (a fraction of the lines or words), and with which word. */
  record Edit(int what, double where, int word) {}

  @Provide
  Arbitrary<List<Edit>> edits() {
    return Combinators.combine(Arbitraries.integers().between(0, 3),
        Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, WORDS.length - 1))
        .as(Edit::new).list().ofMinSize(1).ofMaxSize(3);
  }

  private static Optional<Model> fast(String text, Format format) {
    return FastModelReader.read(Source.of(text, "model." + format.name().toLowerCase(),
        format, ReadOptions.DEFAULT));
  }

  private static Model located(String text, Format format) {
    return ModelDocuments.located(Source.of(text, "model." + format.name().toLowerCase(), format,
        ReadOptions.DEFAULT), ReadOptions.DEFAULT);
  }

  @Property(tries = 300)
  void validDocumentsAreReadByTheFastReader(@ForAll("richModels") Model m) {
    for (Format format : Format.values()) {
      String text = ModelDocuments.write(m, format);
      Optional<Model> fast = fast(text, format);
      assertTrue(fast.isPresent(), () -> "the fast reader gave up on a valid document:\n" + text);
      assertEquals(located(text, format), fast.get(), text);
      assertEquals(m, fast.get(), text);
    }
  }

  @Property(tries = 1000)
  void whatTheFastReaderReadsTheLocatedReaderReadsAlike(
      @ForAll("richModels") Model m, @ForAll("edits") List<Edit> edits, @ForAll boolean yaml) {
    Format format = yaml ? Format.YAML : Format.JSON;
    String text = ModelDocuments.write(m, format);
    for (Edit e : edits) {
      text = edit(text, e);
    }
    Optional<Model> fast = fast(text, format);
    Statistics.label("fast reader").collect(fast.isPresent() ? "read it" : "gave up");
    if (fast.isPresent()) {
      String document = text;
      assertEquals(located(document, format), fast.get(), document);
    }
  }

  private static String edit(String text, Edit e) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    int line = Math.min(lines.size() - 1, (int) (e.where() * lines.size()));
    String word = WORDS[e.word()];
    switch (e.what()) {
      case 0 -> lines.remove(line);
      case 1 -> lines.add(line, lines.get(line));
      case 2 -> {
        // a word of the line swapped for another
        String l = lines.get(line);
        java.util.regex.Matcher w = java.util.regex.Pattern.compile("[A-Za-z0-9.\\-]+").matcher(l);
        List<int[]> spans = new ArrayList<>();
        while (w.find()) {
          spans.add(new int[] {w.start(), w.end()});
        }
        if (!spans.isEmpty()) {
          int[] s = spans.get((int) (e.where() * 7919) % spans.size());
          lines.set(line, l.substring(0, s[0]) + word + l.substring(s[1]));
        }
      }
      default -> {
        // a word put inside the line
        String l = lines.get(line);
        int at = l.isEmpty() ? 0 : (int) (e.where() * 104_729) % l.length();
        lines.set(line, l.substring(0, at) + word + l.substring(at));
      }
    }
    return String.join("\n", lines) + "\n";
  }
}
