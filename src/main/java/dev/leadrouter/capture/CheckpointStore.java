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
   * Records a checkpoint. Implementations must keep the highest replay id per channel: an older
   * checkpoint committed late (acknowledgements may race) never moves the channel backwards.
   */
  void commit(ReplayCheckpoint checkpoint);
}
