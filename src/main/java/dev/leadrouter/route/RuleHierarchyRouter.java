package dev.leadrouter.route;

import com.google.inject.Inject;
import dev.leadrouter.lead.FieldSource;
import dev.leadrouter.lead.SalesforceId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the rules in order, as Salesforce assignment rules do: the first rule whose criteria hold
 * and whose action can place the lead decides. Channel leads meet channel rules first. Rules that
 * match but cannot act (no matched account, no territory) let routing move on. When nothing
 * decides, the catch-all queue takes the lead.
 */
public final class RuleHierarchyRouter implements LeadRouter {

  private final Clock clock;

  @Inject
  public RuleHierarchyRouter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Decision decide(RuleSet ruleSet, RoutingRequest request, RoutingState state) {
    RoutingFields fields = new RoutingFields(request);
    try {
      return decide(ruleSet, request, state, fields);
    } finally {
      fields.freeze();
    }
  }

  private Decision decide(
      RuleSet ruleSet, RoutingRequest request, RoutingState state, RoutingFields fields) {
    Instant now = clock.instant();
    List<ReasonCode> reasons = new ArrayList<>(request.inputIssues());
    List<RuleTrace> path = new ArrayList<>();
    boolean channelLead = isChannelLead(ruleSet.policy().channel(), fields, request);
    RepAvailability availability = new RepAvailability(now, ruleSet.policy().holidays());
    for (RoutingRule rule : ordered(ruleSet.rules(), channelLead)) {
      if (rule.channel() && !channelLead) {
        continue;
      }
      var outcome = rule.when().evaluate(fields);
      if (!outcome.matched()) {
        path.add(trace(rule, outcome, false, null, "criteria not met"));
        continue;
      }
      if (rule.requiresConsent() && !ruleSet.policy().consent().hasConsent(fields)) {
        SalesforceId consentQueue = ruleSet.policy().consent().queue();
        path.add(
            trace(
                rule,
                outcome,
                true,
                ReasonCode.CONSENT,
                "applied: " + ReasonCode.CONSENT.explanation()));
        reasons.add(ReasonCode.CONSENT);
        if (rule.shadowOnly()) {
          reasons.add(ReasonCode.SHADOW_RULE);
        }
        Owner owner =
            consentQueue == null
                ? ruleSet.queueOwner(ruleSet.policy().catchAllQueue())
                : ruleSet.queueOwner(consentQueue);
        return decision(ruleSet, request, rule, owner, reasons, path, List.of(), List.of(), now);
      }
      ActionResult result =
          new ActionRunner(ruleSet, state, availability)
              .run(rule.action(), fields, request, reasons);
      if (result.skipped() != null) {
        path.add(
            trace(
                rule,
                outcome,
                false,
                result.skipped(),
                "matched, but " + result.skipped().explanation()));
        continue;
      }
      if (rule.channel()) {
        reasons.add(ReasonCode.CHANNEL);
      }
      if (rule.shadowOnly()) {
        reasons.add(ReasonCode.SHADOW_RULE);
      }
      path.add(trace(rule, outcome, true, null, "applied: " + rule.action().describe()));
      return decision(
          ruleSet,
          request,
          rule,
          result.owner(),
          reasons,
          path,
          result.traces(),
          result.changes(),
          now);
    }
    reasons.add(ReasonCode.NO_RULE_MATCHED);
    reasons.add(ReasonCode.CATCH_ALL);
    Owner catchAll = ruleSet.queueOwner(ruleSet.policy().catchAllQueue());
    return decision(ruleSet, request, null, catchAll, reasons, path, List.of(), List.of(), now);
  }

  /**
   * The lead's owner found by an action, with the team traces and the state to commit; or, when the
   * action does not apply to the lead, no owner and the reason it was skipped.
   */
  record ActionResult(
      Owner owner, List<StrategyTrace> traces, List<StateChange> changes, ReasonCode skipped) {

    ActionResult(Owner owner, List<StrategyTrace> traces, List<StateChange> changes) {
      this(owner, traces, changes, null);
    }

    static ActionResult skipped(ReasonCode reason) {
      return new ActionResult(null, List.of(), List.of(), reason);
    }
  }

  private static List<RoutingRule> ordered(List<RoutingRule> rules, boolean channelLead) {
    if (!channelLead) {
      return rules;
    }
    List<RoutingRule> channelFirst = new ArrayList<>(rules.size());
    rules.stream().filter(RoutingRule::channel).forEach(channelFirst::add);
    rules.stream().filter(r -> !r.channel()).forEach(channelFirst::add);
    return channelFirst;
  }

  private static boolean isChannelLead(
      ChannelPolicy policy, FieldSource fields, RoutingRequest request) {
    if (policy.dealRegistrationField() != null) {
      String registration = fields.get(policy.dealRegistrationField());
      if (registration != null && !registration.equalsIgnoreCase("false")) {
        return true;
      }
    }
    AccountMatch account = request.account();
    return account != null && policy.isPartnerType(account.accountType());
  }

  private static RuleTrace trace(
      RoutingRule rule,
      dev.leadrouter.criteria.CriteriaOutcome outcome,
      boolean applied,
      ReasonCode reason,
      String note) {
    return new RuleTrace(
        rule.name(),
        rule.order(),
        outcome.matched(),
        applied,
        outcome.results(),
        rule.when().logic(),
        reason,
        note);
  }

  private static Decision decision(
      RuleSet ruleSet,
      RoutingRequest request,
      RoutingRule rule,
      Owner owner,
      List<ReasonCode> reasons,
      List<RuleTrace> path,
      List<StrategyTrace> strategies,
      List<StateChange> changes,
      Instant now) {
    Integer sla =
        rule != null && rule.slaMinutes() != null
            ? rule.slaMinutes()
            : request.score().tierSlaMinutes();
    return new Decision(
        request.leadId(),
        owner,
        rule == null ? null : rule.name(),
        reasons,
        path,
        strategies,
        request.inputSnapshot(),
        request.score(),
        request.account(),
        sla,
        rule != null && rule.shadowOnly(),
        now,
        ruleSet.version(),
        changes);
  }
}
