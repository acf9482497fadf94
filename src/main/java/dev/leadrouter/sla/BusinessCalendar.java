package dev.leadrouter.sla;

import dev.leadrouter.route.WorkingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Counts time the way an SLA does: only while the business is open, in one time zone, skipping
 * holidays. Pure: it never reads a clock, every instant is handed in.
 *
 * <p>Open windows are turned into instants day by day through the zone's rules, so a DST change is
 * handled as people see it: a window 09:00-17:00 opens at 09:00 local time on either side of the
 * change, and a window that spans the change is as long as the time that really passes in it.
 */
public final class BusinessCalendar {

  /** How far ahead a calendar looks for an open hour before it gives up (hours never open). */
  private static final int MAX_DAYS_AHEAD = 3 * 366;

  private final ZoneId zone;
  private final WorkingHours hours;
  private final Set<LocalDate> holidays;

  public BusinessCalendar(ZoneId zone, WorkingHours hours, Set<LocalDate> holidays) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.hours = Objects.requireNonNull(hours, "hours");
    this.holidays = Set.copyOf(holidays);
  }

  /** A calendar that never closes: time counts as on a wall clock. */
  public static BusinessCalendar aroundTheClock(ZoneId zone) {
    return new BusinessCalendar(zone, WorkingHours.ALWAYS, Set.of());
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * The instant at which {@code amount} of business time has passed since {@code start}. A clock
   * started while closed begins counting at the next opening (Friday evening counts from Monday
   * morning); an amount that ends exactly at closing time ends then, not at the next opening.
   *
   * @throws IllegalStateException when the hours never open in the next three years
   */
  public Instant plusBusinessTime(Instant start, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount must not be negative, was " + amount);
    }
    Duration remaining = amount;
    LocalDate day = start.atZone(zone).toLocalDate();
    for (int i = 0; i <= MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
      for (Interval open : openIntervals(day)) {
        Instant from = open.start().isAfter(start) ? open.start() : start;
        if (!open.end().isAfter(from)) {
          continue;
        }
        Duration available = Duration.between(from, open.end());
        if (available.compareTo(remaining) >= 0) {
          return from.plus(remaining);
        }
        remaining = remaining.minus(available);
        start = open.end();
      }
    }
    throw new IllegalStateException(
        "business hours '" + hours + "' never open in the " + MAX_DAYS_AHEAD + " days ahead");
  }

  /** Business time between two instants; zero when {@code to} is not after {@code from}. */
  public Duration businessTimeBetween(Instant from, Instant to) {
    Duration total = Duration.ZERO;
    if (!to.isAfter(from)) {
      return total;
    }
    // Overlapping windows (an admin's "09:00-13:00; 12:00-17:00") count once: nothing before
    // `counted` is counted again.
    Instant counted = from;
    LocalDate last = to.atZone(zone).toLocalDate();
    for (LocalDate day = from.atZone(zone).toLocalDate();
        !day.isAfter(last);
        day = day.plusDays(1)) {
      for (Interval open : openIntervals(day)) {
        Instant start = open.start().isAfter(counted) ? open.start() : counted;
        Instant end = open.end().isBefore(to) ? open.end() : to;
        if (end.isAfter(start)) {
          total = total.plus(Duration.between(start, end));
          counted = end;
        }
      }
    }
    return total;
  }

  /** True when business time passes at this instant. */
  public boolean isOpen(Instant instant) {
    for (Interval open : openIntervals(instant.atZone(zone).toLocalDate())) {
      if (!instant.isBefore(open.start()) && instant.isBefore(open.end())) {
        return true;
      }
    }
    return false;
  }

  private record Interval(Instant start, Instant end) {}

  private List<Interval> openIntervals(LocalDate day) {
    if (holidays.contains(day)) {
      return List.of();
    }
    return hours.openingsOn(day.getDayOfWeek()).stream()
        .map(
            opening ->
                new Interval(
                    ZonedDateTime.of(day, opening.start(), zone).toInstant(),
                    opening.end() == null
                        ? day.plusDays(1).atStartOfDay(zone).toInstant()
                        : ZonedDateTime.of(day, opening.end(), zone).toInstant()))
        .sorted(Comparator.comparing(Interval::start))
        .toList();
  }

  @Override
  public String toString() {
    return hours
        + " in "
        + zone
        + (holidays.isEmpty() ? "" : " except " + holidays.size() + " holidays");
  }
}
