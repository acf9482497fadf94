package dev.leadrouter.store;

import com.google.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/**
 * Replay checkpoints per channel. The caller commits only after the events up to the replay id have
 * a durable effect; this repository just keeps the latest value, last write wins.
 */
public final class CheckpointRepository {

  private static final String UPSERT =
      """
      MERGE INTO replay_checkpoint t
      USING (VALUES (CAST(? AS VARCHAR), CAST(? AS BIGINT),
        CAST(? AS TIMESTAMP WITH TIME ZONE))) AS s (channel, replay_id, committed_at)
      ON t.channel = s.channel
      WHEN MATCHED THEN UPDATE SET replay_id = s.replay_id, committed_at = s.committed_at
      WHEN NOT MATCHED THEN INSERT (channel, replay_id, committed_at)
        VALUES (s.channel, s.replay_id, s.committed_at)
      """;

  private final Transactions transactions;

  public CheckpointRepository(Database database) {
    this(database, Fence.NONE);
  }

  /** The repository of a worker that shares the database: {@code fence} may refuse its writes. */
  @Inject
  public CheckpointRepository(Database database, Fence fence) {
    this.transactions = new Transactions(database.dataSource(), fence);
  }

  /** The channel's checkpoint, or empty when nothing was ever committed on it. */
  public Optional<Checkpoint> load(String channel) {
    return transactions.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT replay_id, committed_at FROM replay_checkpoint WHERE channel = ?")) {
            statement.setString(1, channel);
            try (ResultSet row = statement.executeQuery()) {
              return row.next()
                  ? Optional.of(
                      new Checkpoint(
                          channel, row.getLong("replay_id"), Timestamps.get(row, "committed_at")))
                  : Optional.empty();
            }
          }
        });
  }

  /**
   * Sets the channel's checkpoint, replacing any earlier one. Not forced to grow: after an expired
   * replay id the worker starts over from a new position, which may be lower.
   */
  public void commit(String channel, long replayId, Instant committedAt) {
    transactions.inTransaction(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setString(1, channel);
            statement.setLong(2, replayId);
            Timestamps.set(statement, 3, committedAt);
            return statement.executeUpdate();
          }
        });
  }
}
