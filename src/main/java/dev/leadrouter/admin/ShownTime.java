package dev.leadrouter.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the console shows an instant: to the second, in UTC, the way a person reads it ("2026-11-27
 * 11:39:59 UTC"). The store keeps nanoseconds, which only clutter a page.
 */
public final class ShownTime {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private ShownTime() {}

  /** The instant to the second in UTC, or an empty string for none. */
  public static String of(Instant instant) {
    return instant == null ? "" : FORMAT.format(instant);
  }
}
