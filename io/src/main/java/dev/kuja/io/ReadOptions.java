package dev.kuja.io;

/**
 * Limits that keep a hostile or broken document from exhausting time or memory.
 *
 * @param maxBytes largest document accepted, in bytes
 * @param maxDepth deepest nesting of maps and lists accepted
 */
public record ReadOptions(long maxBytes, int maxDepth) {

  /** 1 GiB and 32 levels: room for a national model, and far deeper than any valid document. */
  public static final ReadOptions DEFAULT = new ReadOptions(1L << 30, 32);

  public ReadOptions {
    if (maxBytes <= 0 || maxDepth <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
