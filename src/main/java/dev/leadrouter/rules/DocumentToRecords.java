package dev.leadrouter.rules;

import static dev.leadrouter.rules.RuleMetadata.CRITERION;
import static dev.leadrouter.rules.RuleMetadata.MEMBER;
import static dev.leadrouter.rules.RuleMetadata.RULE;
import static dev.leadrouter.rules.RuleMetadata.SCORE_RULE;
import static dev.leadrouter.rules.RuleMetadata.SCORE_TIER;
import static dev.leadrouter.rules.RuleMetadata.SETTING;
import static dev.leadrouter.rules.RuleMetadata.TEAM;
import static dev.leadrouter.rules.RuleMetadata.TERRITORY;

import dev.leadrouter.config.RuleSetDocument;
import dev.leadrouter.config.RuleSetDocument.ActionDoc;
import dev.leadrouter.config.RuleSetDocument.ConsentDoc;
import dev.leadrouter.config.RuleSetDocument.CriterionDoc;
import dev.leadrouter.config.RuleSetDocument.DateRangeDoc;
import dev.leadrouter.config.RuleSetDocument.MemberDoc;
import dev.leadrouter.config.RuleSetDocument.RuleDoc;
import dev.leadrouter.config.RuleSetDocument.ScoreRuleDoc;
import dev.leadrouter.config.RuleSetDocument.Settings;
import dev.leadrouter.config.RuleSetDocument.TeamDoc;
import dev.leadrouter.config.RuleSetDocument.TerritoryDoc;
import dev.leadrouter.config.RuleSetDocument.TierDoc;
import dev.leadrouter.config.RuleSetDocument.UserDoc;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Writes a rule set document (a YAML rule file) as the Custom Metadata records admins deploy, so a
 * rule set kept in git can be moved into an org and back. Users named by name are written by id
 * (records can only hold ids); a user's working hours and days off go on their team memberships.
 */
public final class DocumentToRecords {

  /** A rule set that records cannot express, e.g. a list value that itself holds a comma. */
  public static final class NotExportableException extends IllegalArgumentException {
    NotExportableException(String message) {
      super(message);
    }
  }

  private final List<MetadataRecord> records = new ArrayList<>();
  private final Map<String, UserDoc> usersByName = new HashMap<>();
  private final Map<String, UserDoc> usersById = new HashMap<>();

  private DocumentToRecords(RuleSetDocument doc) {
    for (UserDoc user : orEmpty(doc.users())) {
      if (user.name() != null) {
        usersByName.put(user.name().trim(), user);
      }
      if (user.id() != null) {
        usersById.put(user.id().trim(), user);
      }
    }
  }

  /** The records for the document, in type order. */
  public static List<MetadataRecord> convert(RuleSetDocument doc) {
    DocumentToRecords out = new DocumentToRecords(doc);
    out.settings(doc.version(), doc.settings());
    out.teams(doc.teams());
    out.territories(doc.territories());
    out.rules(doc.rules());
    if (doc.scoring() != null) {
      out.scoreRules(doc.scoring().rules());
      out.tiers(doc.scoring().tiers());
    }
    return List.copyOf(out.records);
  }

