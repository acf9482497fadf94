package dev.leadrouter.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.salesforce.SoqlLiteral;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Asks the org who owns leads now, and what those owners are called, by SOQL in chunks. */
final class OrgOwners {

  /**
   * Ids per query. 200 ids make a query of about 4,400 characters, far below SOQL's 100,000, and
   * one query page holds every row, so a chunk costs one API call.
   */
  static final int CHUNK = 200;

  private final RestClient rest;

  OrgOwners(RestClient rest) {
    this.rest = rest;
  }

  /**
   * The owner of each lead the org still has; leads it no longer has are absent.
   *
   * @param done told the number of leads asked for so far, after each chunk
   */
  Map<SalesforceId, SalesforceId> ownersOf(List<SalesforceId> leads, IntConsumer done) {
    Map<SalesforceId, SalesforceId> owners = new HashMap<>();
    int asked = 0;
    for (List<SalesforceId> chunk : chunks(leads)) {
      try (Stream<JsonNode> rows =
          rest.query("SELECT Id, OwnerId FROM Lead WHERE Id IN (" + literals(chunk) + ")")) {
        rows.forEach(
            row ->
                SalesforceId.parse(row.path("Id").asText(null))
                    .ifPresent(
                        lead ->
                            SalesforceId.parse(row.path("OwnerId").asText(null))
                                .ifPresent(owner -> owners.put(lead, owner))));
      }
      asked += chunk.size();
      done.accept(asked);
    }
    return owners;
  }

  /** Names of users and queues by id, as far as the org has them. */
  Map<SalesforceId, String> namesOf(Collection<SalesforceId> owners) {
    Map<SalesforceId, String> names = new HashMap<>();
    List<SalesforceId> users = owners.stream().filter(SalesforceId::isUser).distinct().toList();
    List<SalesforceId> queues = owners.stream().filter(SalesforceId::isQueue).distinct().toList();
    names.putAll(names("User", users));
    names.putAll(names("Group", queues));
    return names;
  }

  private Map<SalesforceId, String> names(String sObject, List<SalesforceId> ids) {
    Map<SalesforceId, String> names = new HashMap<>();
    for (List<SalesforceId> chunk : chunks(ids)) {
      try (Stream<JsonNode> rows =
          rest.query(
              "SELECT Id, Name FROM " + sObject + " WHERE Id IN (" + literals(chunk) + ")")) {
        rows.forEach(
            row ->
                SalesforceId.parse(row.path("Id").asText(null))
                    .ifPresent(id -> names.put(id, row.path("Name").asText(id.value()))));
      }
    }
    return names;
  }

  private static List<List<SalesforceId>> chunks(List<SalesforceId> ids) {
    List<List<SalesforceId>> chunks = new ArrayList<>();
    for (int start = 0; start < ids.size(); start += CHUNK) {
      chunks.add(ids.subList(start, Math.min(ids.size(), start + CHUNK)));
    }
    return chunks;
  }

  private static String literals(List<SalesforceId> ids) {
    return ids.stream().map(id -> SoqlLiteral.quote(id.value())).collect(Collectors.joining(", "));
  }
}
