package dev.kuja.analysis;

import dev.kuja.engine.graph.CompactModel;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An immutable path read off a shared tree: the node at position start, then its parent's, …, up
 * to the root. Many SPOF explanations share one tree, so each costs O(1) memory instead of a copy
 * of its path (a 10^5-deep chain has 10^5 SPOFs with paths of up to 10^5 nodes).
 */
final class TreePath extends AbstractList<String> {

  private final CompactModel cm;
  /** The node at each position of the tree. */
  private final int[] nodes;
  /** The position of each position's parent, −1 at the root. */
  private final int[] parent;
  private final int start;
  private final int size;

  TreePath(CompactModel cm, int[] nodes, int[] parent, int start, int size) {
    this.cm = cm;
    this.nodes = nodes;
    this.parent = parent;
    this.start = start;
    this.size = size;
  }

  @Override
  public String get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " of a path of " + size);
    }
    int at = start;
    for (int i = 0; i < index; i++) {
      at = parent[at];
    }
    return cm.id(nodes[at]);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Iterator<String> iterator() {
    return new Iterator<>() {
      private int at = start;
      private int left = size;

      @Override
      public boolean hasNext() {
        return left > 0;
      }

      @Override
      public String next() {
        if (left == 0) {
          throw new NoSuchElementException();
        }
        String id = cm.id(nodes[at]);
        left--;
        at = parent[at];
        return id;
      }
    };
  }
}
