package dev.leadrouter.store;

import static dev.leadrouter.store.Decisions.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.config.Mode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * Instants survive the database unchanged while the JVM runs in a zone with DST. The instants
 * chosen have UTC wall-clock times that fall in Los Angeles' spring gap and autumn overlap, where a
 * conversion through the default zone shifts them by an hour.
 */
abstract class TimestampContract extends StoreContract {

  /** 02:30 on the morning Los Angeles skips from 02:00 to 03:00. */
  private static final Instant IN_THE_GAP = Instant.parse("2026-03-08T02:30:00.123456Z");

  /** 01:30 on the morning Los Angeles lives through twice. */
  private static final Instant IN_THE_OVERLAP = Instant.parse("2026-11-01T01:30:00.654321Z");

  @Test
  void theTestsRunOutsideUtc() {
    assertThat(TimeZone.getDefault().getID()).isEqualTo("America/Los_Angeles");
  }

  @Test
  void decisionTimesRoundTripAsTheSameInstants() {
    RoutingLog log = new RoutingLog(database);
    long id = log.record(Decisions.toAlice(LEAD, IN_THE_GAP), Mode.LIVE);
    log.markWritten(id, IN_THE_OVERLAP);

    LoggedDecision logged = log.findByLead(LEAD).get(0);

    assertThat(logged.decidedAt()).isEqualTo(IN_THE_GAP);
    assertThat(logged.writtenAt()).isEqualTo(IN_THE_OVERLAP);
  }

  @Test
  void theDatabaseHoldsTheUtcInstantNotALocalWallClock() throws SQLException {
    new RoutingLog(database).record(Decisions.toAlice(LEAD, IN_THE_GAP), Mode.LIVE);

    // Compared inside the database against a literal with an explicit offset, so no JDBC
    // conversion can hide a shifted value.
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM routing_decision WHERE decided_at ="
                    + " TIMESTAMP WITH TIME ZONE '2026-03-08 02:30:00.123456+00:00'");
        ResultSet row = statement.executeQuery()) {
      row.next();
      assertThat(row.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void timesFinerThanMicrosecondsAreTruncatedNotRounded() {
    RoutingLog log = new RoutingLog(database);
    log.record(Decisions.toAlice(LEAD, Instant.parse("2026-05-04T09:15:30.123456999Z")), Mode.LIVE);

    assertThat(log.findByLead(LEAD).get(0).decidedAt())
        .isEqualTo(Instant.parse("2026-05-04T09:15:30.123456Z"));
  }
}
