package dev.leadrouter.route;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When a rep works in a week, in their own time zone: for each day a list of open windows.
 *
 * <p>Written by admins as {@code "Mon-Fri 09:00-17:00; Sat 10:00-14:00"}. A window whose end is
 * {@code 24:00} runs to midnight. Days not mentioned are closed.
 */
public final class WorkingHours {

  /** No restriction: the rep is always within working hours. */
  public static final WorkingHours ALWAYS = new WorkingHours(null, "always");

  private final Map<DayOfWeek, List<Window>> windows;
  private final String text;

  private record Window(LocalTime start, LocalTime end, boolean toMidnight) {
    boolean contains(LocalTime time) {
      return !time.isBefore(start) && (toMidnight || time.isBefore(end));
    }
  }

  private WorkingHours(Map<DayOfWeek, List<Window>> windows, String text) {
    this.windows = windows;
    this.text = text;
  }

  /**
   * Parses admin notation.
   *
   * @throws IllegalArgumentException with a message saying what part could not be read
   */
  public static WorkingHours parse(String text) {
    if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("always")) {
      return ALWAYS;
    }
    Map<DayOfWeek, List<Window>> windows = new EnumMap<>(DayOfWeek.class);
    for (String part : text.split(";")) {
      String[] dayAndTimes = part.trim().split("\\s+");
      if (dayAndTimes.length != 2) {
        throw new IllegalArgumentException(
            "working hours '" + part.trim() + "' should look like 'Mon-Fri 09:00-17:00'");
      }
      List<DayOfWeek> days = parseDays(dayAndTimes[0]);
      Window window = parseWindow(dayAndTimes[1]);
      for (DayOfWeek day : days) {
        windows.computeIfAbsent(day, d -> new ArrayList<>()).add(window);
      }
    }
    return new WorkingHours(windows, text.trim());
  }

  public boolean isOpen(DayOfWeek day, LocalTime time) {
    if (windows == null) {
      return true;
    }
    for (Window window : windows.getOrDefault(day, List.of())) {
      if (window.contains(time)) {
        return true;
      }
    }
    return false;
  }

  /**
   * One open window of a day, for clocks that count working time.
   *
   * @param end {@code null} when the window runs to midnight
   */
  public record Opening(LocalTime start, LocalTime end) {}

  /** The day's open windows in the order written; all day when there is no restriction. */
  public List<Opening> openingsOn(DayOfWeek day) {
    if (windows == null) {
      return List.of(new Opening(LocalTime.MIDNIGHT, null));
    }
    List<Opening> openings = new ArrayList<>();
    for (Window window : windows.getOrDefault(day, List.of())) {
      openings.add(new Opening(window.start(), window.toMidnight() ? null : window.end()));
    }
    return openings;
  }

  private static List<DayOfWeek> parseDays(String text) {
    String[] range = text.split("-");
    if (range.length == 1) {
      return List.of(parseDay(range[0]));
    }
    if (range.length != 2) {
      throw new IllegalArgumentException("days '" + text + "' should look like 'Mon' or 'Mon-Fri'");
    }
    DayOfWeek from = parseDay(range[0]);
    DayOfWeek to = parseDay(range[1]);
    List<DayOfWeek> days = new ArrayList<>();
    for (DayOfWeek day = from; ; day = day.plus(1)) {
      days.add(day);
      if (day == to) {
        return days;
      }
    }
  }

  private static DayOfWeek parseDay(String text) {
    String key = text.trim().toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (key.length() >= 2 && day.name().startsWith(key)) {
        return day;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a day of the week");
  }

  private static Window parseWindow(String text) {
    String[] times = text.split("-");
    if (times.length != 2) {
      throw new IllegalArgumentException("hours '" + text + "' should look like '09:00-17:00'");
    }
    try {
      LocalTime start = LocalTime.parse(times[0].trim());
      boolean toMidnight = times[1].trim().equals("24:00");
      LocalTime end = toMidnight ? LocalTime.MAX : LocalTime.parse(times[1].trim());
      if (!toMidnight && !end.isAfter(start)) {
        throw new IllegalArgumentException("hours '" + text + "' end before they start");
      }
      return new Window(start, end, toMidnight);
    } catch (DateTimeParseException badTime) {
      throw new IllegalArgumentException("hours '" + text + "' are not HH:mm-HH:mm");
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
