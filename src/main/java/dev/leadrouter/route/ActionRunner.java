package dev.leadrouter.route;

import dev.leadrouter.lead.FieldSource;
import dev.leadrouter.route.RuleHierarchyRouter.ActionResult;
import java.util.List;

/** Carries out one rule's action for one lead. */
final class ActionRunner {

  private final RuleSet ruleSet;
  private final RoutingState state;
  private final RepAvailability availability;

  ActionRunner(RuleSet ruleSet, RoutingState state, RepAvailability availability) {
    this.ruleSet = ruleSet;
    this.state = state;
    this.availability = availability;
  }

  /**
   * @return the owner found, or a skip with the reason the action does not apply to this lead, so
   *     routing moves on to the next rule
   */
  ActionResult run(
      RuleAction action, FieldSource fields, RoutingRequest request, List<ReasonCode> reasons) {
    if (action instanceof RuleAction.AccountOwner accountOwner) {
      return accountOwner(accountOwner, request.account(), reasons);
    }
    if (action instanceof RuleAction.ExistingOwner) {
      return existingOwner(request.duplicate(), reasons);
    }
    if (action instanceof RuleAction.AssignUser user) {
      return user(user, reasons);
    }
    if (action instanceof RuleAction.AssignQueue queue) {
      reasons.add(ReasonCode.QUEUE);
      return new ActionResult(ruleSet.queueOwner(queue.queue()), List.of(), List.of());
    }
    if (action instanceof RuleAction.AssignTeam team) {
      return team(team.team(), fields, reasons);
    }
    return territory(fields, reasons);
  }

  private ActionResult accountOwner(
      RuleAction.AccountOwner action, AccountMatch account, List<ReasonCode> reasons) {
    if (account == null) {
      return ActionResult.skipped(ReasonCode.ACCOUNT_NOT_MATCHED);
    }
    if (!(account.confidence() >= action.minConfidence())) { // NaN never clears the bar
      return ActionResult.skipped(ReasonCode.ACCOUNT_MATCH_LOW_CONFIDENCE);
    }
    Rep rep = account.ownerId() == null ? null : ruleSet.reps().get(account.ownerId());
    if (account.ownerId() == null || !account.ownerActive() || (rep != null && !rep.active())) {
      return ActionResult.skipped(ReasonCode.ACCOUNT_OWNER_INACTIVE);
    }
    reasons.add(ReasonCode.ACCOUNT_OWNER);
    return toUser(ruleSet.userOwner(account.ownerId()));
  }

  private ActionResult existingOwner(DuplicateMatch duplicate, List<ReasonCode> reasons) {
    if (duplicate == null) {
      return ActionResult.skipped(ReasonCode.NOT_A_DUPLICATE);
    }
    Rep rep = duplicate.ownerId() == null ? null : ruleSet.reps().get(duplicate.ownerId());
    if (duplicate.ownerId() == null || !duplicate.ownerActive() || (rep != null && !rep.active())) {
      return ActionResult.skipped(ReasonCode.DUPLICATE_OWNER_INACTIVE);
    }
    reasons.add(ReasonCode.DUPLICATE);
    return toUser(ruleSet.userOwner(duplicate.ownerId()));
  }

  private ActionResult user(RuleAction.AssignUser action, List<ReasonCode> reasons) {
    Rep rep = ruleSet.reps().get(action.user());
    ReasonCode away = availability.unavailableReason(rep, false);
    if (away != null) {
      reasons.add(ReasonCode.USER_UNAVAILABLE);
      reasons.add(away);
      return waterfallQueue(List.of(), reasons);
    }
    reasons.add(ReasonCode.DIRECT_USER);
    return toUser(rep.asOwner());
  }

  private ActionResult team(String teamName, FieldSource fields, List<ReasonCode> reasons) {
    TeamAssigner.Outcome outcome =
        new TeamAssigner(ruleSet, state, availability).assign(teamName, fields, reasons);
    if (outcome.owner() == null) {
      return waterfallQueue(outcome.traces(), reasons);
    }
    return new ActionResult(outcome.owner(), outcome.traces(), outcome.changes());
  }

  private ActionResult territory(FieldSource fields, List<ReasonCode> reasons) {
    for (Territory territory : ruleSet.territories()) {
      if (territory.covers(fields)) {
        reasons.add(ReasonCode.TERRITORY);
        return team(territory.team(), fields, reasons);
      }
    }
    return ActionResult.skipped(ReasonCode.TERRITORY_NOT_FOUND);
  }

  /** The end of a rule's waterfall: the general queue, or the catch-all when there is none. */
  private ActionResult waterfallQueue(List<StrategyTrace> traces, List<ReasonCode> reasons) {
    RoutingPolicy policy = ruleSet.policy();
    if (policy.generalQueue() != null) {
      reasons.add(ReasonCode.GENERAL_QUEUE);
      return new ActionResult(ruleSet.queueOwner(policy.generalQueue()), traces, List.of());
    }
    reasons.add(ReasonCode.CATCH_ALL);
    return new ActionResult(ruleSet.queueOwner(policy.catchAllQueue()), traces, List.of());
  }

  private static ActionResult toUser(Owner owner) {
    return new ActionResult(owner, List.of(), List.of(new StateChange.LoadChanged(owner.id(), 1)));
  }
}
