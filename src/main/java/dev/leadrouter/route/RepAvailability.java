package dev.leadrouter.route;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a rep can take a lead at one instant, and if not, why not. One instance serves
 * one decision: it converts the instant to each time zone once, since a team's reps mostly share a
 * few zones.
 */
final class RepAvailability {

  private final Instant now;
  private final Set<LocalDate> holidays;
  private final Map<ZoneId, LocalDateTime> localTimes = new HashMap<>(4);

  RepAvailability(Instant now, Set<LocalDate> holidays) {
    this.now = now;
    this.holidays = holidays;
  }

  /**
   * @return {@code null} when the rep is available, else the reason they are not
   */
  ReasonCode unavailableReason(Rep rep, boolean honourWorkingHours) {
    if (rep == null) {
      return ReasonCode.UNKNOWN_USER;
    }
    if (!rep.active()) {
      return ReasonCode.USER_INACTIVE;
    }
    LocalDateTime local = localTimes.get(rep.timeZone());
    if (local == null) {
      local = LocalDateTime.ofInstant(now, rep.timeZone());
      localTimes.put(rep.timeZone(), local);
    }
    LocalDate day = local.toLocalDate();
    for (DateRange away : rep.outOfOffice()) {
      if (away.contains(day)) {
        return ReasonCode.OUT_OF_OFFICE;
      }
    }
    if (honourWorkingHours) {
      if (holidays.contains(day)) {
        return ReasonCode.HOLIDAY;
      }
      if (!rep.workingHours().isOpen(local.getDayOfWeek(), local.toLocalTime())) {
        return ReasonCode.OUTSIDE_WORKING_HOURS;
      }
    }
    return null;
  }
}
