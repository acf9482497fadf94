package dev.leadrouter.emulator.soql;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The date literal {@code LAST_N_DAYS:n}: from midnight {@code n} days ago to the end of today.
 * Salesforce counts days in the running user's time zone; the emulator's users all count in UTC.
 */
record LastNDays(int days) {

  Instant start(Instant now) {
    return now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).minusDays(days).toInstant();
  }

  Instant end(Instant now) {
    return now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
  }
}
