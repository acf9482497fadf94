package dev.leadrouter.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.leadrouter.capture.InitialReplay;
import dev.leadrouter.config.WorkerSettings;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.LoggedDecision;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.store.SlaClock;
import dev.leadrouter.store.SlaClocks;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lost SLA Task of the chaos runs. An owner is written with its clock stored first, but the
 * store can lose the clock while the write lands (H2 lost its last half second of commits to a
 * SIGKILL before {@code WRITE_DELAY=0}; a clock whose start fails sends the owner without it). The
 * next start marks the decision written, and the recovery, which looked only at stored clocks
 * without a Task, never gave that owner a Task. Now the start-up recovery starts the clock of every
 * written, rep-owned live decision lacking one, and adopts the Task the org may already have, so no
 * Task is created twice.
 */
class SlaRecoveryIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path scratch;
  private final Clock clock = Clock.systemUTC();
  private TestOrg org;
  private WorkerHarness harness;
  private WorkerAssembly assembly;

  @BeforeEach
  void start() throws Exception {
    org = new TestOrg(clock);
    harness = new WorkerHarness(org, WorkerHarness.h2In(scratch), clock);
    assembly = startWorker();
  }

  @AfterEach
  void stop() throws Exception {
    if (assembly != null) {
      assembly.close(Duration.ofSeconds(5));
    }
    org.close();
  }

  @Test
  void aWrittenOwnerWhoseClockTheStoreLostGetsItsClockAndExactlyOneTaskAtTheNextStart()
      throws Exception {
    String keepsTask = org.createLead(WorkerIT.webLead("Novak", "Acme GmbH"));
    String losesTask = org.createLead(WorkerIT.webLead("Ortiz", "Initech"));
    SlaClocks clocks = assembly.get(SlaClocks.class);
    for (String lead : List.of(keepsTask, losesTask)) {
      await()
          .atMost(WAIT)
          .until(() -> clocks.openFor(lead).map(c -> c.taskId() != null).orElse(false));
    }
    SlaClock before = clocks.openFor(keepsTask).orElseThrow();
    String lostTask = clocks.openFor(losesTask).orElseThrow().taskId();
    Database store = assembly.get(Database.class);
    loseClockOf(store, keepsTask);
    loseClockOf(store, losesTask);
    // The second lead's Task was never created: the kill came before it.
    org.server().org().data().delete(SObjectType.TASK, lostTask);
    assembly.close(Duration.ofSeconds(5));
    assembly = null;

    assembly = startWorker();

    SlaClocks after = assembly.get(SlaClocks.class);
    RoutingLog log = assembly.get(RoutingLog.class);
    for (String lead : List.of(keepsTask, losesTask)) {
      LoggedDecision decision = log.findByLead(lead).get(0);
      assertThat(after.forDecision(decision.id()))
          .as("clock of %s", lead)
          .get()
          .satisfies(c -> assertThat(c.taskId()).isNotNull());
      assertThat(tasksOn(lead)).as("tasks on %s", lead).hasSize(1);
    }
    SlaClock recovered = after.openFor(keepsTask).orElseThrow();
    assertThat(recovered.taskId()).as("the Task the org had is adopted").isEqualTo(before.taskId());
    assertThat(recovered.dueAt()).as("the clock starts at the decision").isEqualTo(before.dueAt());
  }

  private WorkerAssembly startWorker() throws Exception {
    WorkerSettings withSla = harness.settingsWithShippedSla();
    WorkerAssembly started =
        WorkerAssembly.create(
            withSla,
            WorkerHarness.RULES,
            harness.meters,
            clock,
            WorkerHarness.CLIENT,
            InitialReplay.NEW_ONLY);
    Worker worker = started.worker();
    worker.start();
    await().atMost(WAIT).until(worker::isSubscribed);
    return started;
  }

  /** What a lost commit leaves: the decision written, the org's owner set, no clock. */
  private static void loseClockOf(Database store, String leadId) throws Exception {
    try (Connection connection = store.dataSource().getConnection();
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM sla_clock WHERE lead_id = ?")) {
      delete.setString(1, leadId);
      assertThat(delete.executeUpdate()).isEqualTo(1);
    }
  }

  private List<Map<String, Object>> tasksOn(String leadId) {
    return org.server().org().data().all(SObjectType.TASK).stream()
        .filter(task -> Objects.equals(task.get("WhoId"), leadId))
        .toList();
  }
}
