package dev.leadrouter.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.leadrouter.emulator.streaming.StreamingServer;
import dev.leadrouter.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The subscriber against a real CometD server with Salesforce's replay semantics. */
class CdcSubscriberIT {

  private static final String LEADS = "/data/LeadChangeEvent";
  private static final String CLIENT_ID = "lead-router";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-08T09:30:00Z"));
  private final CheckpointStore checkpoints = new InMemoryCheckpointStore();
  private final List<ReconciliationRequest> reconciliations = new CopyOnWriteArrayList<>();
  private final List<MalformedEvent> deadLetters = new CopyOnWriteArrayList<>();
  private final Tokens tokens = new Tokens();
  private final List<CdcSubscriber> subscribers = new ArrayList<>();
  private StreamingServer server;

  @BeforeEach
  void startServer() throws Exception {
    StreamingServer.Settings defaults = StreamingServer.Settings.defaults(clock);
    server =
        new StreamingServer(
                new StreamingServer.Settings(
                    0,
                    "62.0",
                    Duration.ofSeconds(2),
                    Duration.ofHours(72),
                    defaults.firstReplayId(),
                    clock))
            .start();
    server.acceptToken("token-1");
  }

  @AfterEach
  void stop() throws Exception {
    for (CdcSubscriber subscriber : subscribers) {
      subscriber.close();
    }
    server.close();
  }

  @Test
  void eventsArriveInOrderAndAnAcknowledgementMovesTheCheckpoint() throws Exception {
    CdcSubscriber subscriber = subscribe(InitialReplay.NEW_ONLY);
    List<Long> published = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      published.add(server.publish(LEADS, leadEvent("00Q5f000005bwL" + i + "EAY", "router")));
    }

    List<ChangeEvent> received = take(subscriber, 5);

    assertThat(received).extracting(ChangeEvent::replayId).containsExactlyElementsOf(published);
    assertThat(received.get(0).header().entityName()).isEqualTo("Lead");
    assertThat(received.get(0).fields()).containsEntry("Status", "Open - Not Contacted");
    assertThat(subscriber.delivered()).as("deliveries counted against the allocation").isEqualTo(5);
    assertThat(checkpoints.load(LEADS)).isEmpty();

