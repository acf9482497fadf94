package dev.leadrouter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Checkpoints, processed events and dead letters, on every database. */
abstract class SmallRepositoriesContract extends StoreContract {

  private static final String CHANNEL = "/data/LeadChangeEvent";
  private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

  @Test
  void aChannelWithoutCheckpointLoadsEmpty() {
    assertThat(new CheckpointRepository(database).load(CHANNEL)).isEmpty();
  }

  @Test
  void commitInsertsThenReplacesTheCheckpoint() {
    CheckpointRepository checkpoints = new CheckpointRepository(database);

    checkpoints.commit(CHANNEL, 1_000L, NOW);
    checkpoints.commit(CHANNEL, 1_007L, NOW.plusSeconds(2));
    checkpoints.commit("/data/AccountChangeEvent", 55L, NOW);

    assertThat(checkpoints.load(CHANNEL))
        .contains(new Checkpoint(CHANNEL, 1_007L, NOW.plusSeconds(2)));
    assertThat(checkpoints.load("/data/AccountChangeEvent"))
        .contains(new Checkpoint("/data/AccountChangeEvent", 55L, NOW));
  }

  @Test
  void anEventIsProcessedOncePerRecord() {
    ProcessedEvents events = new ProcessedEvents(database, Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(events.isProcessed(CHANNEL, 7L, Decisions.LEAD)).isFalse();
    assertThat(events.markProcessed(CHANNEL, 7L, Decisions.LEAD)).isTrue();
    assertThat(events.markProcessed(CHANNEL, 7L, Decisions.LEAD)).isFalse();
    assertThat(events.markProcessed(CHANNEL, 7L, "00Q000000000002")).isTrue();

    assertThat(events.isProcessed(CHANNEL, 7L, Decisions.LEAD)).isTrue();
    assertThat(events.isProcessed(CHANNEL, 8L, Decisions.LEAD)).isFalse();
  }

  @Test
  void deadLettersAreKeptInOrderAndMarkedReplayed() {
    DeadLetters letters = new DeadLetters(database, Clock.fixed(NOW, ZoneOffset.UTC));
    long first = letters.add(CHANNEL, "cannot parse", "{\"broken\":");
    long second = letters.add("route", "rule set invalid", "x".repeat(100_000));

    assertThat(letters.markReplayed(first)).isTrue();
    assertThat(letters.markReplayed(second + 100)).isFalse();

    assertThat(letters.list())
        .containsExactly(
            new DeadLetter(first, CHANNEL, "cannot parse", "{\"broken\":", NOW, NOW),
            new DeadLetter(second, "route", "rule set invalid", "x".repeat(100_000), NOW, null));
  }
}
