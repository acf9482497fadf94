package dev.leadrouter.store;

import com.google.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Which change events were already handled, per record: a replay after a restart delivers some
 * events again, and one event can name several records.
 */
public final class ProcessedEvents {

  private static final String UNIQUE_VIOLATION = "23505";

  private final Transactions transactions;
  private final Clock clock;

  public ProcessedEvents(Database database, Clock clock) {
    this(database, clock, Fence.NONE);
  }

  /** The repository of a worker that shares the database: {@code fence} may refuse its writes. */
  @Inject
  public ProcessedEvents(Database database, Clock clock, Fence fence) {
    this.transactions = new Transactions(database.dataSource(), fence);
    this.clock = clock;
  }

  /**
   * Notes that the event was handled for the record.
   *
   * @return true the first time, false when it was already noted
   */
  public boolean markProcessed(String channel, long replayId, String recordId) {
    try {
      return transactions.inTransaction(
          connection -> {
            try (PreparedStatement statement =
                connection.prepareStatement(
                    "INSERT INTO processed_event (channel, replay_id, record_id, processed_at)"
                        + " VALUES (?, ?, ?, ?)")) {
              statement.setString(1, channel);
              statement.setLong(2, replayId);
              statement.setString(3, recordId);
              Timestamps.set(statement, 4, clock.instant());
              return statement.executeUpdate() == 1;
            }
          });
    } catch (StoreException failed) {
      // The primary key is the only unique constraint, so a violation means "seen before".
      if (failed.getCause() instanceof SQLException cause
          && UNIQUE_VIOLATION.equals(cause.getSQLState())) {
        return false;
      }
      throw failed;
    }
  }

  /** Whether the event was already handled for the record. */
  public boolean isProcessed(String channel, long replayId, String recordId) {
    return transactions.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT 1 FROM processed_event"
                      + " WHERE channel = ? AND replay_id = ? AND record_id = ?")) {
            statement.setString(1, channel);
            statement.setLong(2, replayId);
            statement.setString(3, recordId);
            try (ResultSet row = statement.executeQuery()) {
              return row.next();
            }
          }
        });
  }
}
