package dev.kuja.analysis;

import dev.kuja.engine.graph.CompactModel;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An immutable path read off a shared parent tree: start, parent[start], …, up to the root.
 * Many SPOF explanations share one tree, so each costs O(1) memory instead of a copy of its
 * path (a 10^5-deep chain has 10^5 SPOFs with paths of up to 10^5 nodes).
 */
final class TreePath extends AbstractList<String> {

  private final CompactModel cm;
  private final int[] parent;
  private final int start;
  private final int size;

  TreePath(CompactModel cm, int[] parent, int start, int size) {
    this.cm = cm;
    this.parent = parent;
    this.start = start;
    this.size = size;
  }

  @Override
  public String get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " of a path of " + size);
    }
    int v = start;
    for (int i = 0; i < index; i++) {
      v = parent[v];
    }
    return cm.id(v);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Iterator<String> iterator() {
    return new Iterator<>() {
      private int v = start;
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
        String id = cm.id(v);
        left--;
        v = parent[v];
        return id;
      }
    };
  }
}
