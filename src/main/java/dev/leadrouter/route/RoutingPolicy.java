package dev.leadrouter.route;

import dev.leadrouter.lead.FieldSource;
import dev.leadrouter.lead.SalesforceId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * Settings that hold across all rules.
 *
 * @param catchAllQueue the last stop of every waterfall: no lead is ever left without an owner
 * @param generalQueue where a lead goes when its rule's team path is exhausted (falls back to the
 *     catch-all when not set)
 * @param languageField the lead field holding the lead's language, for skills matching
 * @param holidays days off, applied in each rep's own time zone
 */
public record RoutingPolicy(
    SalesforceId catchAllQueue,
    SalesforceId generalQueue,
    String languageField,
    ConsentPolicy consent,
    ChannelPolicy channel,
    Set<LocalDate> holidays) {

  public RoutingPolicy {
    Objects.requireNonNull(catchAllQueue, "catchAllQueue");
    consent = consent == null ? ConsentPolicy.NONE : consent;
    channel = channel == null ? ChannelPolicy.NONE : channel;
    holidays = Set.copyOf(holidays);
    languageField = FieldSource.key(languageField);
  }
}
