package dev.leadrouter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadrouter.criteria.CriteriaSet;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.RoutingPolicy;
import dev.leadrouter.route.RoutingRule;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.score.ScoreRule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Reads the org's leads created since a moment, with the standard fields routing looks at and every
 * custom field the rules and policies name, as the dry run needs them.
 */
final class OrgLeads {

  private static final List<String> STANDARD =
      List.of(
          "Id",
          "OwnerId",
          "CreatedDate",
          "FirstName",
          "LastName",
          "Title",
          "Company",
          "Email",
          "Phone",
          "Website",
          "State",
          "Country",
          "PostalCode",
          "LeadSource",
          "Industry",
          "NumberOfEmployees",
          "AnnualRevenue");

  private final RestClient rest;

  OrgLeads(RestClient rest) {
    this.rest = rest;
  }

  List<HistoricLead> since(Instant start, RuleSet rules, IntConsumer progress) {
    String soql =
        "SELECT "
            + String.join(", ", fields(rules))
            + " FROM Lead WHERE CreatedDate >= "
            + start.truncatedTo(ChronoUnit.SECONDS)
            + " ORDER BY CreatedDate";
    List<HistoricLead> leads = new ArrayList<>();
    try (Stream<JsonNode> records = rest.query(soql)) {
      records.forEach(
          record -> {
            leads.add(lead(record));
            if (leads.size() % 1_000 == 0) {
              progress.accept(leads.size());
            }
          });
    }
    progress.accept(leads.size());
    return leads;
  }

  /** Field names once each, whatever their case; standard fields first. */
  static List<String> fields(RuleSet rules) {
    Map<String, String> fields = new TreeMap<>();
    List<String> ordered = new ArrayList<>();
    List<String> named = new ArrayList<>(STANDARD);
    List<CriteriaSet> criteria = new ArrayList<>();
    rules.rules().stream().map(RoutingRule::when).forEach(criteria::add);
    rules.scoring().rules().stream().map(ScoreRule::when).forEach(criteria::add);
    for (CriteriaSet set : criteria) {
      for (String field : set.fields()) {
        if (field.toLowerCase(Locale.ROOT).endsWith("__c")) {
          named.add(field);
        }
      }
    }
    RoutingPolicy policy = rules.policy();
    named.addAll(policy.consent().optOutFields());
    named.add(policy.consent().optInField());
    named.add(policy.channel().dealRegistrationField());
    named.add(policy.languageField());
    for (String field : named) {
      if (field != null
          && !field.isBlank()
          && fields.putIfAbsent(field.toLowerCase(Locale.ROOT), field) == null) {
        ordered.add(field);
      }
    }
    return ordered;
  }

  private static HistoricLead lead(JsonNode record) {
    Map<String, String> fields = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> entries = record.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
        fields.put(entry.getKey(), entry.getValue().asText());
      }
    }
    return new HistoricLead(
        Lead.of(record.get("Id").asText(), fields),
        SalesforceId.parse(fields.get("OwnerId")).orElse(null),
        LeadCsv.created(fields.get("CreatedDate")));
  }
}
