package dev.leadrouter.rules;

import static dev.leadrouter.rules.RuleMetadata.CRITERION;
import static dev.leadrouter.rules.RuleMetadata.MEMBER;
import static dev.leadrouter.rules.RuleMetadata.RULE;
import static dev.leadrouter.rules.RuleMetadata.SCORE_RULE;
import static dev.leadrouter.rules.RuleMetadata.SCORE_TIER;
import static dev.leadrouter.rules.RuleMetadata.SETTING;
import static dev.leadrouter.rules.RuleMetadata.TEAM;
import static dev.leadrouter.rules.RuleMetadata.TERRITORY;

import dev.leadrouter.config.Mode;
import dev.leadrouter.config.RuleSetDocument;
import dev.leadrouter.config.RuleSetDocument.ActionDoc;
import dev.leadrouter.config.RuleSetDocument.ChannelDoc;
import dev.leadrouter.config.RuleSetDocument.ConsentDoc;
import dev.leadrouter.config.RuleSetDocument.CriterionDoc;
import dev.leadrouter.config.RuleSetDocument.DateRangeDoc;
import dev.leadrouter.config.RuleSetDocument.MemberDoc;
import dev.leadrouter.config.RuleSetDocument.QueueDoc;
import dev.leadrouter.config.RuleSetDocument.RuleDoc;
import dev.leadrouter.config.RuleSetDocument.ScoreRuleDoc;
import dev.leadrouter.config.RuleSetDocument.ScoringDoc;
import dev.leadrouter.config.RuleSetDocument.Settings;
import dev.leadrouter.config.RuleSetDocument.TeamDoc;
import dev.leadrouter.config.RuleSetDocument.TerritoryDoc;
import dev.leadrouter.config.RuleSetDocument.TierDoc;
import dev.leadrouter.config.RuleSetDocument.UserDoc;
import dev.leadrouter.config.RuleSetProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the org's routing records into the {@link RuleSetDocument} a YAML rule file also becomes,
 * so both are checked by the same assembler. Checks here only what the records add: that
 * relationships point at records that exist, that named users exist in the org, that exactly one
 * settings record exists, that numbers are whole. Each problem names the record by its type and
 * DeveloperName, and the field by its API name.
 */
final class RecordsToDocument {

  /** What the records say, and what is wrong with them beyond what the assembler checks. */
  record Result(
      RuleSetDocument document,
      Optional<Mode> mode,
      List<RuleSetProblem> problems,
      ProblemOrigins origins) {}

  private static final Comparator<MetadataRecord> BY_NAME =
      Comparator.comparing(MetadataRecord::developerName, String.CASE_INSENSITIVE_ORDER);

  private final RuleRecords in;
  private final List<RuleSetProblem> problems = new ArrayList<>();
  private final ProblemOrigins origins = new ProblemOrigins();
  private final Map<String, OrgUser> usersById = new HashMap<>();
  private final Map<String, UserDoc> directory = new LinkedHashMap<>();
  private final Map<String, MetadataRecord> directorySource = new HashMap<>();

  private RecordsToDocument(RuleRecords in) {
    this.in = in;
    for (OrgUser user : in.users()) {
      usersById.put(user.id(), user);
      if (user.id().length() == 18) {
        usersById.put(user.id().substring(0, 15), user);
      }
    }
  }

  static Result convert(RuleRecords records) {
    return new RecordsToDocument(records).convert();
  }

  private Result convert() {
    MetadataRecord setting = setting();
    Settings settings = setting == null ? null : settings(setting);
    Optional<Mode> mode = setting == null ? Optional.empty() : mode(setting);
    List<TeamDoc> teams = teams();
    List<TerritoryDoc> territories = territories();
    List<RuleDoc> rules = rules();
    ScoringDoc scoring = scoring();
    List<QueueDoc> queues =
        in.queues().stream().map(q -> new QueueDoc(q.id(), q.developerName())).toList();
    String version = setting == null ? null : setting.text("Version__c");
    RuleSetDocument doc =
        new RuleSetDocument(
            version,
            settings,
            queues,
            List.copyOf(directory.values()),
            teams,
            territories,
            scoring,
            rules);
    return new Result(doc, mode, List.copyOf(problems), origins);
  }

