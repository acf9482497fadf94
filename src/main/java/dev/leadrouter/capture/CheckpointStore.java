package dev.leadrouter.capture;

import java.util.Optional;

/**
 * Where replay checkpoints live. A checkpoint is committed only after the event's effect is
 * durable, so whatever was received but not yet processed is replayed after a restart.
 */
public interface CheckpointStore {

  /** The last committed checkpoint of a channel, or empty when none was ever committed. */
  Optional<ReplayCheckpoint> load(String channel);

  /**
   * Records a checkpoint, replacing the channel's previous one. Callers commit in order; the replay
   * id may be lower than before when the channel was replayed from scratch ({@code -2}) after its
   * old id became invalid, so implementations must not insist that ids only grow.
   */
  void commit(ReplayCheckpoint checkpoint);
}
