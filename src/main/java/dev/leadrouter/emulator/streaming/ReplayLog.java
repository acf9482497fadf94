package dev.leadrouter.emulator.streaming;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The retained events of one channel. Replay ids increase but are not contiguous, as in an org, so
 * a client that does arithmetic on them fails here first. Events older than the retention window
 * are dropped. Not thread-safe: {@link ReplayDelivery} holds its lock around every call.
 */
final class ReplayLog {

  /** One retained event; {@code data} already carries its replay id. */
  record Entry(long replayId, Instant publishedAt, Map<String, Object> data) {}

  private final Deque<Entry> entries = new ArrayDeque<>();
  private final Duration retention;
  private final Clock clock;
  private long lastReplayId;
  private long published;

  ReplayLog(long firstReplayId, Duration retention, Clock clock) {
    this.lastReplayId = firstReplayId - 1;
    this.retention = retention;
    this.clock = clock;
  }

  /** Assigns the next replay id; the gap varies (1, 2 or 3) so ids are visibly not contiguous. */
  long nextReplayId() {
    lastReplayId += 1 + (published++ % 3);
    return lastReplayId;
  }

  void append(long replayId, Map<String, Object> data) {
    entries.addLast(new Entry(replayId, clock.instant(), data));
  }

  /** The replay id of the newest event ever published, retained or not; 0 before the first. */
  long tip() {
    return published == 0 ? 0 : lastReplayId;
  }

  /**
   * Where a subscription with the given replay option starts: the replay id after which events are
   * delivered. Empty when the id is neither -1, -2 nor a retained event's id.
   */
  OptionalLong startAfter(long replayOption) {
    prune();
    if (replayOption == -1) {
      return OptionalLong.of(tip());
    }
    if (replayOption == -2) {
      return OptionalLong.of(entries.isEmpty() ? tip() : entries.peekFirst().replayId() - 1);
    }
    for (Entry entry : entries) {
      if (entry.replayId() == replayOption) {
        return OptionalLong.of(replayOption);
      }
    }
    return OptionalLong.empty();
  }

  /** Retained events after the given replay id, oldest first. */
  List<Entry> after(long replayId) {
    prune();
    List<Entry> later = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.replayId() > replayId) {
        later.add(entry);
      }
    }
    return later;
  }

  private void prune() {
    Instant oldestKept = clock.instant().minus(retention);
    while (!entries.isEmpty() && entries.peekFirst().publishedAt().isBefore(oldestKept)) {
      entries.removeFirst();
    }
  }
}
