package dev.leadrouter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The migrations build the whole schema, on every database. */
abstract class MigrationsContract extends StoreContract {

  @Test
  void everyTableExistsAndIsEmpty() throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String table :
          new String[] {
            "replay_checkpoint",
            "processed_event",
            "routing_decision",
            "team_rotation",
            "open_load",
            "dead_letter",
            "sla_clock",
            "sla_escalation",
            "misroute"
          }) {
        try (ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
          row.next();
          assertThat(row.getInt(1)).as(table).isZero();
        }
      }
    }
  }

  @Test
  void flywayRecordsTheAppliedVersions() throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                    + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString(1)).isEqualTo("1");
      assertThat(row.getBoolean(2)).isTrue();
    }
  }

  @Test
  void processedEventsAreUniquePerChannelReplayIdAndRecord() throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      String insert =
          "INSERT INTO processed_event (channel, replay_id, record_id, processed_at)"
              + " VALUES ('/data/LeadChangeEvent', 7, '00Q000000000001',"
              + " TIMESTAMP WITH TIME ZONE '2026-11-27 06:00:00+00:00')";
      statement.executeUpdate(insert);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement.executeUpdate(insert))
          .isInstanceOfSatisfying(
              SQLException.class, failed -> assertThat(failed.getSQLState()).isEqualTo("23505"));
    }
  }
}
