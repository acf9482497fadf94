package dev.leadrouter.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;

/**
 * A rule set as written by people: the shape of the YAML rule file, and the shape the Custom
 * Metadata records are converted to. Everything is optional here; {@link RuleSetAssembler} checks
 * it and builds the typed model, naming the record and field of every problem.
 *
 * <p>Users and queues may be referred to by id or by name.
 */
public record RuleSetDocument(
    String version,
    Settings settings,
    List<QueueDoc> queues,
    List<UserDoc> users,
    List<TeamDoc> teams,
    List<TerritoryDoc> territories,
    ScoringDoc scoring,
    List<RuleDoc> rules) {

  /** Global settings. */
  public record Settings(
      String catchAllQueue,
      String generalQueue,
      String languageField,
      ConsentDoc consent,
      ChannelDoc channel,
      List<String> holidays) {}

  /** Consent policy. */
  public record ConsentDoc(
      List<String> optOutFields, List<String> optInCountries, String optInField, String queue) {}

  /** Channel policy. */
  public record ChannelDoc(String dealRegistrationField, List<String> partnerAccountTypes) {}

  /** A queue. */
  public record QueueDoc(String id, String name) {}

  /** A user who may own leads. */
  public record UserDoc(
      String id,
      String name,
      Boolean active,
      String timeZone,
      String workingHours,
      List<DateRangeDoc> outOfOffice) {}

  /** Days off, both ends included. */
  public record DateRangeDoc(String from, String to) {}

  /** A team. */
  public record TeamDoc(
      String name,
      String strategy,
      Boolean honourWorkingHours,
      Boolean matchSkills,
      String fallbackTeam,
      String fallbackQueue,
      List<MemberDoc> members) {}

  /** A team membership. */
  public record MemberDoc(
      String user,
      Integer weight,
      Integer capacity,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> languages,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> industries,
      Boolean active) {}

  /** A territory. */
  public record TerritoryDoc(
      String name,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> countries,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> states,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> postalCodes,
      String team) {}

  /** Score rules and tiers. */
  public record ScoringDoc(List<ScoreRuleDoc> rules, List<TierDoc> tiers) {}

  /** A score rule. */
  public record ScoreRuleDoc(
      String name, String category, Integer points, List<CriterionDoc> criteria, String logic) {}

  /** A score tier. */
  public record TierDoc(String name, Integer minScore, Integer slaMinutes) {}

  /** A routing rule. */
  public record RuleDoc(
      String name,
      Integer order,
      Boolean active,
      List<CriterionDoc> criteria,
      String logic,
      ActionDoc action,
      Boolean channel,
      Boolean requiresConsent,
      Boolean shadowOnly,
      Integer slaMinutes) {}

  /** A numbered criterion; {@code value} may be one value or a list. */
  public record CriterionDoc(
      Integer number,
      String field,
      String operator,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> value) {}

  /**
   * What a rule does: {@code type} is one of accountOwner, existingOwner, user, queue, team,
   * territory.
   */
  public record ActionDoc(
      String type, String team, String user, String queue, Double minConfidence) {}
}
