package dev.leadrouter.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AckTrackerTest {

  private static final String LEADS = "/data/LeadChangeEvent";
  private final AckTracker tracker = new AckTracker();

  @Test
  void theCheckpointWaitsForEveryEarlierEvent() {
    tracker.received(LEADS, 10);
    tracker.received(LEADS, 12);
    tracker.received(LEADS, 15);

    assertThat(tracker.acknowledged(LEADS, 12)).isEmpty();
    assertThat(tracker.acknowledged(LEADS, 10)).hasValue(12);
    assertThat(tracker.acknowledged(LEADS, 15)).hasValue(15);
  }

  @Test
  void channelsAreIndependent() {
    tracker.received(LEADS, 10);
    tracker.received("/data/TaskChangeEvent", 3);

    assertThat(tracker.acknowledged("/data/TaskChangeEvent", 3)).hasValue(3);
    assertThat(tracker.acknowledged(LEADS, 11)).isEmpty();
  }

  @Test
  void anUntrackedEventMovesNothing() {
    assertThat(tracker.acknowledged(LEADS, 10)).isEmpty();
  }
}
