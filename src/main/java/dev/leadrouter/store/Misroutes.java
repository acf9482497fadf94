package dev.leadrouter.store;

import com.google.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Misroutes, one per routing decision at most, for the feedback loop and its report. */
public final class Misroutes {

  private static final String UNIQUE_VIOLATION = "23505";

  private final Transactions transactions;

  public Misroutes(Database database) {
    this(database, Fence.NONE);
  }

  /** The repository of a worker that shares the database: {@code fence} may refuse its writes. */
  @Inject
  public Misroutes(Database database, Fence fence) {
    this.transactions = new Transactions(database.dataSource(), fence);
  }

  /**
   * Records a misroute.
   *
   * @return false when the decision had one recorded already (the same event replayed, or a second
   *     change by hand), which changes nothing
   */
  public boolean record(Misroute misroute) {
    try {
      return transactions.inTransaction(
          connection -> {
            try (PreparedStatement insert =
                connection.prepareStatement(
                    "INSERT INTO misroute (decision_id, lead_id, rule_name, team, owner_id,"
                        + " new_owner_id, routed_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
              insert.setLong(1, misroute.decisionId());
              insert.setString(2, misroute.leadId());
              insert.setString(3, misroute.rule());
              insert.setString(4, misroute.team());
              insert.setString(5, misroute.ownerId());
              insert.setString(6, misroute.newOwnerId());
              Timestamps.set(insert, 7, misroute.routedAt());
              Timestamps.set(insert, 8, misroute.changedAt());
              return insert.executeUpdate() == 1;
            }
          });
    } catch (StoreException failed) {
      // decision_id is unique: a second record for the same decision is the replay we expect.
      if (failed.getCause() instanceof SQLException cause
          && UNIQUE_VIOLATION.equals(cause.getSQLState())) {
        return false;
      }
      throw failed;
    }
  }

  /** Misroutes of decisions routed at or after {@code since}, oldest first. */
  public List<Misroute> routedSince(Instant since) {
    return transactions.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT decision_id, lead_id, rule_name, team, owner_id, new_owner_id,"
                      + " routed_at, changed_at FROM misroute WHERE routed_at >= ?"
                      + " ORDER BY routed_at, id")) {
            Timestamps.set(select, 1, since);
            try (ResultSet row = select.executeQuery()) {
              List<Misroute> misroutes = new ArrayList<>();
              while (row.next()) {
                misroutes.add(
                    new Misroute(
                        row.getLong("decision_id"),
                        row.getString("lead_id"),
                        row.getString("rule_name"),
                        row.getString("team"),
                        row.getString("owner_id"),
                        row.getString("new_owner_id"),
                        Timestamps.get(row, "routed_at"),
                        Timestamps.get(row, "changed_at")));
              }
              return misroutes;
            }
          }
        });
  }

  /** How many misroutes were changed by hand at or after {@code since}: the gauge's figure. */
  public long changedSince(Instant since) {
    return transactions.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement("SELECT COUNT(*) FROM misroute WHERE changed_at >= ?")) {
            Timestamps.set(select, 1, since);
            try (ResultSet row = select.executeQuery()) {
              row.next();
              return row.getLong(1);
            }
          }
        });
  }
}
