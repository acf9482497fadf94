package dev.leadrouter.route;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Set;

/** Decides whether a rep can take a lead at a given instant, and if not, why not. */
final class RepAvailability {

  private RepAvailability() {}

  /**
   * @return {@code null} when the rep is available, else the reason they are not
   */
  static ReasonCode unavailableReason(
      Rep rep, Instant now, boolean honourWorkingHours, Set<java.time.LocalDate> holidays) {
    if (rep == null) {
      return ReasonCode.UNKNOWN_USER;
    }
    if (!rep.active()) {
      return ReasonCode.USER_INACTIVE;
    }
    ZonedDateTime local = now.atZone(rep.timeZone());
    for (DateRange away : rep.outOfOffice()) {
      if (away.contains(local.toLocalDate())) {
        return ReasonCode.OUT_OF_OFFICE;
      }
    }
    if (honourWorkingHours) {
      if (holidays.contains(local.toLocalDate())) {
        return ReasonCode.HOLIDAY;
      }
      if (!rep.workingHours().isOpen(local.getDayOfWeek(), local.toLocalTime())) {
        return ReasonCode.OUTSIDE_WORKING_HOURS;
      }
    }
    return null;
  }
}
