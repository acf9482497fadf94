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
import java.util.concurrent.ConcurrentHashMap;
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
    Map<String, Long> createdAt = new ConcurrentHashMap<>();
    org.server().onChangeEvent((channel, data) -> recordCreate(channel, data, createdAt));

    String held = org.createLead(lead("Held", null));
    String after = org.createLead(lead("After", "Software"));
    await().atMost(WAIT).until(() -> !log.findByLead(after).isEmpty());
    await()
        .atMost(WAIT)
        .until(() -> "Software".equals(org.lead(after).get("Industry")) && written(after));
    long heldEvent = createdAt.get(held);
    assertThat(log.findByLead(held)).as("still waiting for Industry").isEmpty();
    assertThat(checkpoints.load(WorkerModule.LEAD_CHANNEL).map(Checkpoint::replayId).orElse(0L))
        .as("the checkpoint does not pass the held lead's create event")
        .isLessThan(heldEvent);

    org.update("Lead", held, Map.of("Industry", "Banking"));
    await().atMost(WAIT).until(() -> !log.findByLead(held).isEmpty());
    LoggedDecision decision = log.findByLead(held).get(0);
    assertThat(decision.reasons()).doesNotContain(ReasonCode.ENRICHMENT_TIMEOUT);
    assertThat(decision.inputs()).containsEntry("Industry", "Banking");
    await()
        .atMost(WAIT)
        .until(
            () ->
                checkpoints.load(WorkerModule.LEAD_CHANNEL).map(Checkpoint::replayId).orElse(0L)
                    > heldEvent);
  }

  private boolean written(String leadId) {
    return org.lead(leadId).get("Routing_Rule__c") != null;
  }

  /** Notes the replay id of each Lead create event, from the org's change log. */
  @SuppressWarnings("unchecked")
  private static void recordCreate(
      String channel, Map<String, Object> data, Map<String, Long> createdAt) {
    if (!WorkerModule.LEAD_CHANNEL.equals(channel)) {
      return;
    }
    Map<String, Object> header =
        (Map<String, Object>) ((Map<String, Object>) data.get("payload")).get("ChangeEventHeader");
    if ("CREATE".equals(header.get("changeType"))) {
      long replayId =
          ((Number) ((Map<String, Object>) data.get("event")).get("replayId")).longValue();
      ((List<String>) header.get("recordIds")).forEach(id -> createdAt.put(id, replayId));
    }
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
