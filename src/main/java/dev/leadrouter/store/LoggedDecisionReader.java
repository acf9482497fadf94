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
        rule_set_version, decided_at, written_at, account_json, write_error, lead_email,
        lead_company
      FROM routing_decision
      """;

  private static final String BY_LEAD = SELECT + " WHERE lead_id = ? ORDER BY decided_at, id";

  private static final String UNWRITTEN =
      SELECT + " WHERE status = 'PLANNED' AND mode = 'LIVE' ORDER BY decided_at, id";

  private static final String WRITTEN_WITHOUT_SLA_CLOCK =
      SELECT
          + " WHERE status = 'WRITTEN' AND mode = 'LIVE' AND owner_type = 'USER'"
          + " AND written_at >= ? AND NOT EXISTS"
          + " (SELECT 1 FROM sla_clock WHERE sla_clock.decision_id = routing_decision.id)"
          + " ORDER BY written_at, id";

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

  java.util.Optional<LoggedDecision> find(Connection connection, long id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SELECT + " WHERE id = ?")) {
      statement.setLong(1, id);
      return decisions(statement).stream().findFirst();
    }
  }

  List<LoggedDecision> decidedSince(Connection connection, java.time.Instant since, int limit)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            SELECT + " WHERE decided_at >= ? ORDER BY decided_at DESC, id DESC")) {
      statement.setMaxRows(limit);
      Timestamps.set(statement, 1, since);
      return decisions(statement);
    }
  }

  List<LoggedDecision> unwritten(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(UNWRITTEN)) {
      return decisions(statement);
    }
  }

  List<LoggedDecision> writtenWithoutSlaClock(Connection connection, java.time.Instant since)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(WRITTEN_WITHOUT_SLA_CLOCK)) {
      Timestamps.set(statement, 1, since);
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

  /** The decisions matching the search, newest first, at most {@code limit}. */
  List<LoggedDecision> search(Connection connection, DecisionSearch search, int limit)
      throws SQLException {
    String where =
        switch (search.field()) {
          case LEAD_ID -> "lead_id = ?";
          case EMAIL -> "lead_email = ?";
          case COMPANY -> "lead_company LIKE ? ESCAPE '!'";
          case OWNER -> "(owner_id = ? OR LOWER(owner_name) LIKE ? ESCAPE '!')";
          case RULE -> "LOWER(rule_name) = ?";
        };
    try (PreparedStatement statement =
        connection.prepareStatement(
            SELECT + " WHERE " + where + " ORDER BY decided_at DESC, id DESC")) {
      statement.setMaxRows(limit);
      String text = search.text().strip();
      String lower = text.toLowerCase(java.util.Locale.ROOT);
      switch (search.field()) {
        case LEAD_ID -> statement.setString(1, text);
        case EMAIL, RULE -> statement.setString(1, lower);
        case COMPANY -> statement.setString(1, likePrefix(lower));
        case OWNER -> {
          statement.setString(1, text);
          statement.setString(2, "%" + likePrefix(lower));
        }
      }
      return decisions(statement);
    }
  }

  /** {@code text%} with LIKE's wildcards in {@code text} taken literally. */
  private static String likePrefix(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
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
        Timestamps.get(row, "written_at"),
        row.getString("account_json"),
        row.getString("write_error"),
        row.getString("lead_email"),
        row.getString("lead_company"));
  }

  private static Integer integer(ResultSet row, String column) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? null : value;
  }
}
