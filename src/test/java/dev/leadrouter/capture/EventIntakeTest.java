package dev.leadrouter.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class EventIntakeTest {

  private static final String LEADS = "/data/LeadChangeEvent";
  private static final Instant NOW = Instant.parse("2026-03-08T09:30:00Z");

  private final ReplayExtension replay = new ReplayExtension();
  private final CheckpointStore checkpoints = new InMemoryCheckpointStore();
  private final List<ReconciliationRequest> reconciliations = new ArrayList<>();
  private final List<MalformedEvent> deadLetters = new ArrayList<>();
  private final EventIntake intake =
      new EventIntake(
          replay,
          new SubscriberSettings(
              URI.create("http://localhost/cometd/62.0"),
              List.of(LEADS),
              InitialReplay.NEW_ONLY,
              "lead-router",
              1),
          checkpoints,
          reconciliations::add,
          deadLetters::add,
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void anEventIsQueuedAndItsAcknowledgementCommitsTheCheckpoint() throws Exception {
    intake.accept(LEADS, event(5, "CREATE", "router"), () -> true);

    ChangeEvent event = intake.poll(Duration.ZERO);
    assertThat(event.replayId()).isEqualTo(5);
    assertThat(replay.position(LEADS)).isEqualTo(5);
    intake.acknowledge(event);
    assertThat(checkpoints.load(LEADS)).contains(new ReplayCheckpoint(LEADS, 5, NOW));
  }

  @Test
  void ourOwnEchoIsAcknowledgedWithoutBeingQueued() {
    intake.accept(LEADS, event(5, "UPDATE", "lead-router"), () -> true);

    assertThat(intake.backlog()).isZero();
    assertThat(checkpoints.load(LEADS).map(ReplayCheckpoint::replayId)).contains(5L);
  }

  @Test
  void aGapGoesToTheReconcilerAndHoldsTheCheckpointUntilAcknowledged() {
    intake.accept(LEADS, event(5, "GAP_OVERFLOW", ""), () -> true);
    intake.accept(LEADS, event(7, "UPDATE", "lead-router"), () -> true);

    assertThat(intake.backlog()).isZero();
    assertThat(reconciliations).singleElement().satisfies(r -> assertThat(r.trigger()).isPresent());
    assertThat(checkpoints.load(LEADS)).as("the gap is not reconciled yet").isEmpty();
    intake.acknowledge(reconciliations.get(0).trigger().orElseThrow());
    assertThat(checkpoints.load(LEADS).map(ReplayCheckpoint::replayId)).contains(7L);
  }

  @Test
  void aRepeatIsDropped() {
    replay.resumeFrom(LEADS, 5);

    intake.accept(LEADS, event(5, "CREATE", "router"), () -> true);
    intake.accept(LEADS, event(3, "CREATE", "router"), () -> true);

    assertThat(intake.backlog()).isZero();
  }

  @Test
  void aMalformedMessageIsDeadLettered() {
    intake.accept(LEADS, Map.of("payload", Map.of()), () -> true);

    assertThat(deadLetters)
        .singleElement()
        .satisfies(d -> assertThat(d.channel()).isEqualTo(LEADS));
  }

  @Test
  void aFullQueueWaitsUntilTheSubscriberStops() {
    intake.accept(LEADS, event(5, "CREATE", "router"), () -> true);
    AtomicBoolean running = new AtomicBoolean(true);
    Thread stopper = new Thread(() -> running.set(false));

    // With capacity 1 the second event waits; stopping ends the wait without queueing it.
    stopper.start();
    intake.accept(LEADS, event(6, "CREATE", "router"), running::get);

    assertThat(intake.backlog()).isEqualTo(1);
  }

  private static Map<String, Object> event(long replayId, String changeType, String client) {
    String origin = client.isEmpty() ? "" : "com/salesforce/api/rest/62.0;client=" + client;
    String json =
        """
        {"schema":"s","event":{"replayId":%d},
         "payload":{"ChangeEventHeader":{"entityName":"Lead","recordIds":["00Q5f000005bwLFEAY"],
           "changeType":"%s","changeOrigin":"%s","commitTimestamp":1714153780000},
           "Status":"Open"}}
        """
            .formatted(replayId, changeType, origin);
    try {
      return new ObjectMapper().readValue(json, new TypeReference<>() {});
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
