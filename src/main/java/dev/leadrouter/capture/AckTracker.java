package dev.leadrouter.capture;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Events received on each channel, in arrival order, until acknowledged. The checkpoint may only
 * move to the newest event whose predecessors are all acknowledged too: were it to jump past an
 * unacknowledged event, a crash would lose that event.
 */
final class AckTracker {

  private static final class Pending {
    final long replayId;
    boolean acknowledged;

    Pending(long replayId) {
      this.replayId = replayId;
    }
  }

  private final Map<String, Deque<Pending>> channels = new HashMap<>();

  synchronized void received(String channel, long replayId) {
    channels.computeIfAbsent(channel, ignored -> new ArrayDeque<>()).addLast(new Pending(replayId));
  }

  /**
   * Marks an event done; returns the replay id the checkpoint may now move to, or empty when an
   * earlier event is still outstanding (or the event was not being tracked).
   */
  synchronized OptionalLong acknowledged(String channel, long replayId) {
    Deque<Pending> pending = channels.get(channel);
    if (pending == null) {
      return OptionalLong.empty();
    }
    for (Pending event : pending) {
      if (event.replayId == replayId) {
        event.acknowledged = true;
        break;
      }
    }
    long done = Long.MIN_VALUE;
    while (!pending.isEmpty() && pending.peekFirst().acknowledged) {
      done = pending.removeFirst().replayId;
    }
    return done == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(done);
  }
}
