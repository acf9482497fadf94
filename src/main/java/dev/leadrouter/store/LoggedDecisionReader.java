package dev.leadrouter.store;

import dev.leadrouter.config.Mode;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Owner;
import dev.leadrouter.route.OwnerType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads routing log rows back into {@link LoggedDecision}s. */
final class LoggedDecisionReader {

  private static final String SELECT =
      """
      SELECT id, lead_id, owner_id, owner_type, owner_name, rule_name, reasons, path_json,
        inputs_json, strategy_json, score, score_tier, account_id, sla_minutes, mode, status,
        rule_set_version, decided_at, written_at
      FROM routing_decision
      """;

  private static final String BY_LEAD = SELECT + " WHERE lead_id = ? ORDER BY decided_at, id";

  private static final String UNWRITTEN =
      SELECT + " WHERE status = 'PLANNED' AND mode = 'LIVE' ORDER BY decided_at, id";

  private static final String SHADOW_SINCE =
      SELECT + " WHERE mode = 'SHADOW' AND decided_at >= ? ORDER BY decided_at, id";

  private final StoreJson json;

  LoggedDecisionReader(StoreJson json) {
    this.json = json;
  }

  List<LoggedDecision> findByLead(Connection connection, String leadId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(BY_LEAD)) {
      statement.setString(1, leadId);
      return decisions(statement);
    }
  }

  List<LoggedDecision> unwritten(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(UNWRITTEN)) {
      return decisions(statement);
    }
  }

  List<LoggedDecision> shadowSince(Connection connection, java.time.Instant since)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SHADOW_SINCE)) {
      Timestamps.set(statement, 1, since);
      return decisions(statement);
    }
  }

  private List<LoggedDecision> decisions(PreparedStatement statement) throws SQLException {
    try (ResultSet row = statement.executeQuery()) {
      List<LoggedDecision> decisions = new ArrayList<>();
      while (row.next()) {
        decisions.add(decision(row));
      }
      return decisions;
    }
  }

  private LoggedDecision decision(ResultSet row) throws SQLException {
    String accountId = row.getString("account_id");
    return new LoggedDecision(
        row.getLong("id"),
        row.getString("lead_id"),
        new Owner(
            new SalesforceId(row.getString("owner_id")),
            OwnerType.valueOf(row.getString("owner_type")),
            row.getString("owner_name")),
        row.getString("rule_name"),
        Reasons.split(row.getString("reasons")),
        row.getString("path_json"),
        json.readStrings(row.getString("inputs_json")),
        row.getString("strategy_json"),
        integer(row, "score"),
        row.getString("score_tier"),
        accountId == null ? null : new SalesforceId(accountId),
        integer(row, "sla_minutes"),
        Mode.valueOf(row.getString("mode")),
        DecisionStatus.valueOf(row.getString("status")),
        row.getString("rule_set_version"),
        Timestamps.get(row, "decided_at"),
        Timestamps.get(row, "written_at"));
  }

  private static Integer integer(ResultSet row, String column) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? null : value;
  }
}
