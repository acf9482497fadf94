package dev.leadrouter.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A start of a period as people type it: {@code 7d}, {@code 12h}, {@code 90m}, or an instant. */
final class SinceOption {

  private static final Pattern AGO = Pattern.compile("([0-9]{1,6})\\s*([wdhm])");

  private SinceOption() {}

  /**
   * @param text e.g. {@code 7d} (7 days before {@code now}) or {@code 2026-11-20T00:00:00Z}
   * @throws InputException saying what is accepted
   */
  static Instant parse(String text, Instant now) {
    String trimmed = text.strip().toLowerCase(Locale.ROOT);
    Matcher ago = AGO.matcher(trimmed);
    if (ago.matches()) {
      long amount = Long.parseLong(ago.group(1));
      Duration unit =
          switch (ago.group(2)) {
            case "w" -> Duration.ofDays(7);
            case "d" -> Duration.ofDays(1);
            case "h" -> Duration.ofHours(1);
            default -> Duration.ofMinutes(1);
          };
      return now.minus(unit.multipliedBy(amount));
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException notAnInstant) {
      throw new InputException(
          "--since: '"
              + text
              + "' is neither a period such as 7d, 12h, 90m or 2w nor an instant such as"
              + " 2026-11-20T00:00:00Z");
    }
  }
}
