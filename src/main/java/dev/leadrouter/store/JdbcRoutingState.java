package dev.leadrouter.store;

import com.google.inject.Inject;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.RoutingState;
import dev.leadrouter.route.StateChange;
import dev.leadrouter.route.TeamRotation;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/**
 * Rotation and load state kept in the database, so a restarted worker (or a standby taking over)
 * goes on where the last one stopped. {@link #apply} commits all changes in one transaction; the
 * worker normally does not call it, because {@link RoutingLog#record} applies a decision's changes
 * in the transaction that records the decision.
 */
public final class JdbcRoutingState implements RoutingState {

  private final Transactions transactions;
  private final StoreJson json = new StoreJson();
  private final StateTables tables;
  private final RoutingStateWriter writer;

  public JdbcRoutingState(Database database) {
    this(database, StateTables.LIVE);
  }

  /** The live state of a worker that shares the database: {@code fence} may refuse its writes. */
  @Inject
  public JdbcRoutingState(Database database, Fence fence) {
    this(database, StateTables.LIVE, fence);
  }

  /** The state kept in {@code tables}; the worker decides shadow leads on the shadow tables. */
  public JdbcRoutingState(Database database, StateTables tables) {
    this(database, tables, Fence.NONE);
  }

  private JdbcRoutingState(Database database, StateTables tables, Fence fence) {
    this.transactions = new Transactions(database.dataSource(), fence);
    this.tables = tables;
    this.writer = new RoutingStateWriter(json, tables);
  }

  @Override
  public TeamRotation rotation(String team) {
    return transactions.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT last_assigned, credits_json FROM "
                      + tables.rotation()
                      + " WHERE team = ?")) {
            statement.setString(1, team);
            try (ResultSet row = statement.executeQuery()) {
              if (!row.next()) {
                return TeamRotation.START;
              }
              String last = row.getString("last_assigned");
              return new TeamRotation(
                  last == null ? null : new SalesforceId(last),
                  json.readCredits(row.getString("credits_json")));
            }
          }
        });
  }

  @Override
  public int openLoad(SalesforceId user) {
    return transactions.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT load FROM " + tables.load() + " WHERE user_id = ?")) {
            statement.setString(1, user.value());
            try (ResultSet row = statement.executeQuery()) {
              return row.next() ? row.getInt("load") : 0;
            }
          }
        });
  }

  /**
   * Sets a user's open load outright, e.g. from the org's count of their open leads after a
   * reconcile; a negative count is stored as zero.
   */
  public void setOpenLoad(SalesforceId user, int load) {
    transactions.inTransaction(
        connection -> {
          writer.setLoad(connection, user, load);
          return null;
        });
  }

  @Override
  public void apply(List<StateChange> changes) {
    transactions.inTransaction(
        connection -> {
          writer.apply(connection, changes);
          return null;
        });
  }
}
