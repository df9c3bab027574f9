package dev.kuja.region;

import dev.kuja.model.Durations;
import dev.kuja.model.External;
import dev.kuja.model.Model;
import dev.kuja.model.Node;
import dev.kuja.model.NodeKind;
import dev.kuja.model.Organisation;
import dev.kuja.model.Requirement;
import dev.kuja.model.Suggestions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The document an organisation can share with the others of its region
 * (docs/regional.md#public-views): the services that nodes of other owners require, with their
 * commitments, and none of the organisation's internals — except what the others need to
 * analyse their side correctly: each published service's dependence on the organisation's inputs
 * from others (its externals), and on internal nodes that two or more published services share,
 * which appear as anonymised stand-ins ({@code power-co:shared-1}, …), because a hidden common
 * cause behind two "redundant" services is the most dangerous thing an interface can hide.
 *
 * <p>What it guarantees, for every node of another organisation (docs/regional.md gives the
 * argument): composing the view with the others' documents ({@link #composed()}) gives the same
 * impact without a horizon under any failure of nodes that both models have, hence the same
 * single points of failure and minimal failure sets of every order once each internal node is
 * mapped by {@link #image(String)}; and failure times that are the same when {@link
 * #exactTimes()}, and never later otherwise.
 *
 * <pre>{@code
 * PublicView view = PublicView.of(region, "power-co");
 * ModelDocuments.write(view.model(), Path.of("power-co-public.yaml"));
 * }</pre>
 */
public final class PublicView {

  /** Most terms a service's failure may need: beyond this, the view is refused as too complex. */
  public static final int MAX_TERMS = 10_000;

  private final Model source;
  private final String organisation;
  private final Model view;
  private final List<String> published;
  private final Map<String, String> standIns;
  private final Map<String, String> image;
  private final List<String> approximated;

  private PublicView(Model source, String organisation, Model view, List<String> published,
      Map<String, String> standIns, Map<String, String> image, List<String> approximated) {
    this.source = source;
    this.organisation = organisation;
    this.view = view;
    this.published = List.copyOf(published);
    this.standIns = Collections.unmodifiableMap(new LinkedHashMap<>(standIns));
    this.image = Collections.unmodifiableMap(new LinkedHashMap<>(image));
    this.approximated = List.copyOf(approximated);
  }

  /**
   * The public view of {@code organisation} in {@code model}, a model holding the organisation's
   * whole document (and, usually, the documents of those who use its services).
   *
   * @throws NoSuchElementException when the model has no such organisation
   * @throws IllegalArgumentException when a node of another organisation that the view must
   *     name has no owner to name as its provider
   * @throws IllegalStateException when a service depends on the organisation's inputs in more
   *     than {@value #MAX_TERMS} ways, too many to write down usefully
   */
  public static PublicView of(Model model, String organisation) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(organisation, "organisation");
    if (model.organisation(organisation).isEmpty()) {
      throw new NoSuchElementException("no organisation '" + organisation + "' in the model"
          + Suggestions.hint(organisation, model.organisations().stream().map(Organisation::id).toList()));
    }
    return new Builder(model, organisation).build();
  }

  /** The organisation whose view this is. */
  public String organisation() {
    return organisation;
  }

  /** The document to share, as a model: published services, stand-ins, externals. */
  public Model model() {
    return view;
  }

  /** The published services: nodes of the organisation that a node of another owner requires, in model order. */
  public List<String> published() {
    return published;
  }

  /**
   * The stand-ins, each with the internal node it stands for: the organisation's own key to its
   * view, not part of the shared document.
   */
  public Map<String, String> standIns() {
    return standIns;
  }

  /**
   * Where a node of the source model appears in the view: a node of another organisation, or a
   * published service, as itself; an internal node shared by two or more services as its
   * stand-in; an internal node whose failure reaches others only through one service or
   * stand-in, as that one; empty for an internal node no published service depends on.
   *
   * @throws NoSuchElementException when the source model has no such node
   */
  public Optional<String> image(String nodeId) {
    source.requireNode(nodeId);
    return Optional.ofNullable(image.get(nodeId));
  }

  /** True when the view gives the same failure times as the whole document (docs/regional.md#what-a-public-view-reveals). */
  public boolean exactTimes() {
    return approximated.isEmpty();
  }

  /**
   * The services and stand-ins whose failure times the view gives conservatively: their
   * internal routes delay different inputs differently, which one tolerance per requirement
   * cannot say, so the view uses the shortest delay and they fail no later than in the whole
   * document.
   */
  public List<String> approximated() {
    return approximated;
  }

  /**
   * The model the other organisations get by composing this view with their own documents: the
   * source model without the organisation's nodes, with the view's nodes instead (its externals
   * bound to the others' nodes).
   */
  public Model composed() {
    Model.Builder b = Model.builder();
    source.name().ifPresent(b::name);
    source.organisations().forEach(b::organisation);
    for (Node n : source.nodes()) {
      if (!n.owner().equals(Optional.of(organisation)) && !source.isExternal(n.id())) {
        b.node(n);
      }
    }
    view.nodes().stream().filter(n -> !view.isExternal(n.id())).forEach(b::node);
    source.externals().forEach(b::external);
    view.externals().forEach(b::external);
    return b.build();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Public view of ").append(organisation).append(": ")
        .append(published.size()).append(" published services, ").append(standIns.size())
        .append(" shared stand-ins, ").append(view.externals().size()).append(" inputs from others");
    sb.append(exactTimes() ? "; failure times exact"
        : "; failure times conservative for " + String.join(", ", approximated));
    for (Node n : view.nodes()) {
      if (!view.isExternal(n.id())) {
        sb.append(String.format("%n  %s", n));
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------------------------------

  /** Works out one view. */
  private static final class Builder {
    private final Model model;
    private final String org;
    private final List<Node> nodes;
    private final Map<String, Integer> index = new HashMap<>();

    Builder(Model model, String org) {
      this.model = model;
      this.org = org;
      this.nodes = model.nodes();
      for (int i = 0; i < nodes.size(); i++) {
        index.put(nodes.get(i).id(), i);
      }
    }

    private boolean ours(int v) {
      return nodes.get(v).owner().equals(Optional.of(org));
    }

    PublicView build() {
      int n = nodes.size();
      // published: ours, required by a node that is not ours
      boolean[] published = new boolean[n];
      List<List<Integer>> dependents = new ArrayList<>();
      for (int v = 0; v < n; v++) {
        dependents.add(new ArrayList<>());
      }
      for (int d = 0; d < n; d++) {
        for (Requirement q : nodes.get(d).requirements()) {
          for (String alt : q.alternatives()) {
            int u = index.get(alt);
            if (ours(u)) {
              if (ours(d)) {
                dependents.get(u).add(d);
              } else {
                published[u] = true;
              }
            }
          }
        }
      }
      int[] ipdom = postDominators(published, dependents);
      int omega = n;
      boolean[] retained = new boolean[n];
      for (int v = 0; v < n; v++) {
        retained[v] = ours(v) && (published[v] || ipdom[v] == omega);
      }
      int[] phi = new int[n];
      Arrays.fill(phi, -1);
      for (int v = 0; v < n; v++) {
        if (!ours(v)) {
          phi[v] = v;
        } else if (ipdom[v] >= 0) {
          int r = v;
          while (!retained[r]) {
            r = ipdom[r];
          }
          phi[v] = r;
        }
      }
      // public names: published services keep theirs, shared internals become stand-ins
      Map<Integer, String> publicId = new LinkedHashMap<>();
      Map<String, String> standIns = new LinkedHashMap<>();
      Set<String> taken = new HashSet<>(index.keySet());
      int count = 0;
      for (int v = 0; v < n; v++) {
        if (retained[v]) {
          if (published[v]) {
            publicId.put(v, nodes.get(v).id());
          } else {
            String id;
            do {
              id = org + ":shared-" + ++count;
            } while (taken.contains(id));
            taken.add(id);
            publicId.put(v, id);
            standIns.put(id, nodes.get(v).id());
          }
        }
      }
      Map<String, String> image = new LinkedHashMap<>();
      for (int v = 0; v < n; v++) {
        if (phi[v] >= 0) {
          image.put(nodes.get(v).id(), ours(v) ? publicId.get(phi[v]) : nodes.get(v).id());
        }
      }
      // each retained node's failure over its boundary: retained nodes and others' nodes
      List<Runnable> viewNodes = new ArrayList<>();
      Model.Builder b = Model.builder();
      Set<Integer> inputs = new LinkedHashSet<>();
      List<String> approximated = new ArrayList<>();
      for (Map.Entry<Integer, String> e : publicId.entrySet()) {
        int r = e.getKey();
        List<Forms.Term> form;
        try {
          form = form(r, phi, retained);
        } catch (Forms.TooComplex x) {
          throw new IllegalStateException("the public view of " + org + " cannot be written: '"
              + nodes.get(r).id() + "' depends on its inputs in more than " + MAX_TERMS
              + " ways; split the organisation's document or simplify its redundancy");
        }
        List<Requirement> reqs = new ArrayList<>();
        boolean exact = true;
        for (Forms.Term t : form) {
          List<Integer> vars = new ArrayList<>();
          for (int x : t.vars()) {
            vars.add(x);
          }
          vars.sort(null);
          List<String> alts = new ArrayList<>();
          for (int x : vars) {
            alts.add(ours(x) ? publicId.get(x) : nodes.get(x).id());
            if (!ours(x)) {
              inputs.add(x);
            }
          }
          long tol = t.minOffset();
          exact &= t.uniform();
          if (tol > Durations.MAX.toMillis()) {
            tol = Durations.MAX.toMillis();
            exact = false;
          }
          reqs.add(new Requirement(alts, 1, Duration.ofMillis(tol)));
        }
        if (!exact) {
          approximated.add(e.getValue());
        }
        Node node = nodes.get(r);
        String id = e.getValue();
        boolean pub = published[r];
        viewNodes.add(() -> viewNode(b, node, id, pub, reqs));
      }
      Organisation self = model.organisation(org).orElseThrow();
      b.name("Public view of " + self.name());
      b.organisation(self);
      Set<String> documents = new HashSet<>();
      for (int v = 0; v < n; v++) {
        if (ours(v)) {
          model.source(nodes.get(v).id()).ifPresent(documents::add);
        }
      }
      Set<String> providers = new LinkedHashSet<>();
      List<External> externals = new ArrayList<>();
      for (int x : inputs) {
        Node input = nodes.get(x);
        String provider = input.owner().orElseThrow(() -> new IllegalArgumentException("the public view of "
            + org + " names '" + input.id() + "', which has no owner to name as its provider; give it one"));
        providers.add(provider);
        External ext = new External(input.id(), input.kind(), input.name(), provider, Optional.empty(),
            Optional.empty());
        // the commitments the organisation's own documents were given for it
        for (External declared : model.externals(input.id())) {
          if (model.source(declared).filter(documents::contains).isPresent()) {
            ext = new External(input.id(), input.kind(), input.name(), provider, declared.rto(),
                declared.tolerance());
            break;
          }
        }
        externals.add(ext);
      }
      for (Organisation o : model.organisations()) {
        if (providers.contains(o.id()) && !o.id().equals(org)) {
          b.organisation(o);
        }
      }
      viewNodes.forEach(Runnable::run);
      externals.forEach(b::external);
      List<String> pub = new ArrayList<>();
      for (int v = 0; v < n; v++) {
        if (published[v]) {
          pub.add(nodes.get(v).id());
        }
      }
      return new PublicView(model, org, b.build(), pub, standIns, image, approximated);
    }

    /** Adds the view's node for retained node r: a published service as itself, or a stand-in. */
    private void viewNode(Model.Builder b, Node r, String id, boolean published, List<Requirement> reqs) {
      if (published) {
        b.node(id, r.kind(), nb -> {
          nb.name(r.name()).owner(org).recovery(r.recovery()).requirements(reqs);
          r.criticality().ifPresent(nb::criticality);
          r.mtpd().ifPresent(nb::mtpd);
          r.rto().ifPresent(nb::rto);
        });
      } else {
        b.node(id, NodeKind.RESOURCE, nb -> nb.name("Shared dependency "
            + id.substring(id.lastIndexOf('-') + 1) + " of " + org).owner(org).requirements(reqs));
      }
    }

    /**
     * Immediate post-dominators of our nodes towards the outside world: the first node every
     * route of influence from v to a node of another owner passes through ({@code n} standing for
     * the outside, -1 for a node whose failure reaches no one else).
     */
    private int[] postDominators(boolean[] published, List<List<Integer>> dependents) {
      int n = nodes.size();
      int omega = n;
      // the reverse graph, from the outside down: outside → published; d → its alternatives of ours
      List<List<Integer>> down = new ArrayList<>();
      for (int v = 0; v <= n; v++) {
        down.add(new ArrayList<>());
      }
      for (int v = 0; v < n; v++) {
        if (published[v]) {
          down.get(omega).add(v);
        }
        for (int d : dependents.get(v)) {
          down.get(d).add(v);
        }
      }
      // reverse postorder from the outside, iteratively
      int[] post = new int[n + 1];
      Arrays.fill(post, -1);
      List<Integer> order = new ArrayList<>();
      int[] stackNode = new int[n + 2];
      int[] stackEdge = new int[n + 2];
      boolean[] seen = new boolean[n + 1];
      int top = 0;
      stackNode[0] = omega;
      seen[omega] = true;
      while (top >= 0) {
        int v = stackNode[top];
        if (stackEdge[top] < down.get(v).size()) {
          int w = down.get(v).get(stackEdge[top]++);
          if (!seen[w]) {
            seen[w] = true;
            top++;
            stackNode[top] = w;
            stackEdge[top] = 0;
          }
        } else {
          post[v] = order.size();
          order.add(v);
          top--;
        }
      }
      // predecessors in the reverse graph: who points down to v
      List<List<Integer>> up = new ArrayList<>();
      for (int v = 0; v <= n; v++) {
        up.add(new ArrayList<>());
      }
      for (int v = 0; v <= n; v++) {
        for (int w : down.get(v)) {
          up.get(w).add(v);
        }
      }
      int[] idom = new int[n + 1];
      Arrays.fill(idom, -1);
      idom[omega] = omega;
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int i = order.size() - 1; i >= 0; i--) {
          int v = order.get(i);
          if (v == omega) {
            continue;
          }
          int best = -1;
          for (int p : up.get(v)) {
            if (idom[p] < 0) {
              continue;
            }
            best = best < 0 ? p : intersect(p, best, idom, post);
          }
          if (best >= 0 && idom[v] != best) {
            idom[v] = best;
            changed = true;
          }
        }
      }
      return Arrays.copyOf(idom, n);
    }

    private static int intersect(int a, int b, int[] idom, int[] post) {
      while (a != b) {
        while (post[a] < post[b]) {
          a = idom[a];
        }
        while (post[b] < post[a]) {
          b = idom[b];
        }
      }
      return a;
    }

    /** The failure of retained node r as a form over its boundary (docs/regional.md#what-a-public-view-is-made-of). */
    private List<Forms.Term> form(int r, int[] phi, boolean[] retained) {
      List<Integer> region = new ArrayList<>();
      for (int v = 0; v < nodes.size(); v++) {
        if (v != r && ours(v) && phi[v] == r) {
          region.add(v);
        }
      }
      Map<Integer, List<Forms.Term>> forms = new HashMap<>();
      for (int v : region) {
        forms.put(v, Forms.NEVER);
      }
      // from "never" down to the latest solution: cycles inside the region hold no one down
      int rounds = 0;
      boolean changed = true;
      while (changed) {
        if (++rounds > 4 * region.size() + 8) {
          throw new Forms.TooComplex();
        }
        changed = false;
        for (int v : region) {
          List<Forms.Term> f = own(v, r, forms, retained);
          if (!f.equals(forms.get(v))) {
            forms.put(v, f);
            changed = true;
          }
        }
      }
      return own(r, r, forms, retained);
    }

    private List<Forms.Term> own(int v, int r, Map<Integer, List<Forms.Term>> forms, boolean[] retained) {
      List<Forms.Term> result = Forms.NEVER;
      for (Requirement q : nodes.get(v).requirements()) {
        List<List<Forms.Term>> alts = new ArrayList<>();
        for (String alt : q.alternatives()) {
          int x = index.get(alt);
          if (x == r) {
            alts.add(Forms.NEVER);
          } else if (!ours(x) || retained[x]) {
            alts.add(Forms.variable(x));
          } else if (forms.containsKey(x)) {
            alts.add(forms.get(x));
          } else {
            // docs/regional.md#what-a-public-view-is-made-of: a region needs only its own nodes
            throw new IllegalStateException("public view of " + org + ": '" + nodes.get(v).id()
                + "' needs '" + alt + "' of another region; please report this");
          }
        }
        List<Forms.Term> broken = Forms.orderStatistic(alts, q.n() - q.k() + 1, MAX_TERMS);
        result = Forms.earliest(result, Forms.delayed(broken, q.tolerance().toMillis()), MAX_TERMS);
      }
      return result;
    }
  }
}
