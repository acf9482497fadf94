package dev.leadrouter.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.leadrouter.config.HaSettings;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.FencedException;
import dev.leadrouter.store.WorkerLease;
import dev.leadrouter.testing.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two workers' leadership loops on one embedded PostgreSQL, with intervals of milliseconds. */
class LeaseLeadershipIT {

  private static final HaSettings QUICK =
      new HaSettings(
          HaSettings.Enabled.TRUE,
          Duration.ofMillis(50),
          Duration.ofMillis(100),
          Duration.ofSeconds(1));
  @RegisterExtension static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

  private Database database;
  private final List<LeaseLeadership> workers = new ArrayList<>();

  @BeforeEach
  void freshDatabase() {
    database = Database.open(POSTGRES.freshDatabase());
  }

  @AfterEach
  void closeAll() {
    workers.forEach(LeaseLeadership::close);
    database.close();
  }

  private LeaseLeadership worker(String name) {
    LeaseLeadership leadership = new LeaseLeadership(new WorkerLease(database, name), QUICK);
    workers.add(leadership);
    return leadership;
  }

  @Test
  void oneIsActiveTheOtherStandsByAndTakesOverAtOnceWhenTheFirstGivesUp() throws Exception {
    LeaseLeadership first = worker("a");
    LeaseLeadership second = worker("b");
    assertThat(first.awaitActive()).isTrue();
    CompletableFuture<Boolean> secondActive = waitAsync(second);

    await()
        .during(Duration.ofMillis(400))
        .atMost(Duration.ofSeconds(2))
        .until(() -> second.role() == Leadership.Role.STANDBY);
    assertThat(first.role()).isEqualTo(Leadership.Role.ACTIVE);
    assertThat(first.epoch()).isEqualTo(1);

    long closedAt = System.nanoTime();
    first.close();

    assertThat(secondActive.get(2, TimeUnit.SECONDS)).isTrue();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAt)).isLessThan(2_000);
    assertThat(second.epoch()).isEqualTo(2);
    assertThat(first.role()).isEqualTo(Leadership.Role.LOST);
  }

  @Test
  void anActiveWorkerWhoseSessionEndsHearsItLostWhileTheStandbyTakesOver() throws Exception {
    LeaseLeadership first = worker("a");
    LeaseLeadership second = worker("b");
    AtomicInteger lost = new AtomicInteger();
    first.onLost(lost::incrementAndGet);
    assertThat(first.awaitActive()).isTrue();
    CompletableFuture<Boolean> secondActive = waitAsync(second);

    endSessionOfTheHolder();

    assertThat(secondActive.get(5, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(2)).until(() -> lost.get() == 1);
    assertThat(first.role()).isEqualTo(Leadership.Role.LOST);
    assertThatThrownBy(() -> first.fence().checkHeld()).isInstanceOf(FencedException.class);
    second.fence().checkHeld();
  }

  @Test
  void closingAStandbyEndsItsWait() throws Exception {
    LeaseLeadership first = worker("a");
    LeaseLeadership second = worker("b");
    assertThat(first.awaitActive()).isTrue();
    CompletableFuture<Boolean> secondActive = waitAsync(second);

    second.close();

    assertThat(secondActive.get(2, TimeUnit.SECONDS)).isFalse();
    assertThat(first.role()).isEqualTo(Leadership.Role.ACTIVE);
  }

  private static CompletableFuture<Boolean> waitAsync(LeaseLeadership leadership) {
    CompletableFuture<Boolean> active = new CompletableFuture<>();
    Thread waiter =
        new Thread(
            () -> {
              try {
                active.complete(leadership.awaitActive());
              } catch (Exception failed) {
                active.completeExceptionally(failed);
              }
            });
    waiter.start();
    return active;
  }

  private void endSessionOfTheHolder() throws Exception {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement
          .executeQuery("SELECT pg_terminate_backend(holder_pid) FROM worker_lease WHERE id = 1")
          .close();
    }
  }
}
