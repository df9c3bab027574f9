package dev.kuja.testing;

import dev.kuja.model.Model;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.SampleReportingFormat;
import net.jqwik.api.domains.DomainContextBase;

/**
 * jqwik domain of Kuja's properties. Within it {@code @ForAll Model} draws from
 * {@link KujaArbitraries#models()} and {@code @ForAll NodeSet} from
 * {@link KujaArbitraries#nodeSets()}, and a falsified sample shows a {@link Model} node by node
 * ({@link Describe#model}) rather than by its one-line summary. Use it with jqwik's default
 * domain: {@code @Domain(DomainContext.Global.class) @Domain(KujaDomain.class)}.
 */
public class KujaDomain extends DomainContextBase {

  @Provide
  Arbitrary<Model> models() {
    return KujaArbitraries.models();
  }

  @Provide
  Arbitrary<NodeSet> nodeSets() {
    return KujaArbitraries.nodeSets();
  }

  /** A model, written out in full. */
  public static class ModelFormat implements SampleReportingFormat {
    @Override
    public boolean appliesTo(Object value) {
      return value instanceof Model;
    }

    @Override
    public Object report(Object value) {
      return SampleReportingFormat.plainLabel(Describe.model((Model) value));
    }
  }
}
