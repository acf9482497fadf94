package dev.leadrouter.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.salesforce.SoqlLiteral;
import dev.leadrouter.store.LoggedDecision;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the planned decisions the org already carries: written by the last run just before it was
 * killed, before it could mark them written. A decision goes out with its own {@code Routed_At__c}
 * (its decision time, to the millisecond), so a lead showing that time and the decided owner holds
 * this very decision, and writing it again would only be a second write of the same thing.
 */
final class WrittenBeforeStop implements Worker.AlreadyWritten {

  private static final int IDS_PER_QUERY = 200;

  private final RestClient rest;

  WrittenBeforeStop(RestClient rest) {
    this.rest = rest;
  }

  @Override
  public Map<Long, Instant> among(List<LoggedDecision> planned) {
    Map<String, JsonNode> leads = new HashMap<>();
    List<String> ids = planned.stream().map(LoggedDecision::leadId).distinct().toList();
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      String in =
          ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)).stream()
              .map(SoqlLiteral::quote)
              .collect(Collectors.joining(", "));
      try (Stream<JsonNode> records =
          rest.query(
              "SELECT Id, OwnerId, Routed_At__c, SystemModstamp FROM Lead WHERE Id IN ("
                  + in
                  + ")")) {
        records.forEach(record -> leads.put(record.path("Id").asText(), record));
      }
    }
    Map<Long, Instant> written = new LinkedHashMap<>();
    for (LoggedDecision decision : planned) {
      JsonNode lead = leads.get(decision.leadId());
      if (lead == null) {
        continue;
      }
      Instant routedAt = SalesforceTimes.parse(lead.path("Routed_At__c").asText(null));
      boolean same =
          Objects.equals(routedAt, decision.decidedAt().truncatedTo(ChronoUnit.MILLIS))
              && decision.owner().id().value().equals(lead.path("OwnerId").asText());
      if (same) {
        // When the org last changed the lead: the write happened then or before.
        Instant modified = SalesforceTimes.parse(lead.path("SystemModstamp").asText(null));
        written.put(decision.id(), modified != null ? modified : routedAt);
      }
    }
    return written;
  }
}
