package dev.leadrouter.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.salesforce.SoqlLiteral;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the routing records, and the users and queues they name, from the org by SOQL: one query
 * per metadata type, one for queues, and the named users in chunks; each query is one API call.
 *
 * <p>Custom Metadata is read with SOQL as any sObject, see
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_methods_system_custom_metadata_types.htm
 */
public final class OrgRuleSetReader {

  /** Ids per User query, so the query stays well below the URL length limit. */
  static final int USERS_PER_QUERY = 200;

  private final RestClient rest;

  @Inject
  public OrgRuleSetReader(RestClient rest) {
    this.rest = Objects.requireNonNull(rest, "rest");
  }

  /**
   * @throws dev.leadrouter.salesforce.SalesforceException when the org cannot be asked, e.g. the
   *     metadata types are not deployed (INVALID_TYPE)
   */
  public RuleRecords read() {
    List<MetadataRecord> records = new ArrayList<>();
    for (String type : RuleMetadata.TYPES) {
      String soql =
          "SELECT Id, DeveloperName, MasterLabel, "
              + String.join(", ", RuleMetadata.fields(type))
              + " FROM "
              + type;
      rest.query(soql).forEach(row -> records.add(record(type, row)));
    }
    List<OrgQueue> queues =
        rest.query("SELECT Id, DeveloperName FROM Group WHERE Type = 'Queue'")
            .map(row -> new OrgQueue(row.path("Id").asText(), row.path("DeveloperName").asText()))
            .toList();
    return new RuleRecords(records, users(userIds(records)), queues);
  }

  private List<OrgUser> users(Set<String> ids) {
    List<OrgUser> users = new ArrayList<>();
    List<String> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += USERS_PER_QUERY) {
      String in =
          all.subList(from, Math.min(all.size(), from + USERS_PER_QUERY)).stream()
              .map(SoqlLiteral::quote)
              .collect(Collectors.joining(", "));
      rest.query("SELECT Id, Name, IsActive, TimeZoneSidKey FROM User WHERE Id IN (" + in + ")")
          .forEach(
              row ->
                  users.add(
                      new OrgUser(
                          row.path("Id").asText(),
                          row.path("Name").isNull() ? null : row.path("Name").asText(),
                          row.path("IsActive").asBoolean(false),
                          row.path("TimeZoneSidKey").isNull()
                              ? null
                              : row.path("TimeZoneSidKey").asText(null))));
    }
    return users;
  }

  /** Ids that look like user ids; others are reported by the checks, not sent to SOQL. */
  private static Set<String> userIds(List<MetadataRecord> records) {
    Set<String> ids = new LinkedHashSet<>();
    for (MetadataRecord record : records) {
      if (record.type().equals(RuleMetadata.MEMBER) || record.type().equals(RuleMetadata.RULE)) {
        String id = record.text("User__c");
        if (id != null && id.matches("005[A-Za-z0-9]{12}([A-Za-z0-9]{3})?")) {
          ids.add(id);
        }
      }
    }
    return ids;
  }

  static MetadataRecord record(String type, JsonNode row) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("Id", row.path("Id").asText(null));
    for (String field : RuleMetadata.fields(type)) {
      values.put(field, value(row.get(field)));
    }
    return new MetadataRecord(
        type,
        row.path("DeveloperName").asText(),
        row.path("MasterLabel").isMissingNode() || row.path("MasterLabel").isNull()
            ? null
            : row.path("MasterLabel").asText(),
        values);
  }

  private static Object value(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return new BigDecimal(node.asText());
    }
    if (node.isObject()) {
      // A relationship selected as an object (Rule__r): its DeveloperName names the record.
      JsonNode name = node.path("DeveloperName");
      return name.isTextual() ? name.asText() : null;
    }
    return node.asText();
  }
}
