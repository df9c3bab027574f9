package dev.kuja.analysis;

import dev.kuja.engine.failuresets.SpofEngine;
import dev.kuja.engine.failuresets.SpofTable;
import dev.kuja.engine.graph.CompactModel;
import java.lang.ref.SoftReference;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The SPOFs of one function of a {@link SpofTable}, as an immutable list: its size and classes
 * are known from the table, the explanations are made the first time an element is read (one
 * serial search and one failure-time run per common-cause SPOF, within the function's closure)
 * and kept as long as memory allows — made again, identically, if the collector took them.
 */
final class FunctionSpofs extends AbstractList<Spof> {

  private final CompactModel cm;
  private final SpofTable table;
  private final int function;
  private final int size;
  private volatile SoftReference<List<Spof>> explained = new SoftReference<>(null);

  FunctionSpofs(CompactModel cm, SpofTable table, int function) {
    this.cm = cm;
    this.table = table;
    this.function = function;
    this.size = table.count(function);
  }

  /** The SPOFs of one engine result, in its order, direct paths read off its shared tree. */
  static List<Spof> of(CompactModel cm, SpofEngine.Result result) {
    List<Spof> spofs = new ArrayList<>(result.found().size());
    SpofEngine.SerialTree tree = result.tree();
    for (SpofEngine.Found s : result.found()) {
      List<String> path = s.path() != null
          ? ids(cm, s.path())
          : new TreePath(cm, tree.nodes(), tree.parent(), s.local(), s.length());
      spofs.add(new Spof(cm.id(s.node()), s.commonCause(), path));
    }
    return List.copyOf(spofs);
  }

  private static List<String> ids(CompactModel cm, int[] nodes) {
    List<String> out = new ArrayList<>(nodes.length);
    for (int v : nodes) {
      out.add(cm.id(v));
    }
    return out;
  }

  private List<Spof> explained() {
    List<Spof> list = explained.get();
    if (list == null) {
      list = of(cm, table.explain(function));
      explained = new SoftReference<>(list);
    }
    return list;
  }

  /** Number of common-cause SPOFs, without explaining any. */
  int commonCauseCount() {
    return size - table.directCount(function);
  }

  /** True when these are SPOFs in the compact form {@code other}. */
  boolean isOf(CompactModel other) {
    return cm == other;
  }

  /** The SPOFs' node indices, ascending, without explaining any. */
  int[] nodes() {
    return table.spofs(function);
  }

  /** Puts every SPOF's id into {@code out}, mapped to true when it is common-cause. */
  void classes(java.util.Map<String, Boolean> out) {
    for (int v : table.spofs(function)) {
      out.put(cm.id(v), !table.isDirect(function, v));
    }
  }

  /** True when the node is a SPOF of the function, without explaining any. */
  boolean containsNode(String id) {
    int v = cm.find(id);
    return v >= 0 && table.contains(function, v);
  }

  @Override
  public Spof get(int index) {
    return explained().get(index);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Iterator<Spof> iterator() {
    return explained().iterator();
  }
}
