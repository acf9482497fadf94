package dev.leadrouter.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryCheckpointStoreTest {

  private static final Instant T0 = Instant.parse("2026-03-08T09:30:00Z");
  private final CheckpointStore store = new InMemoryCheckpointStore();

  @Test
  void nothingIsLoadedBeforeTheFirstCommit() {
    assertThat(store.load("/data/LeadChangeEvent")).isEmpty();
  }

  @Test
  void keepsTheLatestCheckpointPerChannel() {
    store.commit(new ReplayCheckpoint("/data/LeadChangeEvent", 10, T0));
    store.commit(new ReplayCheckpoint("/data/LeadChangeEvent", 14, T0.plusSeconds(1)));
    store.commit(new ReplayCheckpoint("/data/AccountChangeEvent", 3, T0));

    assertThat(store.load("/data/LeadChangeEvent"))
        .contains(new ReplayCheckpoint("/data/LeadChangeEvent", 14, T0.plusSeconds(1)));
    assertThat(store.load("/data/AccountChangeEvent").map(ReplayCheckpoint::replayId)).contains(3L);
  }

  @Test
  void aChannelReplayedFromScratchMayMoveToALowerId() {
    store.commit(new ReplayCheckpoint("/data/LeadChangeEvent", 14, T0));
    store.commit(new ReplayCheckpoint("/data/LeadChangeEvent", 10, T0.plusSeconds(1)));

    assertThat(store.load("/data/LeadChangeEvent").map(ReplayCheckpoint::replayId)).contains(10L);
  }

  @Test
  void aCheckpointNamesItsChannel() {
    assertThatThrownBy(() -> new ReplayCheckpoint(" ", 1, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
