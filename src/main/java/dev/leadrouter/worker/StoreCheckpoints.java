package dev.leadrouter.worker;

import com.google.inject.Inject;
import dev.leadrouter.capture.CheckpointStore;
import dev.leadrouter.capture.ReplayCheckpoint;
import dev.leadrouter.store.CheckpointRepository;
import java.util.Optional;

/**
 * Capture's checkpoints kept in the store, so a restart resumes where the last run's work ended.
 */
public final class StoreCheckpoints implements CheckpointStore {

  private final CheckpointRepository repository;

  @Inject
  public StoreCheckpoints(CheckpointRepository repository) {
    this.repository = repository;
  }

  @Override
  public Optional<ReplayCheckpoint> load(String channel) {
    return repository
        .load(channel)
        .map(saved -> new ReplayCheckpoint(saved.channel(), saved.replayId(), saved.committedAt()));
  }

  @Override
  public void commit(ReplayCheckpoint checkpoint) {
    repository.commit(checkpoint.channel(), checkpoint.replayId(), checkpoint.committedAt());
  }
}
