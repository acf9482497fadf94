package dev.leadrouter.route;

import dev.leadrouter.lead.SalesforceId;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A Salesforce user who can own leads, with what decides whether they can take one now.
 *
 * @param timeZone the user's TimeZoneSidKey; working hours and holidays are read in it
 */
public record Rep(
    SalesforceId id,
    String name,
    boolean active,
    ZoneId timeZone,
    WorkingHours workingHours,
    List<DateRange> outOfOffice) {

  public Rep {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(timeZone, "timeZone");
    name = name == null ? id.value() : name;
    workingHours = workingHours == null ? WorkingHours.ALWAYS : workingHours;
    outOfOffice = List.copyOf(outOfOffice);
  }

  public Owner asOwner() {
    return Owner.user(id, name);
  }
}
