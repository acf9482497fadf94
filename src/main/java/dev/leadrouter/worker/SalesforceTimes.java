package dev.leadrouter.worker;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads the DateTime values Salesforce's REST API returns, e.g. {@code
 * 2024-04-26T17:49:40.000+0000}.
 */
final class SalesforceTimes {

  private static final DateTimeFormatter REST =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX", Locale.ROOT);

  private SalesforceTimes() {}

  /**
   * The instant, or null for a blank or unreadable value (the caller then treats it as unknown).
   */
  static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip(), REST).toInstant();
    } catch (DateTimeParseException notRest) {
      try {
        return Instant.parse(text.strip());
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }
}
