package dev.leadrouter.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The last replay id on a channel whose effect is durable, and when it was committed.
 *
 * @param channel the streaming channel, e.g. {@code /data/LeadChangeEvent}
 */
public record Checkpoint(String channel, long replayId, Instant committedAt) {

  public Checkpoint {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(committedAt, "committedAt");
  }
}
