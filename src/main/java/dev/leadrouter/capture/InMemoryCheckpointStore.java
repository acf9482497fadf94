package dev.leadrouter.capture;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Checkpoints held in memory, for tests and the demo; lost on restart. */
public final class InMemoryCheckpointStore implements CheckpointStore {

  private final Map<String, ReplayCheckpoint> checkpoints = new ConcurrentHashMap<>();

  @Override
  public Optional<ReplayCheckpoint> load(String channel) {
    return Optional.ofNullable(checkpoints.get(channel));
  }

  @Override
  public void commit(ReplayCheckpoint checkpoint) {
    checkpoints.put(checkpoint.channel(), checkpoint);
  }
}
