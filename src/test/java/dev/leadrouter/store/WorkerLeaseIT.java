package dev.leadrouter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.leadrouter.config.Mode;
import dev.leadrouter.testing.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The worker lease and its fence on a real PostgreSQL (advisory locks and ending another session
 * are PostgreSQL's own). Each lease stands for one worker process; a worker dying or pausing is
 * played by ending its session or back-dating its renewal, so nothing here sleeps.
 */
class WorkerLeaseIT {

  @RegisterExtension static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

  private static final Duration TTL = Duration.ofSeconds(6);
  private static final Instant DECIDED = Instant.parse("2026-11-27T09:00:00Z");

  private Database database;
  private final List<WorkerLease> leases = new ArrayList<>();

  @BeforeEach
  void openDatabase() {
    database = Database.open(POSTGRES.freshDatabase());
  }

  @AfterEach
  void closeDatabase() {
    leases.forEach(WorkerLease::close);
    database.close();
  }

  private WorkerLease worker(String name) {
    WorkerLease lease = new WorkerLease(database, name);
    leases.add(lease);
    lease.standBy();
    return lease;
  }

  @Test
  void theFirstWorkerTakesTheLeaseWithEpochOneAndTheSecondStandsBy() throws SQLException {
    WorkerLease first = worker("host-a/1");
    WorkerLease second = worker("host-b/2");

    Optional<WorkerLease.Takeover> took = first.tryAcquire();

    assertThat(took).hasValueSatisfying(t -> assertThat(t.epoch()).isEqualTo(1));
    assertThat(took.get().previousHolder()).isEmpty();
    assertThat(first.state()).isEqualTo(WorkerLease.State.ACTIVE);
    assertThat(second.tryAcquire()).as("the lock is held").isEmpty();
    assertThat(second.state()).isEqualTo(WorkerLease.State.STANDBY);
    assertThat(first.renew()).isTrue();
    assertThat(second.endStaleHolder(TTL)).as("the holder renews").isEmpty();
    assertThat(lease()).containsEntry("holder", "host-a/1").containsEntry("epoch", 1L);
  }

  @Test
  void renewingMovesRenewedAtOnTheDatabasesClock() throws SQLException {
    WorkerLease first = worker("host-a/1");
    first.tryAcquire();
    execute("UPDATE worker_lease SET renewed_at = now() - interval '5 seconds'");

    assertThat(first.renew()).isTrue();

    assertThat(silenceMillis()).isLessThan(1_000);
  }

  @Test
  void whenTheHoldersConnectionDiesTheStandbyTakesOverAtItsNextTry() throws SQLException {
    WorkerLease first = worker("host-a/1");
    WorkerLease second = worker("host-b/2");
    first.tryAcquire();

    // As a SIGKILL does: the process's connections close, and PostgreSQL frees the lock with them.
    endSession(holderPid());

    await().atMost(Duration.ofSeconds(5)).until(() -> second.tryAcquire().isPresent());
    assertThat(second.epoch()).isEqualTo(2);
    assertThat(first.renew()).as("the old holder learns at its next renewal").isFalse();
    assertThat(first.state()).isEqualTo(WorkerLease.State.LOST);
    assertThat(first.lostBecause()).contains("session failed");
    assertThat(second.renew()).isTrue();
  }

  @Test
  void aHolderThatStopsRenewingHasItsSessionEndedAndTheStandbyTakesOver() throws SQLException {
    WorkerLease first = worker("host-a/1");
    WorkerLease second = worker("host-b/2");
    first.tryAcquire();
    int pausedPid = holderPid();
    // A paused (or cut-off) holder: its connection lives on, its renewals stop.
    execute("UPDATE worker_lease SET renewed_at = now() - interval '7 seconds'");

    Optional<WorkerLease.StaleHolder> ended = second.endStaleHolder(TTL);

    assertThat(ended)
        .hasValueSatisfying(
            stale -> {
              assertThat(stale.name()).isEqualTo("host-a/1");
              assertThat(stale.pid()).isEqualTo(pausedPid);
              assertThat(stale.silence()).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
            });
    await().atMost(Duration.ofSeconds(5)).until(() -> second.tryAcquire().isPresent());
    assertThat(lease()).containsEntry("holder", "host-b/2").containsEntry("epoch", 2L);
    assertThat(first.renew()).as("the paused holder wakes up deposed").isFalse();
  }

  @Test
  void aHolderPausedInsideAWriteTransactionDoesNotHoldTheTakeoverUp() throws SQLException {
    WorkerLease first = worker("host-a/1");
    WorkerLease second = worker("host-b/2");
    first.tryAcquire();
    execute("UPDATE worker_lease SET renewed_at = now() - interval '7 seconds'");
    // One of the paused worker's pooled sessions, stopped between its fence check and its commit:
    // it holds the lease row FOR SHARE, which the takeover's UPDATE would wait for.
    try (Connection paused = database.dedicatedConnection("host-a/1")) {
      paused.setAutoCommit(false);
      first.check(paused);

      assertThat(second.endStaleHolder(TTL)).isPresent();
      await().atMost(Duration.ofSeconds(5)).until(() -> second.tryAcquire().isPresent());

      assertThat(second.epoch()).isEqualTo(2);
      assertThatThrownBy(paused::commit).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void aDeposedLeaderThatStillBelievesItIsActiveCannotWrite() throws SQLException {
    WorkerLease first = worker("host-a/1");
    WorkerLease second = worker("host-b/2");
    first.tryAcquire();
    RoutingLog firstLog = new RoutingLog(database, first);
    CheckpointRepository firstCheckpoints = new CheckpointRepository(database, first);
    long before = firstLog.record(Decisions.toAlice("00Q000000000001", DECIDED), Mode.LIVE);

    endSession(holderPid());
    await().atMost(Duration.ofSeconds(5)).until(() -> second.tryAcquire().isPresent());

    // The first worker has not renewed since, so it still holds itself active: the fence decides.
    assertThat(first.state()).isEqualTo(WorkerLease.State.ACTIVE);
    assertThatThrownBy(
            () -> firstLog.record(Decisions.toAlice("00Q000000000002", DECIDED), Mode.LIVE))
        .isInstanceOf(FencedException.class)
        .hasMessageContaining("epoch 1")
        .hasMessageContaining("epoch 2");
    assertThatThrownBy(() -> firstLog.markWritten(before, DECIDED))
        .isInstanceOf(FencedException.class);
    assertThatThrownBy(() -> firstCheckpoints.commit("/data/LeadChangeEvent", 42, DECIDED))
        .isInstanceOf(FencedException.class);
    assertThatThrownBy(first::checkHeld).isInstanceOf(FencedException.class);
    assertThat(first.state()).isEqualTo(WorkerLease.State.LOST);

    RoutingLog secondLog = new RoutingLog(database, second);
    assertThat(secondLog.findByLead("00Q000000000002")).as("nothing of it was written").isEmpty();
    assertThat(secondLog.unwritten()).singleElement().extracting(d -> d.id()).isEqualTo(before);
    assertThat(new CheckpointRepository(database).load("/data/LeadChangeEvent")).isEmpty();
    secondLog.markWritten(before, DECIDED);
    second.checkHeld();
  }

  @Test
  void aStandbyWritesNothingAndAProcessOutsideTheLeaseIsNotChecked() {
    WorkerLease standby = worker("host-b/2");
    assertThatThrownBy(
            () ->
                new DeadLetters(database, java.time.Clock.systemUTC(), standby)
                    .add("/data/LeadChangeEvent", "bad", "{}"))
        .isInstanceOf(FencedException.class)
        .hasMessageContaining("standby");

    // A one-off command (dlq list, reports) never joins: its lease lets writes by.
    WorkerLease tool = new WorkerLease(database, "tool");
    leases.add(tool);
    assertThat(new DeadLetters(database, java.time.Clock.systemUTC(), tool).add("x", "y", "{}"))
        .isPositive();
  }

  @Test
  void givingTheLeaseUpFreesItAtOnceAndRefusesLaterWrites() {
    WorkerLease first = worker("host-a/1");
    WorkerLease second = worker("host-b/2");
    first.tryAcquire();

    first.release();

    assertThat(second.tryAcquire())
        .hasValueSatisfying(
            t -> {
              assertThat(t.epoch()).isEqualTo(2);
              assertThat(t.previousHolder()).contains("host-a/1");
            });
    assertThatThrownBy(first::checkHeld)
        .isInstanceOf(FencedException.class)
        .hasMessageContaining("gave the lease up");
  }

  @Test
  void aHolderWakingUpPastItsLeaseByItsOwnClockRefusesAlthoughItsEpochIsStillCurrent() {
    AtomicLong ticker = new AtomicLong();
    WorkerLease lease = new WorkerLease(database, "host-a/1", new LeaseValidity(TTL, ticker::get));
    leases.add(lease);
    lease.standBy();
    lease.tryAcquire();
    ticker.addAndGet(Duration.ofSeconds(4).toNanos());
    lease.checkHeld();
    assertThat(lease.renew()).isTrue();

    // Paused (SIGSTOP) for longer than the ttl, and no standby came to take over: the epoch in
    // the database is still this worker's, but its own clock says a standby may have.
    ticker.addAndGet(TTL.toNanos());

    assertThatThrownBy(lease::checkUnexpired)
        .isInstanceOf(FencedException.class)
        .hasMessageContaining("ran out");
    assertThat(lease.state()).isEqualTo(WorkerLease.State.LOST);
    assertThat(lease.renew()).as("it stepped down and stays down").isFalse();
    assertThatThrownBy(lease::checkHeld).isInstanceOf(FencedException.class);
  }

  @Test
  void aRenewalTheDatabaseRefusedDoesNotExtendTheLeaseByTheWorkersClock() throws SQLException {
    AtomicLong ticker = new AtomicLong();
    WorkerLease lease = new WorkerLease(database, "host-a/1", new LeaseValidity(TTL, ticker::get));
    leases.add(lease);
    lease.standBy();
    lease.tryAcquire();
    execute("UPDATE worker_lease SET epoch = epoch + 1");
    ticker.addAndGet(Duration.ofSeconds(4).toNanos());

    assertThat(lease.renew()).as("another epoch").isFalse();
    assertThat(lease.state()).isEqualTo(WorkerLease.State.LOST);
  }

  private java.util.Map<String, Object> lease() throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT holder, epoch FROM worker_lease")) {
      row.next();
      return java.util.Map.of("holder", row.getString(1), "epoch", row.getLong(2));
    }
  }

  private int holderPid() throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT holder_pid FROM worker_lease")) {
      row.next();
      return row.getInt(1);
    }
  }

  private long silenceMillis() throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT EXTRACT(EPOCH FROM (now() - renewed_at)) * 1000 FROM worker_lease")) {
      row.next();
      return row.getLong(1);
    }
  }

  private void endSession(int pid) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement end = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
      end.setInt(1, pid);
      end.executeQuery().close();
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }
}
