package dev.leadrouter.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.salesforce.SalesforceException;
import dev.leadrouter.salesforce.SoqlLiteral;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds, among the decisions a stopped worker left planned, those whose write reached Salesforce
 * before it stopped (killed between sending the batch and noting it written), and notes them
 * written instead of writing them again. Writing them again would be harmless to the owner but
 * shows in the lead's history and the change stream as a second change; with two workers taking
 * over from each other it would happen at every kill.
 *
 * <p>A write has landed when the lead carries the decision's owner and its {@code Routed_At__c} to
 * the millisecond: no other decision writes the same instant. One query per 200 planned decisions,
 * at start only. When the query fails every planned decision is written, as before.
 */
public final class LandedWrites {

  private static final Logger log = LoggerFactory.getLogger(LandedWrites.class);
  private static final int IDS_PER_QUERY = 200;
  // "2026-11-27T10:00:00.000Z" as we send it, "2026-11-27T10:00:00.000+0000" as Salesforce answers.
  private static final DateTimeFormatter SALESFORCE_DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXX", Locale.ROOT);

  private final RestClient rest;
  private final RoutingLog routingLog;
  private final Clock clock;

  @Inject
  public LandedWrites(RestClient rest, RoutingLog routingLog, Clock clock) {
    this.rest = rest;
    this.routingLog = routingLog;
    this.clock = clock;
  }

  /** Notes the landed ones written and returns the rest, still to write, in their order. */
  public List<OwnerUpdate> stillToWrite(List<OwnerUpdate> planned) {
    List<OwnerUpdate> toWrite = new ArrayList<>();
    int landed = 0;
    for (int start = 0; start < planned.size(); start += IDS_PER_QUERY) {
      List<OwnerUpdate> chunk =
          planned.subList(start, Math.min(planned.size(), start + IDS_PER_QUERY));
      Map<String, JsonNode> leads;
      try {
        leads = leads(chunk);
      } catch (SalesforceException unreadable) {
        log.warn(
            "could not check whether {} planned owner updates already landed ({}); writing them",
            chunk.size(),
            unreadable.getMessage());
        toWrite.addAll(chunk);
        continue;
      }
      for (OwnerUpdate update : chunk) {
        if (hasLanded(update, leads.get(update.leadId())) && notedWritten(update)) {
          landed++;
        } else {
          toWrite.add(update);
        }
      }
    }
    if (landed > 0) {
      log.info(
          "{} of {} planned owner updates had reached Salesforce before the last worker stopped;"
              + " noted written, not sent again",
          landed,
          planned.size());
    }
    return toWrite;
  }

  private Map<String, JsonNode> leads(List<OwnerUpdate> chunk) {
    String ids =
        chunk.stream()
            .map(update -> SoqlLiteral.quote(update.leadId()))
            .collect(Collectors.joining(", "));
    Map<String, JsonNode> byId = new HashMap<>();
    try (var records =
        rest.query("SELECT Id, OwnerId, Routed_At__c FROM Lead WHERE Id IN (" + ids + ")")) {
      records.forEach(record -> byId.put(record.path("Id").asText(), record));
    }
    return byId;
  }

  private static boolean hasLanded(OwnerUpdate update, JsonNode lead) {
    if (lead == null || !update.ownerId().equals(lead.path("OwnerId").asText(null))) {
      return false;
    }
    String routedAt = lead.path("Routed_At__c").asText(null);
    if (routedAt == null) {
      return false;
    }
    try {
      Instant written = OffsetDateTime.parse(routedAt, SALESFORCE_DATE_TIME).toInstant();
      return written.toEpochMilli() == update.routedAt().toEpochMilli();
    } catch (DateTimeParseException unexpected) {
      return false;
    }
  }

  private boolean notedWritten(OwnerUpdate update) {
    try {
      routingLog.markWritten(update.decisionId(), clock.instant());
      return true;
    } catch (StoreException failed) {
      // Written again then, which is harmless.
      return false;
    }
  }
}
