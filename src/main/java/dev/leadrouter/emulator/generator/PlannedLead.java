package dev.leadrouter.emulator.generator;

import java.util.Map;

/**
 * A lead the generator will submit.
 *
 * @param sequence its place in the run, 0-based
 * @param kind what it stands for: {@code account-domain}, {@code new-company}, {@code free-mail},
 *     {@code duplicate}, {@code resubmission}, {@code partner}; webinar leads are {@code
 *     webinar:<kind>}
 * @param dirty whether its data was made messy (casing, spaces, country aliases, bad phone)
 * @param fields the Lead fields it is created with
 */
public record PlannedLead(int sequence, String kind, boolean dirty, Map<String, Object> fields) {

  public PlannedLead {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }

  public boolean webinar() {
    return kind.startsWith("webinar:");
  }
}
