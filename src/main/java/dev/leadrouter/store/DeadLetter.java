package dev.leadrouter.store;

import java.time.Instant;

/**
 * An event or lead that could not be parsed or routed, kept with its reason so it can be replayed.
 *
 * @param source where it came from, e.g. the channel or stage
 * @param replayedAt when it was replayed, or {@code null} while it waits
 */
public record DeadLetter(
    long id, String source, String reason, String payload, Instant createdAt, Instant replayedAt) {

  public boolean replayed() {
    return replayedAt != null;
  }
}
