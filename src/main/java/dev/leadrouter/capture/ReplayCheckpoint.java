package dev.leadrouter.capture;

import java.time.Instant;
import java.util.Objects;

/**
 * The last replay id on a channel whose effect is durable: a restart resumes after it.
 *
 * @param committedAt when the checkpoint was taken, for operators judging it against retention
 */
public record ReplayCheckpoint(String channel, long replayId, Instant committedAt) {

  public ReplayCheckpoint {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(committedAt, "committedAt");
    if (channel.isBlank()) {
      throw new IllegalArgumentException("channel is blank");
    }
  }
}
