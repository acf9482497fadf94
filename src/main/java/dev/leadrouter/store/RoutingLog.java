package dev.leadrouter.store;

import com.google.inject.Inject;
import dev.leadrouter.config.Mode;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.route.Decision;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * The routing log: every decision with the whole of why. {@link #record} makes a decision durable
 * together with the rotation and load changes it carries, in one transaction, so that a crash
 * between the two can neither skip a rep nor give the same rep two turns.
 */
public final class RoutingLog {

  /** SQLSTATE for a unique violation, the same in H2 and PostgreSQL. */
  private static final String UNIQUE_VIOLATION = "23505";

  /** Named in both databases' messages (H2 in upper case), so other violations stay apart. */
  private static final String ONE_PER_LEAD = "routing_decision_one_per_lead";

  private static final String INSERT =
      """
      INSERT INTO routing_decision (lead_id, active_lead_id, owner_id, owner_type, owner_name,
        rule_name, reasons, path_json, inputs_json, strategy_json, account_json, score,
        score_tier, account_id, sla_minutes, mode, status, rule_set_version, decided_at,
        lead_email, lead_company)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, ?, ?)
      """;

  private final Transactions transactions;
  private final StoreJson json = new StoreJson();
  private final RoutingStateWriter liveState = new RoutingStateWriter(json, StateTables.LIVE);
  private final RoutingStateWriter shadowState = new RoutingStateWriter(json, StateTables.SHADOW);
  private final LoggedDecisionReader reader = new LoggedDecisionReader(json);

  public RoutingLog(Database database) {
    this(database.dataSource(), Fence.NONE);
  }

  /**
   * The routing log of a worker that shares the database: {@code fence} may refuse its writes, so a
   * worker that lost the lease records and marks nothing.
   */
  @Inject
  public RoutingLog(Database database, Fence fence) {
    this(database.dataSource(), fence);
  }

  /** For tests that need connections which fail part-way. */
  RoutingLog(DataSource dataSource) {
    this(dataSource, Fence.NONE);
  }

  private RoutingLog(DataSource dataSource, Fence fence) {
    this.transactions = new Transactions(dataSource, fence);
  }

  /**
   * Records a decision as {@link DecisionStatus#PLANNED} and applies its state changes, all or
   * nothing. A decision marked shadow is logged as {@link Mode#SHADOW} whatever the global mode, so
   * the writer never writes it. Shadow decisions move the shadow rotation and load ({@link
   * StateTables#SHADOW}), live ones the live state.
   *
   * @return the decision's id in the log
   * @throws AlreadyRoutedException when the lead has a decision that has not failed
   */
  public long record(Decision decision, Mode mode) {
    return record(decision, mode, null);
  }

  /**
   * Records a decision as {@link #record(Decision, Mode)} does, keeping the lead's e-mail and
   * company so the ops console can find the decision by them.
   *
   * @param lead the lead decided, or {@code null} when not at hand
   */
  public long record(Decision decision, Mode mode, Lead lead) {
    Mode effective = decision.shadow() ? Mode.SHADOW : mode;
    return transactions.inTransaction(
        connection -> {
          long id = insert(connection, decision, effective, lead);
          (effective == Mode.SHADOW ? shadowState : liveState)
              .apply(connection, decision.stateChanges());
          return id;
        });
  }

  /**
   * Records a decision that replaces a written one for the same lead (an SLA reassignment): the
   * previous decision becomes {@link DecisionStatus#SUPERSEDED}, the new one is planned, and its
   * state changes apply, all or nothing.
   *
   * @return the new decision's id
   * @throws StoreException when the previous decision is not written (a reassignment already
   *     recorded after a restart, say); nothing changes then
   */
  public long recordReplacement(long previousId, Decision decision) {
    return transactions.inTransaction(
        connection -> {
          try (PreparedStatement supersede =
              connection.prepareStatement(
                  "UPDATE routing_decision SET status = 'SUPERSEDED', active_lead_id = NULL"
                      + " WHERE id = ? AND lead_id = ? AND status = 'WRITTEN'")) {
            supersede.setLong(1, previousId);
            supersede.setString(2, decision.leadId());
            if (supersede.executeUpdate() != 1) {
              throw new StoreException(
                  "decision "
                      + previousId
                      + " is not the written decision of lead "
                      + decision.leadId()
                      + "; not replaced");
            }
          }
          long id = insert(connection, decision, Mode.LIVE, null);
          liveState.apply(connection, decision.stateChanges());
          return id;
        });
  }

  /** Marks a planned decision written; marking it again keeps the first time. */
  public void markWritten(long id, Instant writtenAt) {
    update(
        id,
        "UPDATE routing_decision SET status = 'WRITTEN', written_at = COALESCE(written_at, ?)"
            + " WHERE id = ? AND status IN ('PLANNED', 'WRITTEN')",
        statement -> {
          Timestamps.set(statement, 1, writtenAt);
          statement.setLong(2, id);
        });
  }

  /**
   * Marks a planned decision failed, which frees the lead to be routed again. Its state changes
   * stay applied: the rep's turn was used, as it would have been had the write succeeded.
   */
  public void markFailed(long id) {
    update(
        id,
        "UPDATE routing_decision SET status = 'FAILED', active_lead_id = NULL"
            + " WHERE id = ? AND status = 'PLANNED'",
        statement -> statement.setLong(1, id));
  }

  /**
   * Marks a planned decision failed, as {@link #markFailed(long)} does, keeping why writing it
   * failed (Salesforce's code and message) for the operator.
   */
  public void markFailed(long id, String writeError) {
    update(
        id,
        "UPDATE routing_decision SET status = 'FAILED', active_lead_id = NULL, write_error = ?"
            + " WHERE id = ? AND status = 'PLANNED'",
        statement -> {
          statement.setString(1, writeError);
          statement.setLong(2, id);
        });
  }

  /** Every decision for the lead, oldest first. */
  public List<LoggedDecision> findByLead(String leadId) {
    return transactions.read(connection -> reader.findByLead(connection, leadId));
  }

  /**
   * Live decisions recorded but not yet written or failed, oldest first: after a restart the writer
   * writes these (setting the same owner twice is harmless). Shadow decisions are never written.
   */
  public List<LoggedDecision> unwritten() {
    return transactions.read(reader::unwritten);
  }

  /**
   * Live decisions, still in force, that gave a user the lead, were written at or after {@code
   * since} and have no SLA clock: an owner the org has whose clock was never stored (its start
   * failed, or was lost with the process), oldest first.
   */
  public List<LoggedDecision> writtenWithoutSlaClock(Instant since) {
    return transactions.read(connection -> reader.writtenWithoutSlaClock(connection, since));
  }

  /**
   * Decisions logged in shadow mode (globally or by a shadow rule) at or after {@code since},
   * oldest first: what the shadow report compares with the owners the org actually gave.
   */
  public List<LoggedDecision> shadowSince(Instant since) {
    return transactions.read(connection -> reader.shadowSince(connection, since));
  }

  /** Whether the lead has a decision that has not failed, i.e. must not be routed again. */
  public boolean hasDecision(String leadId) {
    return transactions.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT 1 FROM routing_decision WHERE active_lead_id = ?")) {
            statement.setString(1, leadId);
            try (ResultSet row = statement.executeQuery()) {
              return row.next();
            }
          }
        });
  }

  /**
   * Decisions matching the search, newest first, at most {@code limit}.
   *
   * @see DecisionSearch for how each field matches
   */
  public List<LoggedDecision> search(DecisionSearch search, int limit) {
    return transactions.read(connection -> reader.search(connection, search, limit));
  }

  /** Decisions made at or after {@code since}, newest first, at most {@code limit}. */
  public List<LoggedDecision> decidedSince(Instant since, int limit) {
    return transactions.read(connection -> reader.decidedSince(connection, since, limit));
  }

  /** One decision by its id in the log. */
  public java.util.Optional<LoggedDecision> find(long id) {
    return transactions.read(connection -> reader.find(connection, id));
  }

  /**
   * How many decisions each rule made at or after {@code since}, in one mode, most first; the
   * catch-all's count is keyed by the empty string.
   */
  public java.util.Map<String, Long> ruleHitsSince(Instant since, Mode mode) {
    return countsSince("COALESCE(rule_name, '')", since, mode);
  }

  /** How many decisions each owner (by name) got at or after {@code since}, most first. */
  public java.util.Map<String, Long> ownerHitsSince(Instant since, Mode mode) {
    return countsSince("owner_name", since, mode);
  }

  private java.util.Map<String, Long> countsSince(String column, Instant since, Mode mode) {
    return transactions.read(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT "
                      + column
                      + " AS k, COUNT(*) AS n FROM routing_decision WHERE decided_at >= ?"
                      + " AND mode = ? GROUP BY "
                      + column
                      + " ORDER BY n DESC, k")) {
            Timestamps.set(statement, 1, since);
            statement.setString(2, mode.name());
            java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
            try (ResultSet row = statement.executeQuery()) {
              while (row.next()) {
                counts.put(row.getString("k"), row.getLong("n"));
              }
            }
            return counts;
          }
        });
  }

  private long insert(Connection connection, Decision decision, Mode mode, Lead lead)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INSERT, new String[] {"id"})) {
      int i = 0;
      statement.setString(++i, decision.leadId());
      statement.setString(++i, decision.leadId());
      statement.setString(++i, decision.owner().id().value());
      statement.setString(++i, decision.owner().type().name());
      statement.setString(++i, decision.owner().name());
      statement.setString(++i, decision.rule());
      statement.setString(++i, Reasons.join(decision.reasons()));
      statement.setString(++i, json.write(decision.path()));
      statement.setString(++i, json.write(decision.inputs()));
      statement.setString(++i, json.write(decision.strategies()));
      statement.setString(++i, decision.account() == null ? null : json.write(decision.account()));
      setInteger(statement, ++i, decision.score() == null ? null : decision.score().total());
      statement.setString(++i, decision.score() == null ? null : decision.score().tier());
      statement.setString(
          ++i, decision.account() == null ? null : decision.account().accountId().value());
      setInteger(statement, ++i, decision.slaMinutes());
      statement.setString(++i, mode.name());
      statement.setString(++i, decision.ruleSetVersion());
      Timestamps.set(statement, ++i, decision.decidedAt());
      statement.setString(++i, lowerCut(lead == null ? null : lead.get("Email")));
      statement.setString(++i, lowerCut(lead == null ? null : lead.get("Company")));
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException failed) {
      if (isOnePerLeadViolation(failed)) {
        throw new AlreadyRoutedException(decision.leadId(), failed);
      }
      throw failed;
    }
  }

  private void update(long id, String sql, Binder binder) {
    int updated =
        transactions.inTransaction(
            connection -> {
              try (PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                return statement.executeUpdate();
              }
            });
    if (updated == 0) {
      throw new StoreException("no decision " + id + " in a state that allows this change");
    }
  }

  /** Lower-case, and no longer than the column (Salesforce allows 255 for both fields too). */
  private static String lowerCut(String value) {
    if (value == null) {
      return null;
    }
    String lower = value.strip().toLowerCase(java.util.Locale.ROOT);
    return lower.length() > 255 ? lower.substring(0, 255) : lower;
  }

  private static boolean isOnePerLeadViolation(SQLException failed) {
    return UNIQUE_VIOLATION.equals(failed.getSQLState())
        && String.valueOf(failed.getMessage())
            .toLowerCase(java.util.Locale.ROOT)
            .contains(ONE_PER_LEAD);
  }

  private static void setInteger(PreparedStatement statement, int index, Integer value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, java.sql.Types.INTEGER);
    } else {
      statement.setInt(index, value);
    }
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }
}
