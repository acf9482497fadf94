package dev.leadrouter.config;

import dev.leadrouter.route.WorkingHours;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The org's business hours for SLA clocks ({@code lead-router.sla.business-hours}), as Setup's
 * BusinessHours and Holiday records describe them.
 *
 * @param zone the business hours' time zone, used when the owner's own zone is unknown or {@code
 *     ownerZone} is false
 * @param hours the weekly windows, e.g. {@code Mon-Fri 09:00-17:00}
 * @param holidays days on which no business time passes, in the clock's zone
 * @param ownerZone true to read the hours in the owner's own time zone (a rep in Berlin starts at
 *     09:00 Berlin time)
 */
public record BusinessHoursSettings(
    ZoneId zone, WorkingHours hours, List<LocalDate> holidays, boolean ownerZone) {

  public BusinessHoursSettings {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(hours, "hours");
    holidays = List.copyOf(holidays);
  }
}
