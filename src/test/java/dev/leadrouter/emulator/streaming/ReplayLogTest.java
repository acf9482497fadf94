package dev.leadrouter.emulator.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayLogTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-08T09:30:00Z"));
  private final ReplayLog log = new ReplayLog(1000, Duration.ofHours(72), clock);

  @Test
  void replayIdsIncreaseButAreNotContiguous() {
    long first = publish();
    long second = publish();
    long third = publish();

    assertThat(first).isEqualTo(1000);
    assertThat(second).isGreaterThan(first);
    assertThat(third - second).isNotEqualTo(second - first);
  }

  @Test
  void minusOneStartsAtTheTipAndMinusTwoBeforeTheOldestRetained() {
    long first = publish();
    long second = publish();

    assertThat(log.after(log.startAfter(-1).getAsLong())).isEmpty();
    assertThat(log.after(log.startAfter(-2).getAsLong()))
        .extracting(ReplayLog.Entry::replayId)
        .containsExactly(first, second);
    assertThat(log.after(log.startAfter(first).getAsLong()))
        .extracting(ReplayLog.Entry::replayId)
        .containsExactly(second);
  }

  @Test
  void anIdOlderThanRetentionOrNeverIssuedIsInvalid() {
    long old = publish();
    clock.advance(Duration.ofHours(72).plusSeconds(1));
    long fresh = publish();

    assertThat(log.startAfter(old)).isEmpty();
    assertThat(log.startAfter(fresh + 1)).isEmpty();
    assertThat(log.startAfter(fresh)).hasValue(fresh);
    assertThat(log.after(log.startAfter(-2).getAsLong()))
        .extracting(ReplayLog.Entry::replayId)
        .containsExactly(fresh);
  }

  @Test
  void anEmptyLogStartsEverySubscriptionAtTheTip() {
    assertThat(log.startAfter(-1)).hasValue(0);
    assertThat(log.startAfter(-2)).hasValue(0);
    assertThat(log.startAfter(5)).isEmpty();
  }

  private long publish() {
    long replayId = log.nextReplayId();
    log.append(replayId, Map.of("event", Map.of("replayId", replayId)));
    return replayId;
  }
}
