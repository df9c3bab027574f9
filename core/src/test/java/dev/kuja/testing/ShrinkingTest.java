package dev.kuja.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kuja.analysis.Analysis;
import dev.kuja.analysis.Spof;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.Requirement;
import dev.kuja.simulation.Scenario;
import dev.kuja.simulation.Simulator;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.FalsifiedSample;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * jqwik shrinks what {@link KujaArbitraries} draws to small counterexamples. Each property here
 * is deliberately false; jqwik runs it, finds a random counterexample and shrinks it, and
 * {@link ExpectShrunk} turns the outcome into the test's verdict: the test passes only when
 * jqwik falsified the property, the first counterexample was big and the shrunk one is small.
 * Should the arbitraries stop shrinking (or shrink to something invalid, which cannot be built),
 * these tests fail.
 */
@Domain(DomainContext.Global.class)
@Domain(KujaDomain.class)
class ShrinkingTest {

  /** The limits that the shrunk counterexample of a deliberately false property must meet. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @interface Shrunk {
    /** The first counterexample found had at least this many nodes (so that shrinking had work to do). */
    int originalNodesAtLeast();

    /** The shrunk model has at most this many nodes. */
    int nodes();

    /** The shrunk model has at most this many requirements. */
    int requirements();

    /** The shrunk scenario or failure set has at most this many disruptions or nodes; -1 if none is drawn. */
    int inputs() default -1;
  }

  /** Runs the property and checks that it was falsified and shrunk within the limits of {@link Shrunk}. */
  static class ExpectShrunk implements AroundPropertyHook {
    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
      Shrunk limits = context.findAnnotation(Shrunk.class).orElseThrow();
      PropertyExecutionResult result = property.execute();
      if (result.status() != PropertyExecutionResult.Status.FAILED) {
        return result.mapToFailed("a deliberately false property was not falsified: " + result.status());
      }
      Optional<FalsifiedSample> original = result.originalSample();
      Optional<List<Object>> shrunk = result.falsifiedParameters();
      if (original.isEmpty() || shrunk.isEmpty()) {
        return result.mapToFailed("no falsified sample: " + result.throwable().orElse(null));
      }
      Model before = model(original.get().parameters());
      Model after = model(shrunk.get());
      List<String> problems = new ArrayList<>();
      if (before.size() < limits.originalNodesAtLeast()) {
        problems.add("the first counterexample has only " + before.size() + " nodes; choose another seed");
      }
      if (after.size() > limits.nodes()) {
        problems.add("shrunk to " + after.size() + " nodes, more than " + limits.nodes());
      }
      if (after.requirementCount() > limits.requirements()) {
        problems.add("shrunk to " + after.requirementCount() + " requirements, more than " + limits.requirements());
      }
      int inputs = inputs(after, shrunk.get());
      if (limits.inputs() >= 0 && inputs > limits.inputs()) {
        problems.add("shrunk to " + inputs + " disruptions or failed nodes, more than " + limits.inputs());
      }
      if (!problems.isEmpty()) {
        return result.mapToFailed(String.join("; ", problems) + ". Shrunk sample:\n" + describe(shrunk.get()));
      }
      return result.mapToSuccessful();
    }

    private static String describe(List<Object> parameters) {
      StringBuilder sb = new StringBuilder();
      for (Object p : parameters) {
        sb.append(p instanceof Model m ? Describe.model(m) : String.valueOf(p)).append('\n');
      }
      return sb.toString();
    }

    private static Model model(List<Object> parameters) {
      for (Object p : parameters) {
        if (p instanceof Model m) {
          return m;
        }
        if (p instanceof Case<?> c) {
          return c.model();
        }
      }
      throw new AssertionError("no model among " + parameters);
    }

    private static int inputs(Model m, List<Object> parameters) {
      int count = 0;
      for (Object p : parameters) {
        if (p instanceof Case<?> c && c.input() instanceof Scenario s) {
          count += s.disruptions().size();
        }
        if (p instanceof NodeSet set) {
          count += set.in(m).size();
        }
      }
      return count;
    }
  }

  @Provide
  Arbitrary<Case<Scenario>> cascades() {
    return KujaArbitraries.withScenario(KujaArbitraries.models(), 1, 4);
  }

  // A fixed seed makes the first counterexample, and so the whole test, the same on every run;
  // RANDOM_SEED keeps jqwik from starting the next run with the shrunk sample it remembers.

  /**
   * False: a common-cause SPOF needs only three nodes (f requires any of [a, b], a requires b;
   * b takes f down through both alternatives).
   */
  @Property(seed = "20240601", tries = 1000, afterFailure = AfterFailureMode.RANDOM_SEED)
  @AddLifecycleHook(ExpectShrunk.class)
  @Shrunk(originalNodesAtLeast = 6, nodes = 4, requirements = 3)
  void noFunctionHasACommonCauseSpof(@ForAll Model m) {
    for (Node f : m.functions()) {
      for (Spof s : Analysis.of(m).spofs(f.id()).spofs()) {
        assertTrue(!s.commonCause(), () -> s + " in " + m);
      }
    }
  }

  /** False: two nodes requiring each other lock each other down after one disruption of either. */
  @Property(seed = "20240601", tries = 1000, afterFailure = AfterFailureMode.RANDOM_SEED)
  @AddLifecycleHook(ExpectShrunk.class)
  @Shrunk(originalNodesAtLeast = 6, nodes = 3, requirements = 3, inputs = 1)
  void noCascadeLocks(@ForAll("cascades") Case<Scenario> c) {
    Set<String> locked = Simulator.of(c.model()).run(c.input()).locked();
    assertTrue(locked.isEmpty(), () -> "locked " + locked);
  }

  /** False: one failed node takes down a function that requires it. */
  @Property(seed = "20240601", tries = 1000, afterFailure = AfterFailureMode.RANDOM_SEED)
  @AddLifecycleHook(ExpectShrunk.class)
  @Shrunk(originalNodesAtLeast = 6, nodes = 2, requirements = 1, inputs = 1)
  void failuresNeverSpreadToAFunction(@ForAll Model m, @ForAll NodeSet picked) {
    List<String> failed = picked.in(m);
    for (String id : Analysis.of(m).impact(failed).failed()) {
      assertTrue(failed.contains(id) || !m.requireNode(id).isFunction(), () -> id + " fails");
    }
  }

  /** Every requirement the arbitrary draws is valid by construction; this one is true. */
  @Property(tries = 300)
  void everyDrawIsAValidModelWithoutSelfLoops(@ForAll Model m) {
    for (Node n : m.nodes()) {
      for (Requirement r : n.requirements()) {
        assertTrue(!r.alternatives().contains(n.id()) && r.k() >= 1 && r.k() <= r.n(), n::toString);
      }
    }
  }
}
