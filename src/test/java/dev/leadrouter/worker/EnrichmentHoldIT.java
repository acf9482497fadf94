package dev.leadrouter.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.leadrouter.config.EnrichSettings;
import dev.leadrouter.config.EnrichmentHoldSettings;
import dev.leadrouter.route.ReasonCode;
import dev.leadrouter.store.Checkpoint;
import dev.leadrouter.store.CheckpointRepository;
import dev.leadrouter.store.LoggedDecision;
import dev.leadrouter.store.RoutingLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Hold until enriched" in the running worker: a lead missing the awaited field waits for the Lead
 * update that brings it, or routes with ENRICHMENT_TIMEOUT when none comes; meanwhile the
 * checkpoint stays before its create event, so a restart would hold it again.
 */
class EnrichmentHoldIT {

  private static final Duration MAX_WAIT = Duration.ofSeconds(4);
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path scratch;
  private final Clock clock = Clock.systemUTC();
  private TestOrg org;
  private WorkerAssembly assembly;

  @BeforeEach
  void start() throws Exception {
    org = new TestOrg(clock);
    assembly =
        new WorkerHarness(org, WorkerHarness.h2In(scratch), clock)
            .assembleWith(
                new EnrichSettings(
                    new EnrichmentHoldSettings(List.of("Industry"), MAX_WAIT, 100),
                    Optional.empty()));
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
  void aHeldLeadWaitsForItsFieldsAndTheCheckpointWaitsForIt() throws Exception {
    RoutingLog log = assembly.get(RoutingLog.class);
    CheckpointRepository checkpoints = assembly.get(CheckpointRepository.class);
    String first = org.createLead(lead("First", "Software"));
    await().atMost(WAIT).until(() -> !log.findByLead(first).isEmpty());
    await().atMost(WAIT).until(() -> checkpoints.load(WorkerModule.LEAD_CHANNEL).isPresent());
    long before = checkpoints.load(WorkerModule.LEAD_CHANNEL).orElseThrow().replayId();

    String held = org.createLead(lead("Held", null));
    String after = org.createLead(lead("After", "Software"));
    await().atMost(WAIT).until(() -> !log.findByLead(after).isEmpty());
    assertThat(log.findByLead(held)).as("still waiting for Industry").isEmpty();
    assertThat(checkpoints.load(WorkerModule.LEAD_CHANNEL).map(Checkpoint::replayId))
        .as("the checkpoint does not pass the held lead's create event")
        .contains(before);

    org.update("Lead", held, Map.of("Industry", "Banking"));
    await().atMost(WAIT).until(() -> !log.findByLead(held).isEmpty());
    LoggedDecision decision = log.findByLead(held).get(0);
    assertThat(decision.reasons()).doesNotContain(ReasonCode.ENRICHMENT_TIMEOUT);
    assertThat(decision.inputs()).containsEntry("Industry", "Banking");
    await()
        .atMost(WAIT)
        .until(() -> checkpoints.load(WorkerModule.LEAD_CHANNEL).orElseThrow().replayId() > before);
  }

  @Test
  void aLeadWhoseFieldsNeverComeIsRoutedAfterTheMaximumWaitWithTheReason() throws Exception {
    RoutingLog log = assembly.get(RoutingLog.class);
    String lonely = org.createLead(lead("Lonely", null));

    await().atMost(WAIT).until(() -> !log.findByLead(lonely).isEmpty());
    LoggedDecision decision = log.findByLead(lonely).get(0);
    assertThat(decision.reasons()).contains(ReasonCode.ENRICHMENT_TIMEOUT);
    assertThat(Duration.between(clock.instant().minus(WAIT), decision.decidedAt())).isPositive();
  }

  private static Map<String, Object> lead(String lastName, String industry) {
    Map<String, Object> lead = WorkerIT.webLead(lastName, lastName + " GmbH");
    if (industry != null) {
      lead.put("Industry", industry);
    }
    return lead;
  }
}
