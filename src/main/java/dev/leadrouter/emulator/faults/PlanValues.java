package dev.leadrouter.emulator.faults;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values the emulator's plan options share (`--faults`, `--rep-touch`): durations such as
 * {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} and fractions such as {@code 0.02} or {@code
 * 2%}. Callers word their own errors, since only they know which item was wrong.
 */
public final class PlanValues {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  private PlanValues() {}

  /** The duration the text names, or empty when it is not one. */
  public static Optional<Duration> duration(String text) {
    Matcher matcher = DURATION.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(matcher.group(1));
    return Optional.of(
        switch (matcher.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        });
  }

  /** The duration written the way {@link #duration} reads it, in the largest whole unit. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0 && millis > 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }

  /** The number the text names, {@code 2%} read as 0.02; empty when it is not a number. */
  public static OptionalDouble fraction(String text) {
    try {
      return OptionalDouble.of(
          text.endsWith("%")
              ? Double.parseDouble(text.substring(0, text.length() - 1)) / 100
              : Double.parseDouble(text));
    } catch (NumberFormatException notANumber) {
      return OptionalDouble.empty();
    }
  }
}