  private void settings(String version, Settings settings) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("Mode__c", "SHADOW");
    values.put("Version__c", version);
    if (settings != null) {
      values.put("Catch_All_Queue__c", settings.catchAllQueue());
      values.put("General_Queue__c", settings.generalQueue());
      values.put("Language_Field__c", settings.languageField());
      values.put("Holidays__c", joined("settings.holidays", settings.holidays()));
      ConsentDoc consent = settings.consent();
      if (consent != null) {
        values.put("Opt_Out_Fields__c", joined("consent.optOutFields", consent.optOutFields()));
        values.put(
            "Opt_In_Countries__c", joined("consent.optInCountries", consent.optInCountries()));
        values.put("Opt_In_Field__c", consent.optInField());
        values.put("Consent_Queue__c", consent.queue());
      }
      if (settings.channel() != null) {
        values.put("Deal_Registration_Field__c", settings.channel().dealRegistrationField());
        values.put(
            "Partner_Account_Types__c",
            joined("channel.partnerAccountTypes", settings.channel().partnerAccountTypes()));
      }
    }
    add(SETTING, "Default", "Default", values);
  }

  private void teams(List<TeamDoc> teams) {
    for (TeamDoc team : orEmpty(teams)) {
      String name = developerName("team", team.name());
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("Strategy__c", team.strategy() == null ? "round_robin" : lower(team.strategy()));
      values.put(
          "Honour_Working_Hours__c",
          team.honourWorkingHours() == null || team.honourWorkingHours());
      values.put("Match_Skills__c", Boolean.TRUE.equals(team.matchSkills()));
      values.put(
          "Fallback_Team__c",
          team.fallbackTeam() == null ? null : developerName("team", team.fallbackTeam()));
      values.put("Fallback_Queue__c", team.fallbackQueue());
      add(TEAM, name, team.name(), values);
      int position = 0;
      List<MemberDoc> members = orEmpty(team.members());
      for (MemberDoc member : members) {
        position++;
        member(name, position, members.size(), member);
      }
    }
  }

  private void member(String team, int position, int count, MemberDoc member) {
    UserDoc user = user(member.user());
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("Team__c", team);
    values.put("User__c", user == null ? member.user() : user.id());
    values.put("Weight__c", number(member.weight()));
    values.put("Capacity__c", number(member.capacity()));
    values.put("Languages__c", joined("languages", member.languages()));
    values.put("Industries__c", joined("industries", member.industries()));
    values.put("Active__c", member.active() == null || member.active());
    values.put("Working_Hours__c", user == null ? null : user.workingHours());
    values.put("Out_Of_Office__c", user == null ? null : outOfOffice(user.outOfOffice()));
    // Zero-padded so that members keep their order when sorted by name, as the reader does.
    String digits = count >= 100 ? "%03d" : "%02d";
    String suffix = "_" + String.format(Locale.ROOT, digits, position);
    String base =
        team.length() + suffix.length() > DeveloperNames.MAX_LENGTH
            ? team.substring(0, DeveloperNames.MAX_LENGTH - suffix.length())
            : team;
    String label = team + " " + (user == null || user.name() == null ? member.user() : user.name());
    add(MEMBER, base + suffix, DeveloperNames.label(label), values);
  }

  private void territories(List<TerritoryDoc> territories) {
    int position = 0;
    for (TerritoryDoc territory : orEmpty(territories)) {
      position++;
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("Order__c", BigDecimal.valueOf(position * 10L));
      values.put("Countries__c", joined("countries", territory.countries()));
      values.put("States__c", joined("states", territory.states()));
      values.put("Postal_Codes__c", joined("postalCodes", territory.postalCodes()));
      values.put(
          "Team__c", territory.team() == null ? null : developerName("team", territory.team()));
      add(TERRITORY, developerName("territory", territory.name()), territory.name(), values);
    }
  }

  private void rules(List<RuleDoc> rules) {
    int position = 0;
    for (RuleDoc rule : orEmpty(rules)) {
      position++;
      String name = developerName("rule", rule.name());
      ActionDoc action = rule.action();
      Map<String, Object> values = new LinkedHashMap<>();
      values.put(
          "Order__c", BigDecimal.valueOf(rule.order() == null ? position * 10L : rule.order()));
      values.put("Active__c", rule.active() == null || rule.active());
      values.put("Criteria_Logic__c", rule.logic());
      values.put("Action__c", action == null ? null : actionType(action.type()));
      values.put(
          "Team__c",
          action == null || action.team() == null ? null : developerName("team", action.team()));
      values.put("Queue__c", action == null ? null : action.queue());
      UserDoc user = action == null ? null : user(action.user());
      values.put("User__c", user != null ? user.id() : action == null ? null : action.user());
      values.put(
          "Min_Confidence__c",
          action == null || action.minConfidence() == null
              ? null
              : BigDecimal.valueOf(action.minConfidence()));
      values.put("SLA_Minutes__c", number(rule.slaMinutes()));
      values.put("Shadow_Only__c", Boolean.TRUE.equals(rule.shadowOnly()));
      values.put("Channel_Only__c", Boolean.TRUE.equals(rule.channel()));
      values.put("Requires_Consent__c", Boolean.TRUE.equals(rule.requiresConsent()));
      add(RULE, name, rule.name(), values);
      criteria("Rule__c", name, name, rule.criteria());
    }
  }

  private void scoreRules(List<ScoreRuleDoc> rules) {
    int position = 0;
    for (ScoreRuleDoc rule : orEmpty(rules)) {
      position++;
      if (rule.name() != null && rule.name().trim().length() > DeveloperNames.MAX_LENGTH) {
        throw new NotExportableException(
            "score rule '" + rule.name() + "': a record label holds at most 40 characters");
      }
      String name = developerName("score rule", rule.name());
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("Order__c", BigDecimal.valueOf(position * 10L));
      values.put("Category__c", rule.category() == null ? "fit" : lower(rule.category()));
      values.put("Points__c", number(rule.points()));
      values.put("Criteria_Logic__c", rule.logic());
      add(SCORE_RULE, name, rule.name(), values);
      criteria("Score_Rule__c", name, "Score_" + name, rule.criteria());
    }
  }

  private void criteria(String parentField, String parent, String prefix, List<CriterionDoc> docs) {
    int position = 0;
    for (CriterionDoc criterion : orEmpty(docs)) {
      position++;
      int number = criterion.number() == null ? position : criterion.number();
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("Rule__c", parentField.equals("Rule__c") ? parent : null);
      values.put("Score_Rule__c", parentField.equals("Score_Rule__c") ? parent : null);
      values.put("Number__c", BigDecimal.valueOf(number));
      values.put("Field__c", criterion.field());
      values.put("Operator__c", criterion.operator() == null ? null : lower(criterion.operator()));
      values.put("Value__c", joined(parent + " criterion " + number, criterion.value()));
      String suffix = "_" + number;
      String base =
          prefix.length() + suffix.length() > DeveloperNames.MAX_LENGTH
              ? prefix.substring(0, DeveloperNames.MAX_LENGTH - suffix.length())
              : prefix;
      add(CRITERION, DeveloperNames.of(base + suffix), parent + " " + number, values);
    }
  }

  private void tiers(List<TierDoc> tiers) {
    for (TierDoc tier : orEmpty(tiers)) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("Min_Score__c", number(tier.minScore()));
      values.put("SLA_Minutes__c", number(tier.slaMinutes()));
      add(SCORE_TIER, developerName("score tier", tier.name()), tier.name(), values);
    }
  }

  private void add(String type, String name, String label, Map<String, Object> values) {
    for (MetadataRecord existing : records) {
      if (existing.type().equals(type) && existing.developerName().equalsIgnoreCase(name)) {
        throw new NotExportableException(
            type + ": two records would share the API name " + name + "; rename one");
      }
    }
    records.add(
        new MetadataRecord(type, name, DeveloperNames.label(label == null ? name : label), values));
  }

  private UserDoc user(String reference) {
    if (reference == null) {
      return null;
    }
    UserDoc byName = usersByName.get(reference.trim());
    return byName != null ? byName : usersById.get(reference.trim());
  }

  private static String developerName(String kind, String name) {
    if (name == null || name.isBlank()) {
      throw new NotExportableException("a " + kind + " without a name cannot be a record");
    }
    return DeveloperNames.of(name);
  }

  private static String actionType(String type) {
    if (type == null) {
      return null;
    }
    String key = lower(type.trim()).replace("_", "");
    return switch (key) {
      case "accountowner" -> "accountOwner";
      case "existingowner", "duplicate" -> "existingOwner";
      default -> key;
    };
  }

  private static String outOfOffice(List<DateRangeDoc> ranges) {
    if (ranges == null || ranges.isEmpty()) {
      return null;
    }
    return ranges.stream()
        .map(r -> r.to() == null || r.to().equals(r.from()) ? r.from() : r.from() + ".." + r.to())
        .collect(Collectors.joining(", "));
  }

  /** Lists are written comma-separated, as admins type them; an item with a comma cannot be. */
  private static String joined(String what, List<String> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    for (String value : values) {
      if (value != null && value.contains(",") && values.size() > 1) {
        throw new NotExportableException(
            what + ": the value '" + value + "' holds a comma, which a record cannot keep apart");
      }
    }
    return values.stream()
        .filter(Objects::nonNull)
        .map(String::trim)
        .collect(Collectors.joining(", "));
  }

  private static BigDecimal number(Integer value) {
    return value == null ? null : BigDecimal.valueOf(value);
  }

  private static String lower(String text) {
    return text.trim().toLowerCase(Locale.ROOT);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
