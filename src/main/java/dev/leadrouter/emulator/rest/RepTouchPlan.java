package dev.leadrouter.emulator.rest;

import dev.leadrouter.emulator.faults.PlanValues;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the emulated org's reps touch the leads they are given, parsed from {@code MIN..MAX[/NEVER]},
 * e.g. {@code 30s..5m/0.1}: each lead a user gets is set to "Working - Contacted" after a delay
 * between MIN and MAX, except a share NEVER (0..1 or N%, default 0) that nobody ever touches.
 *
 * @param neverShare the share of assignments that are never touched
 */
public record RepTouchPlan(Duration min, Duration max, double neverShare) {

  /** The syntax, for help texts and error messages. */
  public static final String SYNTAX =
      "MIN..MAX[/NEVER_SHARE], e.g. 30s..5m/0.1 (durations 500ms, 30s, 5m, 1h; share 0..1 or N%)";

  private static final Pattern PLAN = Pattern.compile("([^./]+)\\.\\.([^/]+)(?:/(.+))?");

  public RepTouchPlan {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (min.isNegative() || max.compareTo(min) < 0 || !(neverShare >= 0 && neverShare <= 1)) {
      throw new IllegalArgumentException("invalid rep-touch plan " + min + ".." + max);
    }
  }

  /**
   * Parses {@code MIN..MAX[/NEVER_SHARE]}.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  public static RepTouchPlan parse(String text) {
    Objects.requireNonNull(text, "text");
    String item = text.trim();
    Matcher matcher = PLAN.matcher(item);
    if (!matcher.matches()) {
      throw invalid(item, "expected MIN..MAX[/NEVER_SHARE]");
    }
    Duration min = duration(item, matcher.group(1).trim());
    Duration max = duration(item, matcher.group(2).trim());
    if (max.compareTo(min) < 0) {
      throw invalid(item, "MAX is shorter than MIN");
    }
    double never = matcher.group(3) == null ? 0 : share(item, matcher.group(3).trim());
    return new RepTouchPlan(min, max, never);
  }

  /** The text this plan parses from, e.g. {@code 2s..20s/0.1}. */
  public String describe() {
    return PlanValues.format(min)
        + ".."
        + PlanValues.format(max)
        + (neverShare > 0 ? "/" + neverShare : "");
  }

  private static Duration duration(String item, String text) {
    return PlanValues.duration(text)
        .orElseThrow(
            () -> invalid(item, "'" + text + "' is not a duration such as 500ms, 30s, 5m or 1h"));
  }

  private static double share(String item, String text) {
    double share =
        PlanValues.fraction(text)
            .orElseThrow(() -> invalid(item, "'" + text + "' is not a share such as 0.1 or 10%"));
    if (!(share >= 0 && share <= 1)) {
      throw invalid(item, "the never-touched share must be between 0 and 1 (or 0% and 100%)");
    }
    return share;
  }

  private static IllegalArgumentException invalid(String item, String why) {
    return new IllegalArgumentException(
        "invalid rep-touch '" + item + "': " + why + ". Syntax: " + SYNTAX);
  }
}
