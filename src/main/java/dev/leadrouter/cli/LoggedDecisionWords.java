package dev.leadrouter.cli;

import dev.leadrouter.admin.DecisionWhy;
import dev.leadrouter.store.LoggedDecision;

/**
 * A decision from the routing log in plain words: who got the lead, by which rule, what each rule
 * tried said, the reasons, the account, score and inputs; what an admin asks "why" for. The wording
 * is {@link DecisionWhy}'s, which the ops console's "why" page shares.
 */
final class LoggedDecisionWords {

  String explain(LoggedDecision d) {
    return DecisionWhy.of(d).text();
  }
}
