package dev.leadrouter.config;

import static dev.leadrouter.config.Problems.blankToNull;
import static dev.leadrouter.config.Problems.orEmpty;

import dev.leadrouter.config.RuleSetDocument.ActionDoc;
import dev.leadrouter.config.RuleSetDocument.RuleDoc;
import dev.leadrouter.config.RuleSetDocument.ScoreRuleDoc;
import dev.leadrouter.config.RuleSetDocument.ScoringDoc;
import dev.leadrouter.config.RuleSetDocument.TierDoc;
import dev.leadrouter.criteria.CriteriaSet;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Rep;
import dev.leadrouter.route.RoutingRule;
import dev.leadrouter.route.RuleAction;
import dev.leadrouter.route.Team;
import dev.leadrouter.score.ScoreCategory;
import dev.leadrouter.score.ScoreModel;
import dev.leadrouter.score.ScoreRule;
import dev.leadrouter.score.ScoreTier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads routing rules and score rules, checking every criterion and action target. */
final class RulesAssembler {

  private static final String ACTION_TYPES =
      "accountOwner, existingOwner, user, queue, team, territory";
  private static final double DEFAULT_MIN_CONFIDENCE = 0.8;

  private final Problems problems;
  private final DirectoryAssembler directory;
  private final CriteriaAssembler criteria;

  RulesAssembler(Problems problems, DirectoryAssembler directory) {
    this.problems = problems;
    this.directory = directory;
    this.criteria = new CriteriaAssembler(problems);
  }

  List<RoutingRule> rules(List<RuleDoc> docs, Map<String, Team> teams, boolean territoriesExist) {
    List<RoutingRule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int position = 0;
    for (RuleDoc doc : orEmpty(docs)) {
      position++;
      String name = blankToNull(doc.name());
      String record = "rule " + (name == null ? "#" + position : name);
      if (name == null) {
        problems.add(record, "name", "every rule needs a name");
        continue;
      }
      if (!names.add(name)) {
        problems.add(record, "name", "another rule already has this name");
        continue;
      }
      CriteriaSet when = criteria.criteria(record, doc.criteria(), doc.logic());
      RuleAction action = action(record, doc.action(), teams, territoriesExist);
      if (doc.slaMinutes() != null && doc.slaMinutes() < 1) {
        problems.add(record, "slaMinutes", "must be at least 1 minute");
      }
      boolean active = doc.active() == null || doc.active();
      if (when != null && action != null && active) {
        rules.add(
            new RoutingRule(
                name,
                doc.order() == null ? position * 10 : doc.order(),
                when,
                action,
                Boolean.TRUE.equals(doc.channel()),
                Boolean.TRUE.equals(doc.requiresConsent()),
                Boolean.TRUE.equals(doc.shadowOnly()),
                doc.slaMinutes()));
      }
    }
    return rules;
  }

  private RuleAction action(
      String record, ActionDoc doc, Map<String, Team> teams, boolean territoriesExist) {
    if (doc == null || blankToNull(doc.type()) == null) {
      problems.add(record, "action.type", "the rule needs an action (" + ACTION_TYPES + ")");
      return null;
    }
    switch (doc.type().trim().toLowerCase(Locale.ROOT).replace("_", "")) {
      case "accountowner" -> {
        double min = doc.minConfidence() == null ? DEFAULT_MIN_CONFIDENCE : doc.minConfidence();
        if (min < 0 || min > 1) {
          problems.add(record, "action.minConfidence", "must be between 0 and 1 (was " + min + ")");
          return null;
        }
        return new RuleAction.AccountOwner(min);
      }
      case "existingowner", "duplicate" -> {
        return new RuleAction.ExistingOwner();
      }
      case "user" -> {
        SalesforceId user = directory.user(record, "action.user", doc.user());
        Rep rep = user == null ? null : directory.reps().get(user);
        if (rep != null && !rep.active()) {
          problems.add(record, "action.user", "user " + rep.name() + " is inactive");
          return null;
        }
        return user == null ? null : new RuleAction.AssignUser(user);
      }
      case "queue" -> {
        SalesforceId queue = directory.queue(record, "action.queue", doc.queue());
        return queue == null ? null : new RuleAction.AssignQueue(queue);
      }
      case "team" -> {
        String team = blankToNull(doc.team());
        if (team == null || !teams.containsKey(team)) {
          problems.add(
              record, "action.team", "'" + doc.team() + "' is not a team in this rule set");
          return null;
        }
        return new RuleAction.AssignTeam(team);
      }
      case "territory" -> {
        if (!territoriesExist) {
          problems.add(
              record, "action.type", "routes by territory, but no territories are defined");
          return null;
        }
        return new RuleAction.ByTerritory();
      }
      default -> {
        problems.add(
            record,
            "action.type",
            "'" + doc.type() + "' is not an action (allowed: " + ACTION_TYPES + ")");
        return null;
      }
    }
  }

  ScoreModel scoring(ScoringDoc doc) {
    if (doc == null) {
      return ScoreModel.EMPTY;
    }
    List<ScoreRule> rules = new ArrayList<>();
    int position = 0;
    for (ScoreRuleDoc rule : orEmpty(doc.rules())) {
      position++;
      String record = "score rule " + (rule.name() == null ? "#" + position : rule.name());
      ScoreCategory category = category(record, rule.category());
      if (rule.points() == null) {
        problems.add(record, "points", "a score rule needs points");
      }
      CriteriaSet when = criteria.criteria(record, rule.criteria(), rule.logic());
      if (category != null && rule.points() != null && when != null) {
        rules.add(
            new ScoreRule(record.substring("score rule ".length()), category, when, rule.points()));
      }
    }
    List<ScoreTier> tiers = new ArrayList<>();
    Set<String> tierNames = new HashSet<>();
    for (TierDoc tier : orEmpty(doc.tiers())) {
      String record = "score tier " + tier.name();
      if (blankToNull(tier.name()) == null || !tierNames.add(tier.name().trim())) {
        problems.add(record, "name", "every tier needs a name of its own");
        continue;
      }
      if (tier.minScore() == null) {
        problems.add(record, "minScore", "a tier needs the lowest score it starts at");
        continue;
      }
      if (tier.slaMinutes() != null && tier.slaMinutes() < 1) {
        problems.add(record, "slaMinutes", "must be at least 1 minute");
        continue;
      }
      tiers.add(new ScoreTier(tier.name().trim(), tier.minScore(), tier.slaMinutes()));
    }
    return new ScoreModel(rules, tiers);
  }

  private ScoreCategory category(String record, String text) {
    if (text == null) {
      return ScoreCategory.FIT;
    }
    try {
      return ScoreCategory.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      problems.add(record, "category", "'" + text + "' is not a category (allowed: fit, intent)");
      return null;
    }
  }
}
