package dev.leadrouter.store;

import com.google.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The dead-letter table: bad input is parked here instead of stopping the stream. */
public final class DeadLetters {

  private final Transactions transactions;
  private final Clock clock;

  public DeadLetters(Database database, Clock clock) {
    this(database, clock, Fence.NONE);
  }

  /** The repository of a worker that shares the database: {@code fence} may refuse its writes. */
  @Inject
  public DeadLetters(Database database, Clock clock, Fence fence) {
    this.transactions = new Transactions(database.dataSource(), fence);
    this.clock = clock;
  }

  /** Parks a payload with the reason it failed; returns its id. */
  public long add(String source, String reason, String payload) {
    return transactions.inTransaction(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO dead_letter (source, reason, payload, created_at)"
                      + " VALUES (?, ?, ?, ?)",
                  new String[] {"id"})) {
            statement.setString(1, source);
            statement.setString(2, reason);
            statement.setString(3, payload);
            Timestamps.set(statement, 4, clock.instant());
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
              keys.next();
              return keys.getLong(1);
            }
          }
        });
  }

  /** Every dead letter, oldest first, replayed or not. */
  public List<DeadLetter> list() {
    return transactions.read(
        connection -> {
          try (PreparedStatement statement =
                  connection.prepareStatement(
                      "SELECT id, source, reason, payload, created_at, replayed_at"
                          + " FROM dead_letter ORDER BY id");
              ResultSet row = statement.executeQuery()) {
            List<DeadLetter> letters = new ArrayList<>();
            while (row.next()) {
              letters.add(
                  new DeadLetter(
                      row.getLong("id"),
                      row.getString("source"),
                      row.getString("reason"),
                      row.getString("payload"),
                      Timestamps.get(row, "created_at"),
                      Timestamps.get(row, "replayed_at")));
            }
            return letters;
          }
        });
  }

  /** Notes that the dead letter was replayed now; returns false when there is no such id. */
  public boolean markReplayed(long id) {
    int updated =
        transactions.inTransaction(
            connection -> {
              try (PreparedStatement statement =
                  connection.prepareStatement(
                      "UPDATE dead_letter SET replayed_at = ? WHERE id = ?")) {
                Timestamps.set(statement, 1, clock.instant());
                statement.setLong(2, id);
                return statement.executeUpdate();
              }
            });
    return updated == 1;
  }

  /**
   * A replay failed again: the dead letter stays waiting, with the new reason in place of the old.
   *
   * @return false when there is no such id
   */
  public boolean failedAgain(long id, String reason) {
    int updated =
        transactions.inTransaction(
            connection -> {
              try (PreparedStatement statement =
                  connection.prepareStatement(
                      "UPDATE dead_letter SET reason = ?, replayed_at = NULL WHERE id = ?")) {
                statement.setString(1, reason);
                statement.setLong(2, id);
                return statement.executeUpdate();
              }
            });
    return updated == 1;
  }

  /** One dead letter, if there is one with this id. */
  public java.util.Optional<DeadLetter> find(long id) {
    return list().stream().filter(letter -> letter.id() == id).findFirst();
  }
}
