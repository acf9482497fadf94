package dev.leadrouter.store;

import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.StateChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a decision's rotation and load changes on a connection the caller holds in a transaction,
 * so that {@link RoutingLog} and {@link JdbcRoutingState} commit them the same way.
 *
 * <p>Upserts are standard {@code MERGE}, which H2 and PostgreSQL (15 and later) both run; {@code
 * INSERT ... ON CONFLICT DO UPDATE} is PostgreSQL's alone. Parameters are cast to unbounded types:
 * PostgreSQL silently truncates a value cast to {@code VARCHAR(n)}, and an over-long value must
 * fail at the column instead.
 */
final class RoutingStateWriter {

  private static final String MOVE_ROTATION =
      """
      MERGE INTO %1$s t
      USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS TEXT)))
        AS s (team, last_assigned, credits_json)
      ON t.team = s.team
      WHEN MATCHED THEN UPDATE SET
        last_assigned = s.last_assigned, credits_json = s.credits_json, version = t.version + 1
      WHEN NOT MATCHED THEN INSERT (team, last_assigned, credits_json, version)
        VALUES (s.team, s.last_assigned, s.credits_json, 1)
      """;

  // Clamped at zero: a lead touched twice, or touched after a restart lost the count, must not
  // leave a rep with negative load that makes them look emptier than anyone else.
  private static final String CHANGE_LOAD =
      """
      MERGE INTO %2$s t
      USING (VALUES (CAST(? AS VARCHAR), CAST(? AS INTEGER))) AS s (user_id, delta)
      ON t.user_id = s.user_id
      WHEN MATCHED THEN UPDATE SET load = GREATEST(t.load + s.delta, 0)
      WHEN NOT MATCHED THEN INSERT (user_id, load) VALUES (s.user_id, GREATEST(s.delta, 0))
      """;

  private static final String SET_LOAD =
      """
      MERGE INTO %2$s t
      USING (VALUES (CAST(? AS VARCHAR), CAST(? AS INTEGER))) AS s (user_id, load)
      ON t.user_id = s.user_id
      WHEN MATCHED THEN UPDATE SET load = s.load
      WHEN NOT MATCHED THEN INSERT (user_id, load) VALUES (s.user_id, s.load)
      """;

  private final StoreJson json;
  private final String moveRotation;
  private final String changeLoad;
  private final String setLoad;

  RoutingStateWriter(StoreJson json) {
    this(json, StateTables.LIVE);
  }

  RoutingStateWriter(StoreJson json, StateTables tables) {
    this.json = json;
    this.moveRotation = MOVE_ROTATION.formatted(tables.rotation(), tables.load());
    this.changeLoad = CHANGE_LOAD.formatted(tables.rotation(), tables.load());
    this.setLoad = SET_LOAD.formatted(tables.rotation(), tables.load());
  }

  void apply(Connection connection, List<StateChange> changes) throws SQLException {
    for (StateChange change : changes) {
      if (change instanceof StateChange.RotationMoved moved) {
        moveRotation(connection, moved);
      } else if (change instanceof StateChange.LoadChanged load) {
        changeLoad(connection, load);
      } else {
        throw new IllegalArgumentException("unknown state change: " + change);
      }
    }
  }

  void setLoad(Connection connection, SalesforceId user, int load) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(setLoad)) {
      statement.setString(1, user.value());
      statement.setInt(2, Math.max(0, load));
      statement.executeUpdate();
    }
  }

  private void moveRotation(Connection connection, StateChange.RotationMoved moved)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(moveRotation)) {
      statement.setString(1, moved.team());
      statement.setString(2, moved.assigned() == null ? null : moved.assigned().value());
      statement.setString(3, json.writeCredits(moved.credits()));
      statement.executeUpdate();
    }
  }

  private void changeLoad(Connection connection, StateChange.LoadChanged load) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(changeLoad)) {
      statement.setString(1, load.user().value());
      statement.setInt(2, load.delta());
      statement.executeUpdate();
    }
  }
}