    subscriber.acknowledge(received.get(1));
    assertThat(checkpoints.load(LEADS)).as("an earlier event is still in flight").isEmpty();
    subscriber.acknowledge(received.get(0));
    assertThat(checkpoints.load(LEADS).map(ReplayCheckpoint::replayId)).contains(published.get(1));
    assertThat(checkpoints.load(LEADS).map(ReplayCheckpoint::committedAt))
        .contains(clock.instant());
  }

  @Test
  void aRestartResumesFromTheCheckpointWithoutLossOrRepeats() throws Exception {
    CdcSubscriber first = subscribe(InitialReplay.NEW_ONLY);
    List<Long> published = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      published.add(server.publish(LEADS, leadEvent("00Q5f000005bwL" + i + "EAY", "router")));
    }
    List<ChangeEvent> received = take(first, 4);
    first.acknowledge(received.get(0));
    first.acknowledge(received.get(1));
    first.close();
    // Published while the worker was down.
    published.add(server.publish(LEADS, leadEvent("00Q5f000005bwL4EAY", "router")));

    CdcSubscriber second = subscribe(InitialReplay.NEW_ONLY);
    List<ChangeEvent> redelivered = take(second, 3);

    assertThat(redelivered)
        .extracting(ChangeEvent::replayId)
        .containsExactlyElementsOf(published.subList(2, 5));
    assertThat(second.poll(Duration.ofMillis(300))).as("nothing more, nothing twice").isNull();
  }

  @Test
  void aFailureInProcessingNeverMovesTheCheckpointPastTheEvent() throws Exception {
    CdcSubscriber first = subscribe(InitialReplay.NEW_ONLY);
    long done = server.publish(LEADS, leadEvent("00Q5f000005bwL0EAY", "router"));
    long failed = server.publish(LEADS, leadEvent("00Q5f000005bwL1EAY", "router"));
    long doneLater = server.publish(LEADS, leadEvent("00Q5f000005bwL2EAY", "router"));
    List<ChangeEvent> received = take(first, 3);
    first.acknowledge(received.get(0));
    // The second event's processing failed: it is never acknowledged.
    first.acknowledge(received.get(2));
    first.close();

    assertThat(checkpoints.load(LEADS).map(ReplayCheckpoint::replayId)).contains(done);
    CdcSubscriber second = subscribe(InitialReplay.NEW_ONLY);
    assertThat(take(second, 2))
        .as("at least once: the event after the failure comes again too")
        .extracting(ChangeEvent::replayId)
        .containsExactly(failed, doneLater);
  }

  @Test
  void aSlowPipelineHoldsTheStreamBackAndLosesNothing() throws Exception {
    CdcSubscriber subscriber = subscribe(InitialReplay.NEW_ONLY, true, 2);
    List<Long> published = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      published.add(server.publish(LEADS, leadEvent("00Q5f000005bwL0EAY", "router")));
    }

    await().atMost(WAIT).until(() -> subscriber.backlog() == 2);
    List<ChangeEvent> received = take(subscriber, 20);

    assertThat(received).extracting(ChangeEvent::replayId).containsExactlyElementsOf(published);
    assertThat(deadLetters).isEmpty();
  }

  @Test
  void aMalformedEventIsDeadLetteredAndTheStreamGoesOn() throws Exception {
    CdcSubscriber subscriber = subscribe(InitialReplay.NEW_ONLY);
    server.publish(LEADS, Map.of("schema", "x", "payload", Map.of("Status", "Open")));
    long good = server.publish(LEADS, leadEvent("00Q5f000005bwL0EAY", "router"));

    assertThat(take(subscriber, 1)).extracting(ChangeEvent::replayId).containsExactly(good);
    assertThat(deadLetters)
        .singleElement()
        .satisfies(dead -> assertThat(dead.reason()).contains("ChangeEventHeader"));
  }

  @Test
  void anExpiredReplayIdResubscribesFromTheTipAndHoldsTheCheckpointUntilReconciled()
      throws Exception {
    long old = server.publish(LEADS, leadEvent("00Q5f000005bwL0EAY", "router"));
    Instant checkpointedAt = clock.instant();
    checkpoints.commit(new ReplayCheckpoint(LEADS, old, checkpointedAt));
    clock.advance(Duration.ofHours(73));
    server.publish(LEADS, leadEvent("00Q5f000005bwL1EAY", "router"));

    CdcSubscriber subscriber = subscribe(InitialReplay.NEW_ONLY);
    await().atMost(WAIT).until(() -> !reconciliations.isEmpty());
    long after = server.publish(LEADS, leadEvent("00Q5f000005bwL2EAY", "router"));

    List<ChangeEvent> received = take(subscriber, 1);
    assertThat(received)
        .as("the retained event is left to the query, only what follows the tip is delivered")
        .extracting(ChangeEvent::replayId)
        .containsExactly(after);
    assertThat(reconciliations)
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.channel()).isEqualTo(LEADS);
              assertThat(request.reason())
                  .isEqualTo(ReconciliationRequest.Reason.REPLAY_ID_INVALID);
              assertThat(request.lastCheckpoint().map(ReplayCheckpoint::committedAt))
                  .contains(checkpointedAt);
            });
    subscriber.acknowledge(received.get(0));
    assertThat(checkpoints.load(LEADS).map(ReplayCheckpoint::replayId))
        .as("a crash before reconciliation is durable must reconcile again")
        .contains(old);

    subscriber.reconciled(LEADS);

    assertThat(checkpoints.load(LEADS).map(ReplayCheckpoint::replayId)).contains(after);
  }

  @Test
  void allRetainedReplaysHistoryWhenThereIsNoCheckpoint() throws Exception {
    long first = server.publish(LEADS, leadEvent("00Q5f000005bwL0EAY", "router"));
    long second = server.publish(LEADS, leadEvent("00Q5f000005bwL1EAY", "router"));

    CdcSubscriber subscriber = subscribe(InitialReplay.ALL_RETAINED);

    assertThat(take(subscriber, 2))
        .extracting(ChangeEvent::replayId)
        .containsExactly(first, second);
  }

  @Test
  void ourOwnEchoesAreAcknowledgedAndGapsGoToTheReconciler() throws Exception {
    CdcSubscriber subscriber = subscribe(InitialReplay.NEW_ONLY);
    long echo = server.publish(LEADS, leadEvent("00Q5f000005bwL0EAY", CLIENT_ID));
    Map<String, Object> gap = leadEvent("00Q5f000005bwL1EAY", "");
    header(gap).put("changeType", "GAP_UPDATE");
    long gapId = server.publish(LEADS, gap);
    long normal = server.publish(LEADS, leadEvent("00Q5f000005bwL2EAY", "router"));

    assertThat(take(subscriber, 1)).extracting(ChangeEvent::replayId).containsExactly(normal);
    assertThat(checkpoints.load(LEADS).map(ReplayCheckpoint::replayId)).contains(echo);
    assertThat(reconciliations)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(ReconciliationRequest.Reason.GAP_EVENT);
              assertThat(r.trigger().map(ChangeEvent::replayId)).contains(gapId);
            });
  }

  @Test
  void anOverloadedServerIsAskedAgain() throws Exception {
    server.failNextSubscribes(2, "503::Server is too busy. Try again later.");

    CdcSubscriber subscriber = subscribe(InitialReplay.NEW_ONLY);
    long event = server.publish(LEADS, leadEvent("00Q5f000005bwL0EAY", "router"));

    assertThat(take(subscriber, 1)).extracting(ChangeEvent::replayId).containsExactly(event);
  }

  @Test
  void aSubscribeRefusedBecauseItsSessionEndedIsAskedAgainAndReportedUntilItStands()
      throws Exception {
    // CometD answers 403::subscribe_failed when the session ends while the subscribe is under
    // way (an expiry or a re-handshake racing it); four refusals hold the channel off for 1.5 s.
    server.failNextSubscribes(4, "403::subscribe_failed");

    CdcSubscriber subscriber = subscribe(InitialReplay.NEW_ONLY, false);

    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> subscriber.refusedSubscribes().containsKey(LEADS));
    assertThat(subscriber.refusedSubscribes()).containsEntry(LEADS, "403::subscribe_failed");
    assertThat(subscriber.unsubscribedChannels()).containsExactly(LEADS);
    await().atMost(WAIT).until(() -> subscriber.isSubscribed(LEADS));
    assertThat(subscriber.refusedSubscribes()).isEmpty();
    long event = server.publish(LEADS, leadEvent("00Q5f000005bwL0EAY", "router"));
    assertThat(take(subscriber, 1)).extracting(ChangeEvent::replayId).containsExactly(event);
  }

  @Test
  void aBadTokenIsRefused() throws Exception {
    tokens.current = "wrong";
    tokens.next = "still-wrong";

    CdcSubscriber subscriber = subscribe(InitialReplay.NEW_ONLY, false);

    await().atMost(WAIT).until(() -> subscriber.failure().isPresent());
    assertThat(subscriber.failure()).get().asString().startsWith("401::");
    assertThat(tokens.refreshes.get()).isEqualTo(1);
    assertThat(subscriber.isSubscribed(LEADS)).isFalse();
  }

  @Test
  void anExpiredTokenIsRefreshedAndTheStreamContinues() throws Exception {
    CdcSubscriber subscriber = subscribe(InitialReplay.NEW_ONLY);
    long before = server.publish(LEADS, leadEvent("00Q5f000005bwL0EAY", "router"));
    assertThat(take(subscriber, 1)).extracting(ChangeEvent::replayId).containsExactly(before);
    server.acceptToken("token-2");
    tokens.next = "token-2";
    server.revokeToken("token-1");

    await().atMost(WAIT).until(() -> tokens.refreshes.get() == 1);
    await().atMost(WAIT).until(() -> subscriber.isSubscribed(LEADS));
    long after = server.publish(LEADS, leadEvent("00Q5f000005bwL1EAY", "router"));

    assertThat(take(subscriber, 1)).extracting(ChangeEvent::replayId).containsExactly(after);
  }

  @Test
  void anUnknownClientHandshakesAgainAndMissesNothing() throws Exception {
    CdcSubscriber subscriber = subscribe(InitialReplay.NEW_ONLY);
    long before = server.publish(LEADS, leadEvent("00Q5f000005bwL0EAY", "router"));
    assertThat(take(subscriber, 1)).extracting(ChangeEvent::replayId).containsExactly(before);

    server.dropClients();
    long whileGone = server.publish(LEADS, leadEvent("00Q5f000005bwL1EAY", "router"));

    assertThat(take(subscriber, 1)).extracting(ChangeEvent::replayId).containsExactly(whileGone);
    long after = server.publish(LEADS, leadEvent("00Q5f000005bwL2EAY", "router"));
    assertThat(take(subscriber, 1)).extracting(ChangeEvent::replayId).containsExactly(after);
    assertThat(subscriber.poll(Duration.ofMillis(300))).isNull();
  }

  @Test
  void aDroppedLongPollReconnectsAndMissesNothing() throws Exception {
    CdcSubscriber subscriber = subscribe(InitialReplay.NEW_ONLY);
    long before = server.publish(LEADS, leadEvent("00Q5f000005bwL0EAY", "router"));
    assertThat(take(subscriber, 1)).extracting(ChangeEvent::replayId).containsExactly(before);

    assertThat(server.dropConnections()).as("connections cut mid-poll").isPositive();
    long whileCut = server.publish(LEADS, leadEvent("00Q5f000005bwL1EAY", "router"));
    long after = server.publish(LEADS, leadEvent("00Q5f000005bwL2EAY", "router"));

    assertThat(take(subscriber, 2))
        .extracting(ChangeEvent::replayId)
        .containsExactly(whileCut, after);
    assertThat(subscriber.poll(Duration.ofMillis(300))).isNull();
  }

  private CdcSubscriber subscribe(InitialReplay initial) throws Exception {
    return subscribe(initial, true);
  }

  private CdcSubscriber subscribe(InitialReplay initial, boolean awaitSubscribed) throws Exception {
    return subscribe(initial, awaitSubscribed, 16);
  }

  private CdcSubscriber subscribe(InitialReplay initial, boolean awaitSubscribed, int capacity)
      throws Exception {
    CdcSubscriber subscriber =
        new CdcSubscriber(
            new SubscriberSettings(
                server.cometdUri(), List.of(LEADS), initial, CLIENT_ID, capacity),
            tokens,
            checkpoints,
            reconciliations::add,
            deadLetters::add,
            clock);
    subscribers.add(subscriber);
    subscriber.start();
    if (awaitSubscribed) {
      await().atMost(WAIT).until(() -> subscriber.isSubscribed(LEADS));
    }
    return subscriber;
  }

  private static List<ChangeEvent> take(CdcSubscriber subscriber, int count)
      throws InterruptedException {
    List<ChangeEvent> events = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (events.size() < count && System.nanoTime() < deadline) {
      ChangeEvent event = subscriber.poll(Duration.ofMillis(200));
      if (event != null) {
        events.add(event);
      }
    }
    assertThat(events).hasSize(count);
    return events;
  }

  private static Map<String, Object> leadEvent(String recordId, String client) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("entityName", "Lead");
    header.put("recordIds", List.of(recordId));
    header.put("changeType", "CREATE");
    header.put(
        "changeOrigin", client.isEmpty() ? "" : "com/salesforce/api/rest/62.0;client=" + client);
    header.put("transactionKey", "00006948-0ac9-7da3-edb3-ea0e31b2334a");
    header.put("sequenceNumber", 1);
    header.put("commitTimestamp", 1714153780000L);
    header.put("commitNumber", 1100638524517L);
    header.put("commitUser", "0055f000005mc66AAA");
    header.put("changedFields", List.of());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("ChangeEventHeader", header);
    payload.put("Status", "Open - Not Contacted");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("schema", "fl8pv4oUvtbyFAwJQO2NAQ");
    data.put("payload", payload);
    return data;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> header(Map<String, Object> data) {
    return (Map<String, Object>)
        ((Map<String, Object>) data.get("payload")).get("ChangeEventHeader");
  }

  /** Hands out "token-1" until refreshed, then whatever {@code next} holds. */
  private static final class Tokens implements AccessTokenSource {
    volatile String current = "token-1";
    volatile String next = "token-1";
    final AtomicInteger refreshes = new AtomicInteger();

    @Override
    public String token() {
      return current;
    }

    @Override
    public void refresh(String stale) {
      refreshes.incrementAndGet();
      current = next;
    }
  }
}