  private MetadataRecord setting() {
    List<MetadataRecord> settings = in.ofType(SETTING);
    if (settings.isEmpty()) {
      problems.add(
          new RuleSetProblem(
              SETTING,
              "(records)",
              "there is no Routing Setting record; create one (e.g. Default) with the catch-all"
                  + " queue"));
      return null;
    }
    if (settings.size() > 1) {
      problems.add(
          new RuleSetProblem(
              SETTING,
              "(records)",
              "there are "
                  + settings.size()
                  + " Routing Setting records ("
                  + String.join(", ", settings.stream().map(MetadataRecord::developerName).toList())
                  + "); keep exactly one"));
    }
    MetadataRecord setting = settings.stream().sorted(BY_NAME).findFirst().orElseThrow();
    origins.record("settings", setting);
    return setting;
  }

  private Settings settings(MetadataRecord record) {
    ConsentDoc consent =
        new ConsentDoc(
            list(record.text("Opt_Out_Fields__c")),
            list(record.text("Opt_In_Countries__c")),
            record.text("Opt_In_Field__c"),
            record.text("Consent_Queue__c"));
    boolean noConsent =
        consent.optOutFields().isEmpty()
            && consent.optInCountries().isEmpty()
            && consent.optInField() == null
            && consent.queue() == null;
    ChannelDoc channel =
        new ChannelDoc(
            record.text("Deal_Registration_Field__c"),
            list(record.text("Partner_Account_Types__c")));
    boolean noChannel =
        channel.dealRegistrationField() == null && channel.partnerAccountTypes().isEmpty();
    return new Settings(
        record.text("Catch_All_Queue__c"),
        record.text("General_Queue__c"),
        record.text("Language_Field__c"),
        noConsent ? null : consent,
        noChannel ? null : channel,
        list(record.text("Holidays__c")));
  }

  private Optional<Mode> mode(MetadataRecord record) {
    String text = record.text("Mode__c");
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Mode.valueOf(text.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException unknown) {
      problem(record, "Mode__c", "'" + text + "' is not a mode (allowed: SHADOW, LIVE)");
      return Optional.empty();
    }
  }

  private List<TeamDoc> teams() {
    List<MetadataRecord> memberRecords = in.ofType(MEMBER).stream().sorted(BY_NAME).toList();
    Map<String, List<MetadataRecord>> membersByTeam = new LinkedHashMap<>();
    Index teams = new Index(TEAM, in.ofType(TEAM));
    for (MetadataRecord member : memberRecords) {
      Optional<MetadataRecord> team = teams.find(member.text("Team__c"));
      if (team.isEmpty()) {
        problem(
            member,
            "Team__c",
            member.text("Team__c") == null
                ? "a team member needs its team"
                : "'" + member.text("Team__c") + "' is not a Routing Team record");
        continue;
      }
      membersByTeam.computeIfAbsent(team.get().developerName(), k -> new ArrayList<>()).add(member);
    }
    List<TeamDoc> docs = new ArrayList<>();
    for (MetadataRecord team : teams.records().stream().sorted(BY_NAME).toList()) {
      String name = team.developerName();
      origins.record("team " + name, team);
      List<MemberDoc> members = new ArrayList<>();
      int index = 0;
      for (MetadataRecord member : membersByTeam.getOrDefault(name, List.of())) {
        index++;
        origins.item("team " + name, "members", index, member);
        String user = userReference(member, "User__c");
        members.add(
            new MemberDoc(
                user,
                whole(member, "Weight__c"),
                whole(member, "Capacity__c"),
                list(member.text("Languages__c")),
                list(member.text("Industries__c")),
                member.flag("Active__c")));
      }
      String fallback = team.text("Fallback_Team__c");
      docs.add(
          new TeamDoc(
              name,
              team.text("Strategy__c"),
              team.flag("Honour_Working_Hours__c"),
              team.flag("Match_Skills__c"),
              fallback == null
                  ? null
                  : teams.find(fallback).map(MetadataRecord::developerName).orElse(fallback),
              team.text("Fallback_Queue__c"),
              members));
    }
    return docs;
  }

  private List<TerritoryDoc> territories() {
    Index teams = new Index(TEAM, in.ofType(TEAM));
    List<TerritoryDoc> docs = new ArrayList<>();
    for (MetadataRecord territory : ordered(in.ofType(TERRITORY))) {
      origins.record("territory " + territory.developerName(), territory);
      String team = territory.text("Team__c");
      docs.add(
          new TerritoryDoc(
              territory.developerName(),
              list(territory.text("Countries__c")),
              list(territory.text("States__c")),
              list(territory.text("Postal_Codes__c")),
              team == null
                  ? null
                  : teams.find(team).map(MetadataRecord::developerName).orElse(team)));
    }
    return docs;
  }

