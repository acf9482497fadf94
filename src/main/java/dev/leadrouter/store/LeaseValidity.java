package dev.leadrouter.store;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How long the active worker may still trust its lease without asking the database: until its last
 * confirmed renewal plus the time-to-live, less a safety margin, on a monotonic clock.
 *
 * <p>Why: a standby takes over only once the lease went {@code ttl} without renewal on the
 * database's clock, and each renewal is timed from just before it was sent, so it never looks
 * younger here than it is there. A worker paused for longer than that (SIGSTOP, a long GC) finds
 * its lease run out the moment it wakes up, with no round trip that could itself be paused before.
 * The margin covers the way of a write to Salesforce after the last look.
 */
public final class LeaseValidity {

  private final LongSupplier ticker;
  private final long validForNanos;
  private volatile long renewedAt;
  private volatile boolean everRenewed;

  /**
   * @param ttl how long the lease lasts without renewal, as the standby measures it
   * @param ticker a monotonic clock in nanoseconds ({@code System::nanoTime})
   */
  public LeaseValidity(Duration ttl, LongSupplier ticker) {
    Objects.requireNonNull(ttl, "ttl");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    // A quarter of the ttl: with ttl at least twice the renewal interval, one late renewal still
    // fits; and the margin is seconds, far longer than a request takes to reach Salesforce.
    this.validForNanos = ttl.toNanos() - ttl.toNanos() / 4;
  }

  /** Read just before a renewal is sent; hand it to {@link #renewed} once the database agrees. */
  public long now() {
    return ticker.getAsLong();
  }

  /** The database confirmed a renewal (or the takeover) sent at {@code sentAt} ({@link #now}). */
  public void renewed(long sentAt) {
    renewedAt = sentAt;
    everRenewed = true;
  }

  /** Whether the lease, as last renewed, still holds by this worker's own clock. */
  public boolean holds() {
    return everRenewed && ticker.getAsLong() - renewedAt < validForNanos;
  }

  /** How long ago the last confirmed renewal was sent (for the log). */
  public Duration sinceRenewal() {
    return everRenewed ? Duration.ofNanos(ticker.getAsLong() - renewedAt) : Duration.ZERO;
  }
}
