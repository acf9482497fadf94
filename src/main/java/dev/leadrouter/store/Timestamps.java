package dev.leadrouter.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants to and from {@code timestamp with time zone} columns, always in UTC and never through
 * {@code java.sql.Timestamp}, whose conversions use the JVM's default zone.
 */
final class Timestamps {

  private Timestamps() {}

  /**
   * Both databases keep microseconds; truncating before writing makes what is read back equal what
   * was written, whatever the clock's resolution.
   */
  static Instant storable(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  static void set(PreparedStatement statement, int index, Instant instant) throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, OffsetDateTime.ofInstant(storable(instant), ZoneOffset.UTC));
    }
  }

  static Instant get(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
