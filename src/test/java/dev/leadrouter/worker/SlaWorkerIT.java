package dev.leadrouter.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.leadrouter.capture.InitialReplay;
import dev.leadrouter.config.WorkerSettings;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.sla.SlaAssignments;
import dev.leadrouter.store.SlaClock;
import dev.leadrouter.store.SlaClockStatus;
import dev.leadrouter.store.SlaClocks;
import dev.leadrouter.store.TouchKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SLA tracking in the running worker against the emulated org: the owner gets SLA_Due__c and a
 * follow-up Task, and a rep's status change, arriving as a change event, stops the clock.
 */
class SlaWorkerIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path scratch;
  private final Clock clock = Clock.systemUTC();
  private TestOrg org;
  private WorkerAssembly assembly;

  @BeforeEach
  void start() throws Exception {
    org = new TestOrg(clock);
    WorkerHarness harness = new WorkerHarness(org, WorkerHarness.h2In(scratch), clock);
    WorkerSettings withSla = harness.settingsWithShippedSla();
    assembly =
        WorkerAssembly.create(
            withSla,
            WorkerHarness.RULES,
            harness.meters,
            clock,
            WorkerHarness.CLIENT,
            InitialReplay.NEW_ONLY);
    Worker worker = assembly.worker();
    worker.start();
    await().atMost(WAIT).until(worker::isSubscribed);
  }

  @AfterEach
  void stop() throws Exception {
    assembly.close(Duration.ofSeconds(5));
    org.close();
  }

  @Test
  void theOwnerGetsADueTimeAndATaskAndTheirFirstTouchStopsTheClock() throws Exception {
    String id = org.createLead(WorkerIT.webLead("Novak", "Acme GmbH"));

    await().atMost(WAIT).until(() -> org.lead(id).get("SLA_Due__c") != null);
    Object owner = org.lead(id).get("OwnerId");
    assertThat(owner).isIn(TestOrg.ANN, TestOrg.BO);
    SlaClocks clocks = assembly.get(SlaClocks.class);
    await().atMost(WAIT).until(() -> clocks.openFor(id).map(c -> c.taskId() != null).orElse(false));
    SlaClock open = clocks.openFor(id).orElseThrow();
    Map<String, Object> task =
        org.server().org().data().find(SObjectType.TASK, open.taskId()).orElseThrow();
    assertThat(task.get("WhoId")).isEqualTo(id);
    assertThat(task.get("OwnerId")).isEqualTo(owner);
    assertThat(task.get("IsReminderSet")).isEqualTo(true);
    assertThat(assembly.get(SlaAssignments.class).tasksCreated()).isEqualTo(1);

    org.updateLead(id, Map.of("Status", "Working - Contacted"));

    await().atMost(WAIT).until(() -> clocks.openFor(id).isEmpty());
    List<SlaClock> all = clocks.forLead(id);
    assertThat(all)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(SlaClockStatus.MET);
              assertThat(c.touchKind()).isEqualTo(TouchKind.STATUS);
            });
  }
}