  private List<RuleDoc> rules() {
    Index teams = new Index(TEAM, in.ofType(TEAM));
    Map<String, List<MetadataRecord>> criteria =
        criteriaBy("Rule__c", new Index(RULE, in.ofType(RULE)));
    List<RuleDoc> docs = new ArrayList<>();
    for (MetadataRecord rule : in.ofType(RULE).stream().sorted(BY_NAME).toList()) {
      String record = "rule " + rule.developerName();
      origins.record(record, rule);
      String team = rule.text("Team__c");
      String user = rule.text("User__c") == null ? null : userReference(rule, "User__c");
      BigDecimal confidence = rule.number("Min_Confidence__c");
      ActionDoc action =
          new ActionDoc(
              rule.text("Action__c"),
              team == null
                  ? null
                  : teams.find(team).map(MetadataRecord::developerName).orElse(team),
              user,
              rule.text("Queue__c"),
              confidence == null ? null : confidence.doubleValue());
      docs.add(
          new RuleDoc(
              rule.developerName(),
              whole(rule, "Order__c"),
              rule.flag("Active__c"),
              criteria(record, criteria.getOrDefault(rule.developerName(), List.of())),
              rule.text("Criteria_Logic__c"),
              action,
              rule.flag("Channel_Only__c"),
              rule.flag("Requires_Consent__c"),
              rule.flag("Shadow_Only__c"),
              whole(rule, "SLA_Minutes__c")));
    }
    return docs;
  }

  private ScoringDoc scoring() {
    Map<String, List<MetadataRecord>> criteria =
        criteriaBy("Score_Rule__c", new Index(SCORE_RULE, in.ofType(SCORE_RULE)));
    List<ScoreRuleDoc> rules = new ArrayList<>();
    for (MetadataRecord rule : ordered(in.ofType(SCORE_RULE))) {
      String record = "score rule " + rule.label();
      origins.record(record, rule);
      rules.add(
          new ScoreRuleDoc(
              rule.label(),
              rule.text("Category__c"),
              whole(rule, "Points__c"),
              criteria(record, criteria.getOrDefault(rule.developerName(), List.of())),
              rule.text("Criteria_Logic__c")));
    }
    List<TierDoc> tiers = new ArrayList<>();
    for (MetadataRecord tier : in.ofType(SCORE_TIER).stream().sorted(BY_NAME).toList()) {
      origins.record("score tier " + tier.developerName(), tier);
      tiers.add(
          new TierDoc(
              tier.developerName(), whole(tier, "Min_Score__c"), whole(tier, "SLA_Minutes__c")));
    }
    return rules.isEmpty() && tiers.isEmpty() ? null : new ScoringDoc(rules, tiers);
  }

  /** Criteria grouped by the DeveloperName of the rule they belong to. */
  private Map<String, List<MetadataRecord>> criteriaBy(String parentField, Index parents) {
    Map<String, List<MetadataRecord>> byParent = new HashMap<>();
    for (MetadataRecord criterion : in.ofType(CRITERION)) {
      String rule = criterion.text("Rule__c");
      String scoreRule = criterion.text("Score_Rule__c");
      if (parentField.equals("Rule__c") && rule == null && scoreRule == null) {
        problem(criterion, "Rule__c", "a criterion belongs to a Routing Rule or a Score Rule");
      }
      if (parentField.equals("Rule__c") && rule != null && scoreRule != null) {
        problem(criterion, "Score_Rule__c", "fill in either Routing Rule or Score Rule, not both");
      }
      String parent = criterion.text(parentField);
      if (parent == null) {
        continue;
      }
      Optional<MetadataRecord> found = parents.find(parent);
      if (found.isEmpty()) {
        problem(criterion, parentField, "'" + parent + "' is not a record of " + parents.type());
        continue;
      }
      byParent.computeIfAbsent(found.get().developerName(), k -> new ArrayList<>()).add(criterion);
    }
    return byParent;
  }

  private List<CriterionDoc> criteria(String record, List<MetadataRecord> criteria) {
    List<CriterionDoc> docs = new ArrayList<>();
    List<MetadataRecord> sorted =
        criteria.stream()
            .sorted(
                Comparator.comparing(
                        (MetadataRecord c) ->
                            c.number("Number__c") == null ? BigDecimal.ZERO : c.number("Number__c"))
                    .thenComparing(BY_NAME))
            .toList();
    int position = 0;
    for (MetadataRecord criterion : sorted) {
      position++;
      Integer number = whole(criterion, "Number__c");
      origins.item(record, "criteria", number == null ? position : number, criterion);
      String value = criterion.text("Value__c");
      docs.add(
          new CriterionDoc(
              number,
              criterion.text("Field__c"),
              criterion.text("Operator__c"),
              value == null ? List.of() : List.of(value)));
    }
    return docs;
  }

