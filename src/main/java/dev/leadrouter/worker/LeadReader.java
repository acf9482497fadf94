package dev.leadrouter.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadrouter.criteria.CriteriaSet;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.route.RoutingRule;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.salesforce.SoqlLiteral;
import dev.leadrouter.score.ScoreRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Re-reads leads by query when their change event carried no field values (a gap event): the
 * standard fields routing looks at, and every custom field the rules name.
 */
final class LeadReader {

  private static final List<String> STANDARD =
      List.of(
          "Id",
          "FirstName",
          "LastName",
          "Title",
          "Company",
          "Email",
          "Phone",
          "Website",
          "Street",
          "City",
          "State",
          "StateCode",
          "PostalCode",
          "Country",
          "CountryCode",
          "Status",
          "LeadSource",
          "Industry",
          "Rating",
          "NumberOfEmployees",
          "AnnualRevenue");

  /** Ids per query, so the query stays far below SOQL's length limit. */
  private static final int IDS_PER_QUERY = 200;

  private final RestClient rest;

  LeadReader(RestClient rest) {
    this.rest = rest;
  }

  List<Lead> read(List<String> ids, RuleSet rules) {
    String fields = String.join(", ", fields(rules));
    List<Lead> leads = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      String in =
          ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)).stream()
              .map(SoqlLiteral::quote)
              .collect(Collectors.joining(", "));
      rest.query("SELECT " + fields + " FROM Lead WHERE Id IN (" + in + ")")
          .map(LeadReader::lead)
          .forEach(leads::add);
    }
    return leads;
  }

  /** A lead found by {@link #changedIn}: its routing fields, and what reconciliation looks at. */
  record Found(Lead lead, Instant createdAt, Instant changedAt, boolean converted) {}

  /** Read besides the routing fields, and kept out of the lead routed. */
  private static final List<String> BOOKKEEPING =
      List.of("CreatedDate", "SystemModstamp", "IsConverted");

  /** Leads created or changed in the window, oldest first, page by page (query and queryMore). */
  List<Found> changedIn(ReconciliationWindow window, RuleSet rules) {
    List<String> fields = new ArrayList<>(fields(rules));
    fields.addAll(BOOKKEEPING);
    List<Found> found = new ArrayList<>();
    try (Stream<JsonNode> records = rest.query(window.soql("Lead", fields))) {
      records.forEach(
          record -> {
            Lead lead = lead(record);
            Map<String, String> routingFields = new LinkedHashMap<>(lead.fields());
            BOOKKEEPING.forEach(routingFields::remove);
            found.add(
                new Found(
                    Lead.of(lead.id(), routingFields),
                    SalesforceTimes.parse(text(record, "CreatedDate")),
                    SalesforceTimes.parse(text(record, "SystemModstamp")),
                    "true".equalsIgnoreCase(text(record, "IsConverted"))));
          });
    }
    return found;
  }

  private static String text(JsonNode record, String field) {
    JsonNode value = record.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Set<String> fields(RuleSet rules) {
    Set<String> fields = new LinkedHashSet<>(STANDARD);
    List<CriteriaSet> criteria = new ArrayList<>();
    rules.rules().stream().map(RoutingRule::when).forEach(criteria::add);
    rules.scoring().rules().stream().map(ScoreRule::when).forEach(criteria::add);
    for (CriteriaSet set : criteria) {
      for (String field : set.fields()) {
        if (field.toLowerCase(Locale.ROOT).endsWith("__c")) {
          fields.add(field);
        }
      }
    }
    return fields;
  }

  private static Lead lead(JsonNode record) {
    Map<String, String> fields = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> entries = record.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
        fields.put(entry.getKey(), entry.getValue().asText());
      }
    }
    return Lead.of(record.get("Id").asText(), fields);
  }
}
