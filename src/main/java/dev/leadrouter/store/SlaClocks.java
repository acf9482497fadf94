package dev.leadrouter.store;

import com.google.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SLA clocks: one per promise of a first touch, with the escalation steps taken on it. Every
 * change is conditional on the clock's current state, so that a change event or a scheduler tick
 * seen twice (after a restart, say) changes nothing the second time.
 */
public final class SlaClocks {

  private static final String UNIQUE_VIOLATION = "23505";

  private static final String COLUMNS =
      "id, lead_id, decision_id, owner_id, team, rule_name, lead_source, tier, business_hours,"
          + " started_at, due_at, recycle_at, status, task_key, task_id, breached_at, touched_at,"
          + " touch_kind, closed_at";

  private final Transactions transactions;

  public SlaClocks(Database database) {
    this(database, Fence.NONE);
  }

  /** The repository of a worker that shares the database: {@code fence} may refuse its writes. */
  @Inject
  public SlaClocks(Database database, Fence fence) {
    this.transactions = new Transactions(database.dataSource(), fence);
  }

  /**
   * Starts the clock for a decision. A lead's clock still open (from an earlier owner) stops as
   * {@link SlaClockStatus#REASSIGNED} in the same transaction. Starting it again for the same
   * decision returns the clock already there and changes nothing.
   */
  public SlaClock open(NewSlaClock clock) {
    return transactions.inTransaction(
        connection -> {
          Optional<SlaClock> existing = queryOne(connection, "decision_id = ?", clock.decisionId());
          if (existing.isPresent()) {
            return existing.get();
          }
          try (PreparedStatement stop =
              connection.prepareStatement(
                  "UPDATE sla_clock SET status = 'REASSIGNED', open_lead_id = NULL,"
                      + " closed_at = ? WHERE open_lead_id = ?")) {
            Timestamps.set(stop, 1, clock.startedAt());
            stop.setString(2, clock.leadId());
            stop.executeUpdate();
          }
          long id;
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO sla_clock (lead_id, open_lead_id, decision_id, owner_id, team,"
                      + " rule_name, lead_source, tier, business_hours, started_at, due_at,"
                      + " recycle_at, status, task_key)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)",
                  new String[] {"id"})) {
            insert.setString(1, clock.leadId());
            insert.setString(2, clock.leadId());
            insert.setLong(3, clock.decisionId());
            insert.setString(4, clock.ownerId());
            insert.setString(5, clock.team());
            insert.setString(6, clock.rule());
            insert.setString(7, clock.leadSource());
            insert.setString(8, clock.tier());
            insert.setBoolean(9, clock.businessHours());
            Timestamps.set(insert, 10, clock.startedAt());
            Timestamps.set(insert, 11, clock.dueAt());
            Timestamps.set(insert, 12, clock.recycleAt());
            insert.setString(13, clock.taskKey());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
              keys.next();
              id = keys.getLong(1);
            }
          }
          return queryOne(connection, "id = ?", id).orElseThrow();
        });
  }

  public Optional<SlaClock> find(long id) {
    return transactions.read(connection -> queryOne(connection, "id = ?", id));
  }

  /** The clock a decision started, if it started one. */
  public Optional<SlaClock> forDecision(long decisionId) {
    return transactions.read(connection -> queryOne(connection, "decision_id = ?", decisionId));
  }

  /** The lead's open clock, if it has one. */
  public Optional<SlaClock> openFor(String leadId) {
    return transactions.read(connection -> queryOne(connection, "open_lead_id = ?", leadId));
  }

  /** The open clock whose follow-up Task this is, if any. */
  public Optional<SlaClock> openForTask(String taskId) {
    return transactions.read(
        connection -> queryOne(connection, "status = 'OPEN' AND task_id = ?", taskId));
  }

  /** Every clock of a lead, oldest first. */
  public List<SlaClock> forLead(String leadId) {
    return transactions.read(connection -> query(connection, "lead_id = ? ORDER BY id", leadId));
  }

  /**
   * Stops the lead's open clock at its first touch: {@link SlaClockStatus#MET} when the touch came
   * by the due time (a touch exactly at it counts), {@link SlaClockStatus#LATE} otherwise.
   *
   * @return the stopped clock; empty when the lead had no open clock (already touched, say)
   */
  public Optional<SlaClock> touch(String leadId, Instant touchedAt, TouchKind kind) {
    return transactions.inTransaction(
        connection -> {
          Optional<SlaClock> open = queryOne(connection, "open_lead_id = ?", leadId);
          if (open.isEmpty()) {
            return Optional.empty();
          }
          SlaClockStatus outcome =
              touchedAt.isAfter(open.get().dueAt()) ? SlaClockStatus.LATE : SlaClockStatus.MET;
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE sla_clock SET status = ?, open_lead_id = NULL, touched_at = ?,"
                      + " touch_kind = ?, closed_at = ? WHERE id = ? AND status = 'OPEN'")) {
            update.setString(1, outcome.name());
            Timestamps.set(update, 2, touchedAt);
            update.setString(3, kind.name());
            Timestamps.set(update, 4, touchedAt);
            update.setLong(5, open.get().id());
            update.executeUpdate();
          }
          return queryOne(connection, "id = ?", open.get().id());
        });
  }

  /**
   * Stops an open clock without a touch ({@link SlaClockStatus#REASSIGNED}, {@link
   * SlaClockStatus#RECYCLED} or {@link SlaClockStatus#CLOSED}).
   *
   * @return false when the clock was not open any more
   */
  public boolean stop(long id, SlaClockStatus status, Instant at) {
    if (status == SlaClockStatus.OPEN
        || status == SlaClockStatus.MET
        || status == SlaClockStatus.LATE) {
      throw new IllegalArgumentException(
          "a clock stops without a touch as REASSIGNED, RECYCLED or CLOSED, not " + status);
    }
    return update(
        "UPDATE sla_clock SET status = ?, open_lead_id = NULL, closed_at = ?"
            + " WHERE id = ? AND status = 'OPEN'",
        statement -> {
          statement.setString(1, status.name());
          Timestamps.set(statement, 2, at);
          statement.setLong(3, id);
        });
  }

  /**
   * Notes that an open clock ran past its due time.
   *
   * @return true the first time only
   */
  public boolean markBreached(long id, Instant at) {
    return update(
        "UPDATE sla_clock SET breached_at = ? WHERE id = ? AND status = 'OPEN'"
            + " AND breached_at IS NULL",
        statement -> {
          Timestamps.set(statement, 1, at);
          statement.setLong(2, id);
        });
  }

  /**
   * Notes the follow-up Task's id once Salesforce created it.
   *
   * @return false when the clock already had a task id (created before a restart)
   */
  public boolean recordTask(long id, String taskId) {
    return update(
        "UPDATE sla_clock SET task_id = ? WHERE id = ? AND task_id IS NULL",
        statement -> {
          statement.setString(1, taskId);
          statement.setLong(2, id);
        });
  }

  /** Open clocks whose task is still to be created, oldest first. */
  public List<SlaClock> openWithoutTask() {
    return transactions.read(
        connection ->
            query(connection, "status = 'OPEN' AND task_id IS NULL ORDER BY started_at, id"));
  }

  /**
   * Open clocks due before {@code now} (breached or not) or due to be recycled by then, soonest due
   * first: the ones the escalation ladder looks at.
   */
  public List<SlaClock> openDueBefore(Instant now) {
    return transactions.read(
        connection ->
            query(
                connection,
                "status = 'OPEN' AND (due_at < ? OR recycle_at <= ?) ORDER BY due_at, id",
                now,
                now));
  }

  /** Every open clock, soonest due first, for the ops console's SLA board. */
  public List<SlaClock> allOpen() {
    return transactions.read(
        connection -> query(connection, "status = 'OPEN' ORDER BY due_at, id"));
  }

  /** Clocks breached at or after {@code since}, latest first, open or not. */
  public List<SlaClock> breachedSince(Instant since) {
    return transactions.read(
        connection ->
            query(connection, "breached_at >= ? ORDER BY breached_at DESC, id DESC", since));
  }

  /** Clocks started at or after {@code since}, oldest first, for reports. */
  public List<SlaClock> startedSince(Instant since) {
    return transactions.read(
        connection -> query(connection, "started_at >= ? ORDER BY started_at, id", since));
  }

  /**
   * Claims an escalation step on a clock before carrying it out.
   *
   * @return true when this call claimed it; false when it was claimed before (done or not)
   */
  public boolean claimStep(long clockId, EscalationStep step, Instant at) {
    try {
      return transactions.inTransaction(
          connection -> {
            try (PreparedStatement insert =
                connection.prepareStatement(
                    "INSERT INTO sla_escalation (clock_id, step, claimed_at) VALUES (?, ?, ?)")) {
              insert.setLong(1, clockId);
              insert.setString(2, step.name());
              Timestamps.set(insert, 3, at);
              return insert.executeUpdate() == 1;
            }
          });
    } catch (StoreException failed) {
      // The primary key (clock, step) is the table's only unique constraint: "claimed before".
      if (failed.getCause() instanceof SQLException cause
          && UNIQUE_VIOLATION.equals(cause.getSQLState())) {
        return false;
      }
      throw failed;
    }
  }

  /** Marks a claimed step carried out, with a line saying what was done. */
  public boolean stepDone(long clockId, EscalationStep step, Instant at, String detail) {
    return update(
        "UPDATE sla_escalation SET done_at = ?, detail = ?"
            + " WHERE clock_id = ? AND step = ? AND done_at IS NULL",
        statement -> {
          Timestamps.set(statement, 1, at);
          statement.setString(2, detail);
          statement.setLong(3, clockId);
          statement.setString(4, step.name());
        });
  }

  /** Steps claimed but not carried out (the worker stopped in between), oldest first. */
  public List<ClaimedStep> unfinishedSteps() {
    return steps("done_at IS NULL ORDER BY claimed_at, clock_id");
  }

  /** Every step taken on a clock, in the order claimed. */
  public List<ClaimedStep> stepsOf(long clockId) {
    return steps("clock_id = " + clockId + " ORDER BY claimed_at, step");
  }

  private List<ClaimedStep> steps(String where) {
    return transactions.read(
        connection -> {
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT clock_id, step, claimed_at, done_at, detail FROM sla_escalation"
                          + " WHERE "
                          + where);
              ResultSet row = select.executeQuery()) {
            List<ClaimedStep> steps = new ArrayList<>();
            while (row.next()) {
              steps.add(
                  new ClaimedStep(
                      row.getLong("clock_id"),
                      EscalationStep.valueOf(row.getString("step")),
                      Timestamps.get(row, "claimed_at"),
                      Timestamps.get(row, "done_at"),
                      row.getString("detail")));
            }
            return steps;
          }
        });
  }

  /** Fills in a statement's parameters. */
  @FunctionalInterface
  private interface Parameters {
    void set(PreparedStatement statement) throws SQLException;
  }

  private boolean update(String sql, Parameters parameters) {
    return transactions.inTransaction(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            return statement.executeUpdate() == 1;
          }
        });
  }

  private static Optional<SlaClock> queryOne(Connection connection, String where, Object value)
      throws SQLException {
    List<SlaClock> clocks = query(connection, where, value);
    return clocks.isEmpty() ? Optional.empty() : Optional.of(clocks.get(0));
  }

  private static List<SlaClock> query(Connection connection, String where, Object... values)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM sla_clock WHERE " + where)) {
      for (int i = 0; i < values.length; i++) {
        if (values[i] instanceof Instant instant) {
          Timestamps.set(select, i + 1, instant);
        } else if (values[i] instanceof Long number) {
          select.setLong(i + 1, number);
        } else {
          select.setString(i + 1, (String) values[i]);
        }
      }
      try (ResultSet row = select.executeQuery()) {
        List<SlaClock> clocks = new ArrayList<>();
        while (row.next()) {
          String touchKind = row.getString("touch_kind");
          clocks.add(
              new SlaClock(
                  row.getLong("id"),
                  row.getString("lead_id"),
                  row.getLong("decision_id"),
                  row.getString("owner_id"),
                  row.getString("team"),
                  row.getString("rule_name"),
                  row.getString("lead_source"),
                  row.getString("tier"),
                  row.getBoolean("business_hours"),
                  Timestamps.get(row, "started_at"),
                  Timestamps.get(row, "due_at"),
                  Timestamps.get(row, "recycle_at"),
                  SlaClockStatus.valueOf(row.getString("status")),
                  row.getString("task_key"),
                  row.getString("task_id"),
                  Timestamps.get(row, "breached_at"),
                  Timestamps.get(row, "touched_at"),
                  touchKind == null ? null : TouchKind.valueOf(touchKind),
                  Timestamps.get(row, "closed_at")));
        }
        return clocks;
      }
    }
  }
}