  /**
   * Checks that the user exists in the org and adds them to the directory with their time zone, and
   * the working hours and days off of their team membership.
   */
  private String userReference(MetadataRecord record, String field) {
    String id = record.text(field);
    if (id == null) {
      return null;
    }
    OrgUser user = usersById.get(id);
    if (user == null) {
      if (id.startsWith("005") && (id.length() == 15 || id.length() == 18)) {
        problem(record, field, "there is no user with id " + id + " in the org");
      }
      return id;
    }
    String hours = record.text("Working_Hours__c");
    String away = record.text("Out_Of_Office__c");
    UserDoc known = directory.get(user.id());
    if (known == null) {
      directory.put(
          user.id(),
          new UserDoc(
              user.id(), uniqueName(user), user.active(), user.timeZone(), hours, ranges(away)));
      directorySource.put(user.id(), record);
      origins.record("user " + uniqueName(user), record);
    } else if (record.type().equals(MEMBER)) {
      boolean sameHours = hours == null || hours.equals(known.workingHours());
      if (known.workingHours() == null && hours != null) {
        directory.put(
            user.id(),
            new UserDoc(
                known.id(), known.name(), known.active(), known.timeZone(), hours, ranges(away)));
      } else if (!sameHours) {
        problem(
            record,
            "Working_Hours__c",
            "user "
                + user.name()
                + " has other working hours in "
                + directorySource.get(user.id()).qualifiedName()
                + "; a user keeps the same hours in every team");
      }
    }
    return user.id();
  }

  /** Names stand for users in explanations; two users may share one in an org, ids never. */
  private String uniqueName(OrgUser user) {
    long same =
        in.users().stream().filter(u -> u.name() != null && u.name().equals(user.name())).count();
    if (user.name() == null) {
      return user.id();
    }
    return same > 1 ? user.name() + " (" + user.id() + ")" : user.name();
  }

  private static List<DateRangeDoc> ranges(String text) {
    List<DateRangeDoc> ranges = new ArrayList<>();
    for (String range : list(text)) {
      int dots = range.indexOf("..");
      ranges.add(
          dots < 0
              ? new DateRangeDoc(range, range)
              : new DateRangeDoc(
                  range.substring(0, dots).trim(), range.substring(dots + 2).trim()));
    }
    return ranges;
  }

  private Integer whole(MetadataRecord record, String field) {
    BigDecimal number;
    try {
      number = record.number(field);
    } catch (NumberFormatException notNumber) {
      problem(record, field, "'" + record.text(field) + "' is not a number");
      return null;
    }
    if (number == null) {
      return null;
    }
    try {
      return number.stripTrailingZeros().intValueExact();
    } catch (ArithmeticException notWhole) {
      problem(record, field, "must be a whole number (was " + number.toPlainString() + ")");
      return null;
    }
  }

  /** Records with an Order__c, lowest first, then by name. */
  private static List<MetadataRecord> ordered(List<MetadataRecord> records) {
    return records.stream()
        .sorted(
            Comparator.comparing(
                    (MetadataRecord r) -> {
                      Object order = r.values().get("Order__c");
                      return order == null
                          ? BigDecimal.valueOf(Long.MAX_VALUE)
                          : r.number("Order__c");
                    })
                .thenComparing(BY_NAME))
        .toList();
  }

  private void problem(MetadataRecord record, String field, String message) {
    problems.add(new RuleSetProblem(record.qualifiedName(), field, message));
  }

  /** Comma-separated values as admins type them (also one a line, or with semicolons). */
  static List<String> list(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split("[,;\\n]"))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /**
   * Records of one type found by what a relationship field holds: the DeveloperName in source files
   * and in the emulator, the record id (or QualifiedApiName) in an org's SOQL answer.
   */
  private record Index(String type, List<MetadataRecord> records) {
    Optional<MetadataRecord> find(String reference) {
      if (reference == null) {
        return Optional.empty();
      }
      return records.stream()
          .filter(
              r ->
                  r.developerName().equalsIgnoreCase(reference)
                      || reference.equals(r.values().get("Id"))
                      || reference.equals(r.values().get("QualifiedApiName")))
          .findFirst();
    }
  }
}
