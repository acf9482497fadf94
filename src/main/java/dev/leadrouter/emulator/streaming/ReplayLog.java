package dev.leadrouter.emulator.streaming;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The retained events of one channel. Replay ids increase but are not contiguous, as in an org, so
 * a client that does arithmetic on them fails here first. Events older than the retention window
 * are dropped. Not thread-safe: {@link ReplayDelivery} holds its lock around every call.
 */
final class ReplayLog {

  /** One retained event; {@code data} already carries its replay id. */
  record Entry(long replayId, Instant publishedAt, Map<String, Object> data) {}

  /**
   * By replay id, so a subscriber's catch-up finds the events after its cursor without walking the
   * whole retention window: during a burst of 100,000 leads a linear scan per publish was
   * quadratic.
   */
  private final NavigableMap<Long, Entry> entries = new TreeMap<>();

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
    entries.put(replayId, new Entry(replayId, clock.instant(), data));
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
      return OptionalLong.of(entries.isEmpty() ? tip() : entries.firstKey() - 1);
    }
    return entries.containsKey(replayOption) ? OptionalLong.of(replayOption) : OptionalLong.empty();
  }

  /** Retained events after the given replay id, oldest first. */
  List<Entry> after(long replayId) {
    return after(replayId, Integer.MAX_VALUE);
  }

  /** At most {@code max} retained events after the given replay id, oldest first. */
  List<Entry> after(long replayId, int max) {
    prune();
    List<Entry> found = new ArrayList<>(Math.min(max, 64));
    for (Entry entry : entries.tailMap(replayId, false).values()) {
      if (found.size() >= max) {
        break;
      }
      found.add(entry);
    }
    return found;
  }

  private void prune() {
    Instant oldestKept = clock.instant().minus(retention);
    while (!entries.isEmpty()
        && entries.firstEntry().getValue().publishedAt().isBefore(oldestKept)) {
      entries.pollFirstEntry();
    }
  }
}
