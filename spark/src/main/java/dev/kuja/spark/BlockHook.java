package dev.kuja.spark;

import java.io.Serializable;

/**
 * Runs in every Spark task before its block is simulated. Production runs pass {@link #NONE};
 * the tests pass a hook that fails a task's first attempt, to see Spark retry it.
 */
interface BlockHook extends Serializable {

  /** No hook. */
  BlockHook NONE = (ensemble, block) -> { };

  /** Called in the task, on the executor, before block {@code block} of ensemble {@code ensemble}. */
  void before(int ensemble, long block);
}
