package dev.leadrouter.rules;

import dev.leadrouter.config.RuleSetProblem;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates problems the shared assembler names in rule-file terms ({@code rule Enterprise_Team},
 * {@code criteria[2].operator}) into the record and field an admin opens in Setup ({@code
 * Routing_Criterion__mdt.Enterprise_Team_2}, {@code Operator__c}).
 */
final class ProblemOrigins {

  private static final Pattern ITEM =
      Pattern.compile("(criteria|members|outOfOffice)\\[(\\d+)\\]\\.?\\s*(.*)");

  private static final Map<String, String> RULE =
      Map.of(
          "name", "DeveloperName",
          "logic", "Criteria_Logic__c",
          "action.type", "Action__c",
          "action.team", "Team__c",
          "action.user", "User__c",
          "action.queue", "Queue__c",
          "action.minConfidence", "Min_Confidence__c",
          "slaMinutes", "SLA_Minutes__c");
  private static final Map<String, String> CRITERION =
      Map.of(
          "field",
          "Field__c",
          "operator",
          "Operator__c",
          "value",
          "Value__c",
          "number",
          "Number__c");
  private static final Map<String, String> TEAM =
      Map.of(
          "name", "DeveloperName",
          "strategy", "Strategy__c",
          "fallbackTeam", "Fallback_Team__c",
          "fallbackQueue", "Fallback_Queue__c",
          "members", "(its Routing_Team_Member__mdt records)");
  private static final Map<String, String> MEMBER =
      Map.of("user", "User__c", "weight", "Weight__c", "capacity", "Capacity__c");
  private static final Map<String, String> TERRITORY =
      Map.of(
          "name", "DeveloperName",
          "countries", "Countries__c",
          "team", "Team__c",
          "postalCodes", "Postal_Codes__c");
  private static final Map<String, String> SCORE_RULE =
      Map.of("category", "Category__c", "points", "Points__c", "logic", "Criteria_Logic__c");
  private static final Map<String, String> TIER =
      Map.of("name", "DeveloperName", "minScore", "Min_Score__c", "slaMinutes", "SLA_Minutes__c");
  private static final Map<String, String> SETTING =
      Map.of(
          "catchAllQueue", "Catch_All_Queue__c",
          "generalQueue", "General_Queue__c",
          "holidays", "Holidays__c",
          "consent.queue", "Consent_Queue__c",
          "consent.optInCountries", "Opt_In_Countries__c",
          "consent.optInField", "Opt_In_Field__c");
  private static final Map<String, String> USER =
      Map.of(
          "workingHours", "Working_Hours__c",
          "outOfOffice", "Out_Of_Office__c",
          "id", "User__c",
          "name", "User__c");

  /** Assembler record name (and "#criteria[2]" style items) to the record it came from. */
  private final Map<String, String> origins = new HashMap<>();

  void record(String assemblerRecord, MetadataRecord from) {
    origins.put(assemblerRecord, from.qualifiedName());
  }

  void item(String assemblerRecord, String list, int index, MetadataRecord from) {
    origins.put(assemblerRecord + "#" + list + "[" + index + "]", from.qualifiedName());
  }

  /**
   * The problems in record terms; a problem already reported for the same record and field once.
   */
  List<RuleSetProblem> translate(List<RuleSetProblem> own, List<RuleSetProblem> assembler) {
    Set<RuleSetProblem> out = new LinkedHashSet<>(own);
    Set<String> ownFields = new HashSet<>();
    own.forEach(p -> ownFields.add(p.record() + "/" + p.field()));
    for (RuleSetProblem problem : assembler) {
      RuleSetProblem translated = translate(problem);
      // e.g. an unknown user id: said once by the reader, in org terms, not again as "not listed".
      if (!ownFields.contains(translated.record() + "/" + translated.field())) {
        out.add(translated);
      }
    }
    return List.copyOf(out);
  }

  RuleSetProblem translate(RuleSetProblem problem) {
    String record = problem.record();
    String field = problem.field();
    Map<String, String> fields = fieldsOf(record);
    Matcher item = ITEM.matcher(field);
    if (item.matches()) {
      String list = item.group(1);
      String rest = item.group(3);
      String origin = origins.get(record + "#" + list + "[" + item.group(2) + "]");
      if (origin != null) {
        Map<String, String> itemFields = list.equals("members") ? MEMBER : CRITERION;
        return new RuleSetProblem(
            origin,
            itemFields.getOrDefault(rest, rest.isEmpty() ? "(record)" : rest),
            problem.message());
      }
      if (list.equals("outOfOffice")) {
        field = "outOfOffice";
      }
    }
    String origin = origins.get(record);
    if (origin == null) {
      return problem;
    }
    return new RuleSetProblem(origin, fields.getOrDefault(field, field), problem.message());
  }

  private static Map<String, String> fieldsOf(String record) {
    if (record.startsWith("rule ")) {
      return RULE;
    }
    if (record.startsWith("team ")) {
      return TEAM;
    }
    if (record.startsWith("territory ")) {
      return TERRITORY;
    }
    if (record.startsWith("score rule ")) {
      return SCORE_RULE;
    }
    if (record.startsWith("score tier ")) {
      return TIER;
    }
    if (record.startsWith("user ")) {
      return USER;
    }
    return record.equals("settings") ? SETTING : Map.of();
  }
}
