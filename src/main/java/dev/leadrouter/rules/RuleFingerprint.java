package dev.leadrouter.rules;

import dev.leadrouter.criteria.CriteriaSet;
import dev.leadrouter.route.RoutingRule;
import dev.leadrouter.score.ScoreRule;

/**
 * What a rule says, as text: compiled criteria have no equality of their own, and two versions of a
 * rule set are compared by what their rules say.
 */
final class RuleFingerprint {

  private RuleFingerprint() {}

  static String of(RoutingRule rule) {
    return rule.name()
        + " order="
        + rule.order()
        + " when="
        + of(rule.when())
        + " action="
        + rule.action()
        + " channel="
        + rule.channel()
        + " consent="
        + rule.requiresConsent()
        + " shadowOnly="
        + rule.shadowOnly()
        + " sla="
        + rule.slaMinutes();
  }

  static String of(ScoreRule rule) {
    return rule.name() + " " + rule.category() + " " + rule.points() + " when=" + of(rule.when());
  }

  private static String of(CriteriaSet when) {
    return when.criteria() + " logic=" + when.logic();
  }
}
