package dev.leadrouter.route;

import dev.leadrouter.lead.SalesforceId;

/** What a rule does with a lead that meets its criteria. */
public sealed interface RuleAction {

  /** A short description for explanations. */
  String describe();

  /**
   * Give the lead to the owner of the account it matched. When there is no match with enough
   * confidence or the owner is inactive, the rule does not apply and routing moves on.
   */
  record AccountOwner(double minConfidence) implements RuleAction {
    @Override
    public String describe() {
      return "owner of the matched account (confidence at least " + minConfidence + ")";
    }
  }

  /** Give a duplicate lead to its existing, active owner; otherwise routing moves on. */
  record ExistingOwner() implements RuleAction {
    @Override
    public String describe() {
      return "existing owner of the duplicate lead or contact";
    }
  }

  /** Give the lead to one user. */
  record AssignUser(SalesforceId user) implements RuleAction {
    @Override
    public String describe() {
      return "user " + user;
    }
  }

  /** Give the lead to a queue. */
  record AssignQueue(SalesforceId queue) implements RuleAction {
    @Override
    public String describe() {
      return "queue " + queue;
    }
  }

  /** Let a team pick a member by its strategy. */
  record AssignTeam(String team) implements RuleAction {
    @Override
    public String describe() {
      return "team " + team;
    }
  }

  /** Find the territory covering the lead and let its team pick; otherwise routing moves on. */
  record ByTerritory() implements RuleAction {
    @Override
    public String describe() {
      return "the team of the lead's territory";
    }
  }
}
