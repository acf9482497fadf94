package dev.leadrouter.route;

import dev.leadrouter.criteria.CriteriaSet;
import java.util.Objects;

/**
 * One entry of the rule hierarchy: when its criteria hold, its action picks the owner.
 *
 * @param order position in the hierarchy, lowest first
 * @param channel a channel rule: applies only to partner or deal-registered leads, before others
 * @param requiresConsent leads without consent take the consent path instead of the action
 * @param shadowOnly decisions by this rule are logged but not written to Salesforce
 * @param slaMinutes minutes to first touch; {@code null} leaves it to the score tier
 */
public record RoutingRule(
    String name,
    int order,
    CriteriaSet when,
    RuleAction action,
    boolean channel,
    boolean requiresConsent,
    boolean shadowOnly,
    Integer slaMinutes) {

  public RoutingRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(when, "when");
    Objects.requireNonNull(action, "action");
  }
}
