package dev.leadrouter.ha;

import dev.leadrouter.store.Fence;

/**
 * Whether this worker is the one that routes and writes. A worker on its own always is; with a
 * standby on the same PostgreSQL ({@link LeaseLeadership}) one of them is, by lease.
 */
public interface Leadership extends AutoCloseable {

  /** Where this worker stands. */
  enum Role {
    /** No other worker can share the store (high availability off): always active. */
    ALONE,
    /** Waiting for the lease; routes and writes nothing. */
    STANDBY,
    /** Holds the lease. */
    ACTIVE,
    /** Lost the lease (or gave it up); its writes are refused. */
    LOST
  }

  /**
   * Blocks until this worker is the active one.
   *
   * @return true once active; false when {@link #close} ended the wait first
   */
  boolean awaitActive() throws InterruptedException;

  Role role();

  /** The fencing token while active (0 when alone or before the first lease). */
  long epoch();

  /** Refuses the writes of this worker while it is not the active one. */
  Fence fence();

  /** Runs {@code listener} once, on the leadership thread, if the lease is lost while active. */
  void onLost(Runnable listener);

  /** Ends a standby's wait, or gives the lease up so the standby takes over at once. */
  @Override
  void close();

  /** One worker on a store no other can share: active from the start, fencing nothing. */
  static Leadership alone() {
    return new Alone();
  }
}
