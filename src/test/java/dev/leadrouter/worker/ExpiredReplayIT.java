package dev.leadrouter.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.leadrouter.capture.InitialReplay;
import dev.leadrouter.config.Mode;
import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.route.ReasonCode;
import dev.leadrouter.store.CheckpointRepository;
import dev.leadrouter.store.DeadLetters;
import dev.leadrouter.store.DecisionStatus;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.testing.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker away longer than the org keeps change events: its replay id has expired when it comes
 * back, so it finds the leads created meanwhile by query and routes each exactly once.
 */
class ExpiredReplayIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration RETENTION = Duration.ofMinutes(5);

  @TempDir Path scratch;
  // Both the org and the worker read it: the outage is a jump of the clock, not a wait.
  private final MutableClock clock = new MutableClock(Clock.systemUTC().instant());
  private TestOrg org;
  private final List<WorkerAssembly> assemblies = new ArrayList<>();

  @BeforeEach
  void startOrg() throws Exception {
    org =
        new TestOrg(
            Org.load(Path.of("src/test/resources/worker/seed.json"), clock),
            OrgServer.Settings.defaults(clock).withReplayRetention(RETENTION),
            TestOrg.CLIENT_ID,
            TestOrg.CLIENT_SECRET);
  }

  @AfterEach
  void stop() throws Exception {
    for (WorkerAssembly assembly : assemblies) {
      assembly.close(Duration.ofSeconds(5));
    }
    org.close();
  }

  private WorkerAssembly start() throws Exception {
    WorkerAssembly assembly =
        new WorkerHarness(org, WorkerHarness.h2In(scratch), clock)
            .assemble(Mode.LIVE, InitialReplay.NEW_ONLY);
    assemblies.add(assembly);
    assembly.worker().start();
    await().atMost(WAIT).until(assembly.worker()::isSubscribed);
    return assembly;
  }

  private void stop(WorkerAssembly assembly) throws Exception {
    assembly.close(Duration.ofSeconds(5));
    assemblies.remove(assembly);
  }

  private boolean routed(String id) {
    return org.lead(id).get("Routing_Rule__c") != null;
  }

  @Test
  void leadsCreatedWhileTheWorkerWasAwayPastRetentionAreRoutedOnceByQuery() throws Exception {
    WorkerAssembly first = start();
    String before = org.createLead(WorkerIT.webLead("Before", "Before Ltd"));
    await().atMost(WAIT).until(() -> routed(before));
    CheckpointRepository firstCheckpoints = first.get(CheckpointRepository.class);
    await().atMost(WAIT).until(() -> firstCheckpoints.load(WorkerModule.LEAD_CHANNEL).isPresent());
    long expired = firstCheckpoints.load(WorkerModule.LEAD_CHANNEL).orElseThrow().replayId();
    stop(first);

    List<String> whileAway = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      whileAway.add(org.createLead(WorkerIT.webLead("Away" + i, "Away " + i + " Ltd")));
    }
    org.updateLead(before, Map.of("Title", "Head of Sales"));
    clock.advance(RETENTION.plusMinutes(1));

    WorkerAssembly second = start();
    RoutingLog log = second.get(RoutingLog.class);
    for (String id : whileAway) {
      await().atMost(WAIT).until(() -> routed(id));
    }
    String after = org.createLead(WorkerIT.webLead("After", "After Ltd"));
    await().atMost(WAIT).until(() -> routed(after));
    await().atMost(WAIT).until(() -> log.unwritten().isEmpty());

    for (String id : whileAway) {
      assertThat(log.findByLead(id))
          .as("lead %s", id)
          .singleElement()
          .satisfies(
              decision -> {
                assertThat(decision.status()).isEqualTo(DecisionStatus.WRITTEN);
                assertThat(decision.reasons()).contains(ReasonCode.RECONCILED);
              });
      assertThat(org.lead(id).get("Routing_Reason__c").toString()).contains("RECONCILED");
    }
    assertThat(log.findByLead(before))
        .as("changed while away, but routed before: left alone")
        .singleElement()
        .satisfies(d -> assertThat(d.reasons()).doesNotContain(ReasonCode.RECONCILED));
    assertThat(log.findByLead(after).get(0).reasons()).doesNotContain(ReasonCode.RECONCILED);
    CheckpointRepository checkpoints = second.get(CheckpointRepository.class);
    await()
        .atMost(WAIT)
        .until(
            () ->
                checkpoints.load(WorkerModule.LEAD_CHANNEL).map(c -> c.replayId()).orElseThrow()
                    > expired);
    MeterRegistry meters = second.get(MeterRegistry.class);
    assertThat(meters.counter("leadrouter.reconciled.leads").count()).isEqualTo(5.0);
    assertThat(
            meters
                .counter("leadrouter.reconciliations", "channel", WorkerModule.LEAD_CHANNEL)
                .count())
        .isEqualTo(1.0);
    assertThat(second.get(DeadLetters.class).list()).as("nothing parked").isEmpty();

    stop(second);
    WorkerAssembly third = start();
    String last = org.createLead(WorkerIT.webLead("Last", "Last Ltd"));
    await().atMost(WAIT).until(() -> routed(last));
    assertThat(third.get(MeterRegistry.class).counter("leadrouter.reconciled.leads").count())
        .as("the checkpoint moved on, so the next start has nothing to reconcile")
        .isZero();
    for (String id : whileAway) {
      assertThat(third.get(RoutingLog.class).findByLead(id)).hasSize(1);
    }
  }
}
