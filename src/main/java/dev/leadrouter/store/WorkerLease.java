package dev.leadrouter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The lease that makes one of several workers on one PostgreSQL the active one, and the {@link
 * Fence} that keeps the others from writing.
 *
 * <p>Holding PostgreSQL's session advisory lock {@link #LOCK_KEY} on a connection of its own makes
 * a worker the candidate; it then adds one to {@code worker_lease.epoch} and keeps the new value as
 * its fencing token. Why both: the lock is what PostgreSQL frees the moment the holder's process
 * dies (its connection closes), so a killed worker is replaced within a second; the epoch is what
 * every write compares, inside its own transaction, so a worker that lost the lock while paused or
 * cut off cannot write when it wakes up, whatever it still believes. The active worker renews
 * {@code renewed_at} (the database's {@code now()}, one clock for all) on the lock's connection; a
 * standby that finds the lock held but the renewal older than the time-to-live ends the holder's
 * session ({@code pg_terminate_backend}), which frees the lock.
 *
 * <p>Why the check cannot miss a takeover: {@link #check} reads the lease row {@code FOR SHARE},
 * and the takeover's {@code UPDATE} of that row waits for every transaction holding that lock to
 * commit. So each write of the old worker either commits before the epoch moves (and the new one
 * sees it) or reads the new epoch and is refused.
 *
 * <p>One thread drives the lease (the leadership loop); {@link #check} and {@link #checkHeld} run
 * on any thread and never take this object's monitor (the renewal, holding it, may wait for their
 * transactions).
 */
public final class WorkerLease implements Fence, AutoCloseable {

  /** The advisory lock's key, "LRHA" in ASCII: one lease per database. */
  public static final long LOCK_KEY = 0x4C52_4841L;

  // Long enough for a takeover waiting on the old worker's last transactions; short enough that a
  // cut-off database does not leave the loop hanging past the lease's time-to-live.
  private static final int QUERY_TIMEOUT_SECONDS = 5;

  private static final Duration DEFAULT_TTL = Duration.ofSeconds(6);

  private static final String TAKE =
      """
      WITH previous AS (
        SELECT holder, EXTRACT(EPOCH FROM (now() - renewed_at)) AS silent
        FROM worker_lease WHERE id = 1)
      UPDATE worker_lease SET epoch = epoch + 1, holder = ?, holder_pid = pg_backend_pid(),
        acquired_at = now(), renewed_at = now()
      WHERE id = 1
      RETURNING epoch, (SELECT holder FROM previous), (SELECT silent FROM previous)
      """;

  private static final String HOLDER =
      """
      SELECT l.holder, l.epoch, EXTRACT(EPOCH FROM (now() - l.renewed_at)) AS silent,
        (SELECT k.pid FROM pg_locks k
         WHERE k.locktype = 'advisory' AND k.granted AND k.objsubid = 1
           AND k.classid::bigint = ? AND k.objid::bigint = ?
           AND k.database = (SELECT oid FROM pg_database WHERE datname = current_database()))
          AS lock_pid
      FROM worker_lease l WHERE l.id = 1
      """;

  // application_name keeps 63 bytes; the worker's names are ASCII.
  private static final String END_SESSIONS_OF =
      """
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = left(?, 63)
        AND pid <> pg_backend_pid()
      """;

  /** Where this worker stands. */
  public enum State {
    /** Not one of the workers sharing the lease (a one-off command): the fence lets writes by. */
    NOT_PARTICIPATING,
    /** Waiting for the lease; may not write. */
    STANDBY,
    /** Holds the lease; writes while its epoch is the current one. */
    ACTIVE,
    /** Had the lease and lost it (or gave it up); may not write again. */
    LOST
  }

  /**
   * This worker became the active one.
   *
   * @param epoch its fencing token
   * @param previousHolder who held the lease before, if anyone ever did
   * @param previousSilence how long the previous holder had not renewed when this worker took over
   */
  public record Takeover(
      long epoch, Optional<String> previousHolder, Optional<Duration> previousSilence) {}

  /** A holder that stopped renewing and whose session was ended. */
  public record StaleHolder(String name, long epoch, int pid, Duration silence) {}

  private final Database database;
  private final Transactions transactions;
  private final String holder;
  private final LeaseValidity validity;
  private Connection session;
  private volatile State state = State.NOT_PARTICIPATING;
  private volatile long epoch;
  private volatile String lostBecause = "";

  /**
   * @param holder how this worker is named in the lease row and the other worker's log: {@link
   *     Database#sessionName()}, so that a standby ending a stale holder's sessions finds them all
   */
  public WorkerLease(Database database, String holder, LeaseValidity validity) {
    this.database = Objects.requireNonNull(database, "database");
    this.transactions = new Transactions(database.dataSource());
    this.holder = Objects.requireNonNull(holder, "holder");
    this.validity = Objects.requireNonNull(validity, "validity");
  }

  /** A lease with the default time-to-live of 6 s, on {@link System#nanoTime}. */
  public WorkerLease(Database database, String holder) {
    this(database, holder, new LeaseValidity(DEFAULT_TTL, System::nanoTime));
  }

  /** This worker now competes for the lease; until it wins, its writes are refused. */
  public synchronized void standBy() {
    if (state == State.NOT_PARTICIPATING) {
      state = State.STANDBY;
    }
  }

  /**
   * Tries once to take the lease: takes the advisory lock if it is free, then the next epoch.
   *
   * @return the takeover, or empty while another worker holds the lock
   * @throws StoreException when the database cannot be reached (the next try opens a new session)
   */
  public synchronized Optional<Takeover> tryAcquire() {
    if (state != State.STANDBY) {
      throw new IllegalStateException(
          "only a standby takes the lease (this worker is " + state + ")");
    }
    try {
      Connection connection = session();
      try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        lock.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        lock.setLong(1, LOCK_KEY);
        try (ResultSet row = lock.executeQuery()) {
          row.next();
          if (!row.getBoolean(1)) {
            return Optional.empty();
          }
        }
      }
      try (PreparedStatement take = connection.prepareStatement(TAKE)) {
        take.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        take.setString(1, holder);
        long sentAt = validity.now();
        try (ResultSet row = take.executeQuery()) {
          row.next();
          epoch = row.getLong(1);
          validity.renewed(sentAt);
          Optional<String> previous = Optional.ofNullable(row.getString(2));
          Optional<Duration> silence =
              Optional.ofNullable(row.getBigDecimal(3))
                  .map(seconds -> Duration.ofMillis(seconds.movePointRight(3).longValue()));
          state = State.ACTIVE;
          return Optional.of(new Takeover(epoch, previous, silence));
        }
      }
    } catch (SQLException failed) {
      // Closing the session frees the lock if it was taken before the epoch could move.
      closeSession();
      throw new StoreException("could not take the worker lease: " + failed.getMessage(), failed);
    }
  }

  /**
   * Renews the lease on the lock's session. False when it is lost: the epoch moved (another worker
   * took over) or the session failed (PostgreSQL freed the lock with it, so another may have).
   */
  public synchronized boolean renew() {
    if (state != State.ACTIVE) {
      return false;
    }
    if (session == null) {
      // Never a new session here: it would renew a lease whose lock nobody holds.
      lose("the lease's database session is gone");
      return false;
    }
    try (PreparedStatement renew =
        session.prepareStatement(
            "UPDATE worker_lease SET renewed_at = now() WHERE id = 1 AND epoch = ?")) {
      renew.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      renew.setLong(1, epoch);
      // Timed from before the statement: the database's now() is later, so the lease never looks
      // younger here than the standby sees it.
      long sentAt = validity.now();
      if (renew.executeUpdate() == 1) {
        validity.renewed(sentAt);
        // A writer may have found the lease run out meanwhile and stepped down: stay down.
        return state == State.ACTIVE;
      }
      lose("another worker took the lease over (epoch " + epoch + " is not current)");
    } catch (SQLException failed) {
      lose("the lease's database session failed: " + failed.getMessage());
    }
    return false;
  }

  /**
   * For a standby: when the lock's holder has not renewed for {@code ttl} (paused, cut off), ends
   * its database session, which frees the lock for the next {@link #tryAcquire}.
   *
   * @return the holder whose session was ended; empty when the lock is free or its holder renews
   */
  public synchronized Optional<StaleHolder> endStaleHolder(Duration ttl) {
    try {
      Connection connection = session();
      String name;
      long heldEpoch;
      Duration silence;
      int pid;
      try (PreparedStatement query = connection.prepareStatement(HOLDER)) {
        query.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        query.setLong(1, LOCK_KEY >>> 32);
        query.setLong(2, LOCK_KEY & 0xFFFF_FFFFL);
        try (ResultSet row = query.executeQuery()) {
          row.next();
          pid = row.getInt("lock_pid");
          if (row.wasNull() || row.getBigDecimal("silent") == null) {
            return Optional.empty();
          }
          silence = Duration.ofMillis(row.getBigDecimal("silent").movePointRight(3).longValue());
          name = row.getString("holder");
          heldEpoch = row.getLong("epoch");
        }
      }
      if (silence.compareTo(ttl) < 0) {
        return Optional.empty();
      }
      try (PreparedStatement end = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
        end.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        end.setInt(1, pid);
        end.executeQuery().close();
      }
      // Its other sessions too: a worker paused inside a write transaction holds the lease row
      // (FOR SHARE), and the takeover's UPDATE would wait for it as long as the pause lasts.
      try (PreparedStatement end = connection.prepareStatement(END_SESSIONS_OF)) {
        end.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        end.setString(1, name);
        end.executeQuery().close();
      }
      return Optional.of(new StaleHolder(name, heldEpoch, pid, silence));
    } catch (SQLException failed) {
      closeSession();
      throw new StoreException(
          "could not look at the worker lease's holder: " + failed.getMessage(), failed);
    }
  }

  /** Gives the lease up (the standby takes it at its next try) and refuses writes from now on. */
  public synchronized void release() {
    if (state == State.ACTIVE && session != null) {
      try (PreparedStatement unlock = session.prepareStatement("SELECT pg_advisory_unlock(?)")) {
        unlock.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        unlock.setLong(1, LOCK_KEY);
        unlock.executeQuery().close();
      } catch (SQLException ignored) {
        // Closing the session below frees the lock all the same.
      }
    }
    if (state != State.NOT_PARTICIPATING) {
      state = State.LOST;
      lostBecause = "this worker gave the lease up";
    }
    closeSession();
  }

  @Override
  public void close() {
    release();
  }

  public State state() {
    return state;
  }

  /** The fencing token while {@link State#ACTIVE}; the last one held after that; 0 before. */
  public long epoch() {
    return epoch;
  }

  /** Why the lease was lost, once it was. */
  public String lostBecause() {
    return lostBecause;
  }

  @Override
  public void check(Connection transaction) throws SQLException {
    State now = state;
    if (now == State.NOT_PARTICIPATING) {
      return;
    }
    refuseUnlessActive(now);
    try (PreparedStatement current =
        transaction.prepareStatement("SELECT epoch FROM worker_lease WHERE id = 1 FOR SHARE")) {
      try (ResultSet row = current.executeQuery()) {
        row.next();
        refuseUnlessCurrent(row.getLong(1));
      }
    }
  }

  @Override
  public void checkHeld() {
    State now = state;
    if (now == State.NOT_PARTICIPATING) {
      return;
    }
    refuseUnlessActive(now);
    long current =
        transactions.read(
            connection -> {
              try (PreparedStatement query =
                      connection.prepareStatement("SELECT epoch FROM worker_lease WHERE id = 1");
                  ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
              }
            });
    refuseUnlessCurrent(current);
    checkUnexpired();
  }

  @Override
  public void checkUnexpired() {
    State now = state;
    if (now == State.NOT_PARTICIPATING) {
      return;
    }
    refuseUnlessActive(now);
    if (!validity.holds()) {
      // As for a moved epoch, not lose(): the renewal may hold the monitor. The loop sees the
      // lost lease at its next renewal and the worker steps down.
      lostBecause =
          "its last renewal was "
              + validity.sinceRenewal().toMillis()
              + " ms ago, too long to be sure no standby took over (paused?)";
      state = State.LOST;
      throw new FencedException(
          "this worker's lease (epoch " + epoch + ") ran out: " + lostBecause + "; not written");
    }
  }

  private void refuseUnlessActive(State now) {
    if (now == State.STANDBY) {
      throw new FencedException("this worker is the standby; only the active worker writes");
    }
    if (now == State.LOST) {
      throw new FencedException("this worker lost the lease (" + lostBecause + "); not written");
    }
  }

  private void refuseUnlessCurrent(long current) {
    if (current != epoch) {
      // Not lose(): that takes the monitor, which the renewal may hold while it waits for this
      // very transaction. The loop sees the lost lease at its next renewal.
      lostBecause = "another worker took the lease over with epoch " + current;
      state = State.LOST;
      throw new FencedException(
          "this worker's lease (epoch "
              + epoch
              + ") was taken over (epoch "
              + current
              + "); not written");
    }
  }

  private void lose(String why) {
    lostBecause = why;
    state = State.LOST;
    closeSession();
  }

  private Connection session() throws SQLException {
    if (session == null || session.isClosed()) {
      session = database.dedicatedConnection(holder);
      session.setAutoCommit(true);
    }
    return session;
  }

  private void closeSession() {
    if (session != null) {
      try {
        session.close();
      } catch (SQLException ignored) {
        // A broken session is the reason it is closed; the server ends it either way.
      } finally {
        session = null;
      }
    }
  }
}
