package dev.leadrouter.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.config.Mode;
import dev.leadrouter.route.ReasonCode;
import dev.leadrouter.store.LoggedDecision;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A decision from the routing log, taken apart into what an admin asks "why" for: who got the lead
 * by which rule, each rule tried with each criterion's result, the account match, the team
 * strategy's state, the reasons, score and inputs. One wording for {@code lead-router explain
 * --lead-id} and the ops console's "why" page, so the two never tell different stories.
 */
public record DecisionWhy(
    LoggedDecision decision,
    String headline,
    List<Reason> reasons,
    List<RuleStep> path,
    Optional<Account> account,
    List<StrategyState> strategies,
    Map<String, String> inputs) {

  /** A reason code and what it means. */
  public record Reason(String code, String explanation) {}

  /**
   * One rule tried.
   *
   * @param outcome {@code applied}, {@code matched} (but could not place the lead) or {@code
   *     skipped} (criteria not met)
   */
  public record RuleStep(String outcome, String rule, String note, List<CriterionStep> criteria) {}

  /**
   * One criterion of a rule and what it said.
   *
   * @param actual the lead's value it was compared with, or {@code null}
   */
  public record CriterionStep(String number, String test, boolean met, String actual) {}

  /** The account the lead matched, how and how surely. */
  public record Account(String id, String name, String method, double confidence, String owner) {

    public String confidencePercent() {
      return String.format(Locale.ROOT, "%.0f%%", confidence * 100);
    }
  }

  /** A team strategy as it stood when it picked (or failed to). */
  public record StrategyState(
      String team,
      String strategy,
      String previous,
      String chosen,
      List<Member> members,
      String chosenId) {}

  /**
   * A team member as the strategy saw them.
   *
   * @param unavailable why they were passed over, or empty when a candidate
   */
  public record Member(
      String name, String id, String unavailable, int openLoad, int capacity, String credit) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  public static DecisionWhy of(LoggedDecision d) {
    return new DecisionWhy(
        d,
        headline(d),
        d.reasons().stream().map(r -> new Reason(r.name(), r.explanation())).toList(),
        path(d.pathJson()),
        account(d.accountJson()),
        strategies(d.strategiesJson()),
        new TreeMap<>(d.inputs()));
  }

  /**
   * The team whose strategy picked the owner; when none did, the team tried first; empty when the
   * decision went through no team.
   */
  public Optional<String> team() {
    return strategies.stream()
        .filter(s -> decision.owner().id().value().equals(s.chosenId()))
        .map(StrategyState::team)
        .findFirst()
        .or(() -> strategies.stream().map(StrategyState::team).findFirst());
  }

  public String ruleLabel() {
    return decision.rule() == null ? "catch-all" : decision.rule();
  }

  public boolean shadow() {
    return decision.mode() == Mode.SHADOW;
  }

  /** Whether the lead went to the owner of a lead or contact it duplicates. */
  public boolean duplicate() {
    return decision.reasons().contains(ReasonCode.DUPLICATE);
  }

  public String status() {
    return decision.status().name().toLowerCase(Locale.ROOT);
  }

  /** The decision in words, as {@code lead-router explain --lead-id} prints it. */
  public String text() {
    StringBuilder text = new StringBuilder(headline).append('\n');
    account.ifPresent(
        a ->
            text.append("Matched account: ")
                .append(a.id())
                .append(a.name() == null ? "" : " " + a.name())
                .append(" by ")
                .append(a.method())
                .append(", confidence ")
                .append(a.confidencePercent())
                .append('\n'));
    if (decision.writeError() != null) {
      text.append("Writing the owner failed: ").append(decision.writeError()).append('\n');
    }
    text.append("\nWhy:\n");
    reasons.forEach(
        r -> text.append("  ").append(r.code()).append(": ").append(r.explanation()).append('\n'));
    text.append("\nRules tried, in order:\n");
    if (path.isEmpty()) {
      text.append("  (none)\n");
    }
    for (RuleStep step : path) {
      text.append("  [")
          .append(step.outcome())
          .append("] ")
          .append(step.rule())
          .append(": ")
          .append(step.note())
          .append('\n');
      for (CriterionStep c : step.criteria()) {
        text.append("      ")
            .append(c.number())
            .append(". ")
            .append(c.test())
            .append(" -> ")
            .append(c.met() ? "yes" : "no")
            .append(c.actual() == null ? "" : " (was " + c.actual() + ")")
            .append('\n');
      }
    }
    for (StrategyState s : strategies) {
      text.append("\nTeam ")
          .append(s.team())
          .append(" (")
          .append(s.strategy())
          .append("): previous ")
          .append(s.previous() == null ? "none" : s.previous())
          .append(", chose ")
          .append(s.chosen() == null ? "nobody" : s.chosen())
          .append('\n');
      for (Member m : s.members()) {
        text.append("      ")
            .append(m.name())
            .append(": load ")
            .append(m.openLoad())
            .append('/')
            .append(m.capacity())
            .append(m.unavailable().isEmpty() ? "" : ", passed over: " + m.unavailable())
            .append('\n');
      }
    }
    if (decision.score() != null) {
      text.append("\nScore: ").append(decision.score());
      if (decision.scoreTier() != null) {
        text.append(" (").append(decision.scoreTier()).append(')');
      }
      text.append('\n');
    }
    if (decision.slaMinutes() != null) {
      text.append("Follow up within ").append(decision.slaMinutes()).append(" minutes.\n");
    }
    text.append("\nInputs routing worked from:\n");
    inputs.forEach(
        (key, value) -> text.append("  ").append(key).append(" = ").append(value).append('\n'));
    text.append("\nRule set ").append(decision.ruleSetVersion()).append('\n');
    return text.toString();
  }

  private static String headline(LoggedDecision d) {
    return "Lead "
        + d.leadId()
        + " went to "
        + d.owner()
        + (d.rule() == null ? ", from the catch-all" : ", by rule " + d.rule())
        + ", decided "
        + ShownTime.of(d.decidedAt())
        + " ("
        + d.mode()
        + ", "
        + d.status().name().toLowerCase(Locale.ROOT)
        + (d.writtenAt() == null ? "" : " to Salesforce at " + ShownTime.of(d.writtenAt()))
        + ").";
  }

  private static JsonNode tree(String json) {
    try {
      return json == null ? null : JSON.readTree(json);
    } catch (IOException unreadable) {
      return null;
    }
  }

  private static List<RuleStep> path(String pathJson) {
    JsonNode rules = tree(pathJson);
    List<RuleStep> steps = new ArrayList<>();
    if (rules == null || !rules.isArray()) {
      return steps;
    }
    for (JsonNode rule : rules) {
      boolean applied = rule.path("applied").asBoolean();
      boolean matched = rule.path("matched").asBoolean();
      List<CriterionStep> criteria = new ArrayList<>();
      for (JsonNode criterion : rule.path("criteria")) {
        JsonNode c = criterion.path("criterion");
        JsonNode actual = criterion.path("actual");
        criteria.add(
            new CriterionStep(
                c.path("number").asText(),
                c.path("field").asText()
                    + ' '
                    + c.path("operator").asText().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (c.path("values").isEmpty() ? "" : " " + values(c.path("values"))),
                criterion.path("result").asBoolean(),
                actual.isNull() || actual.isMissingNode() ? null : actual.asText()));
      }
      steps.add(
          new RuleStep(
              applied ? "applied" : matched ? "matched" : "skipped",
              rule.path("rule").asText(),
              rule.path("note").asText(),
              List.copyOf(criteria)));
    }
    return List.copyOf(steps);
  }

  private static Optional<Account> account(String accountJson) {
    JsonNode a = tree(accountJson);
    if (a == null || !a.isObject()) {
      return Optional.empty();
    }
    return Optional.of(
        new Account(
            text(a.path("accountId")),
            a.path("accountName").asText(null),
            a.path("method").asText(""),
            a.path("confidence").asDouble(),
            text(a.path("ownerId"))));
  }

  private static List<StrategyState> strategies(String strategiesJson) {
    JsonNode all = tree(strategiesJson);
    List<StrategyState> states = new ArrayList<>();
    if (all == null || !all.isArray()) {
      return states;
    }
    for (JsonNode s : all) {
      Map<String, String> names = new TreeMap<>();
      List<Member> members = new ArrayList<>();
      for (JsonNode m : s.path("members")) {
        String id = text(m.path("userId"));
        String name = m.path("name").asText(id);
        names.put(id, name);
        members.add(
            new Member(
                name,
                id,
                m.path("unavailable").isNull() ? "" : m.path("unavailable").asText(""),
                m.path("openLoad").asInt(),
                m.path("capacity").asInt(),
                String.format(Locale.ROOT, "%.2f", m.path("credit").asDouble())));
      }
      String previous = text(s.path("previous"));
      String chosen = text(s.path("chosen"));
      states.add(
          new StrategyState(
              s.path("team").asText(),
              s.path("strategy").asText().toLowerCase(Locale.ROOT).replace('_', ' '),
              previous == null ? null : names.getOrDefault(previous, previous),
              chosen == null ? null : names.getOrDefault(chosen, chosen),
              List.copyOf(members),
              chosen));
    }
    return List.copyOf(states);
  }

  /** An id as the store's JSON writes it: a plain string, or an object with a value. */
  private static String text(JsonNode id) {
    if (id == null || id.isNull() || id.isMissingNode()) {
      return null;
    }
    return id.isObject() ? id.path("value").asText(null) : id.asText(null);
  }

  private static String values(JsonNode values) {
    StringBuilder joined = new StringBuilder();
    for (JsonNode value : values) {
      joined.append(joined.length() == 0 ? "" : ", ").append(value.asText());
    }
    return joined.toString();
  }
}
