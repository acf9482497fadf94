package dev.leadrouter.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Refuses the writes of a worker that is not (or no longer) the active one. With two workers on one
 * database, a worker that was paused or cut off may still believe it is active after the standby
 * took over; were its writes let through, a lead could be routed twice or a checkpoint moved back.
 *
 * <p>The store's repositories ask {@link #check} inside each write transaction, so the check and
 * the write commit together: a takeover that commits before the check is seen, one that commits
 * after waits for the write (see {@link WorkerLease}). Writes that leave the store (owner updates
 * to Salesforce) ask {@link #checkHeld} before they are built and {@link #checkUnexpired} right
 * before they are sent.
 *
 * <p>One process on its own (the H2 file store, or high availability switched off) uses {@link
 * #NONE}, which checks nothing and costs nothing.
 */
public interface Fence {

  /** No second worker: every write is allowed. */
  Fence NONE =
      new Fence() {
        @Override
        public void check(Connection transaction) {}

        @Override
        public void checkHeld() {}

        @Override
        public void checkUnexpired() {}
      };

  /**
   * Throws {@link FencedException} unless this worker may write; called first in a write
   * transaction on {@code transaction}, which it may lock against a takeover until it commits.
   */
  void check(Connection transaction) throws SQLException;

  /** Throws {@link FencedException} unless this worker may write now (reads on its own). */
  void checkHeld();

  /**
   * Throws {@link FencedException} when this worker's lease ran out by its own monotonic clock
   * since its last confirmed renewal; no round trip, so it goes right before a write leaves the
   * process, after whatever may have paused it (see {@link LeaseValidity}).
   */
  void checkUnexpired();
}
