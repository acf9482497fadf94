package dev.leadrouter.store;

import dev.leadrouter.criteria.Criterion;
import dev.leadrouter.criteria.CriterionResult;
import dev.leadrouter.criteria.Operator;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.AccountMatch;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.MemberState;
import dev.leadrouter.route.Owner;
import dev.leadrouter.route.ReasonCode;
import dev.leadrouter.route.RuleTrace;
import dev.leadrouter.route.StateChange;
import dev.leadrouter.route.Strategy;
import dev.leadrouter.route.StrategyTrace;
import dev.leadrouter.score.LeadScore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Decisions for store tests: realistic, with every part of the explanation filled in. */
final class Decisions {

  static final SalesforceId ALICE = new SalesforceId("005000000000001");
  static final SalesforceId BOB = new SalesforceId("005000000000002");
  static final SalesforceId ACCOUNT = new SalesforceId("001000000000001");
  static final String LEAD = "00Q000000000001";
  static final String TEAM = "emea";

  private Decisions() {}

  /** Alice gets the lead by round robin; her turn and load move with the decision. */
  static Decision toAlice(String leadId, Instant decidedAt, StateChange... extraChanges) {
    return to(ALICE, "Alice", leadId, decidedAt, extraChanges);
  }

  static Decision to(
      SalesforceId rep, String name, String leadId, Instant decidedAt, StateChange... extra) {
    List<StateChange> changes =
        new java.util.ArrayList<>(
            List.of(
                new StateChange.RotationMoved(TEAM, rep, Map.of(ALICE, 0.25, BOB, -1.0 / 3)),
                new StateChange.LoadChanged(rep, 1)));
    changes.addAll(List.of(extra));
    RuleTrace rule =
        new RuleTrace(
            "EMEA inbound",
            1,
            true,
            true,
            List.of(
                new CriterionResult(
                    Criterion.of(1, "Country", Operator.IN, "DE", "AT"), "DE", true)),
            "1",
            null,
            "went to team emea");
    StrategyTrace strategy =
        new StrategyTrace(
            TEAM,
            Strategy.ROUND_ROBIN,
            BOB,
            List.of(
                new MemberState(ALICE, "Alice", null, 3, 10, 1, 0.7, 0.25),
                new MemberState(BOB, "Bob", ReasonCode.OUT_OF_OFFICE, 5, 10, 1, 0.5, 0)),
            rep);
    return new Decision(
        leadId,
        Owner.user(rep, name),
        "EMEA inbound",
        List.of(ReasonCode.TEAM_ROUND_ROBIN, ReasonCode.FREE_MAIL_DOMAIN),
        List.of(rule),
        List.of(strategy),
        Map.of("Country", "DE", "Email", "jo@example.de"),
        new LeadScore(40, 25, "hot", 15, List.of("title is VP")),
        new AccountMatch(ACCOUNT, "Example GmbH", BOB, true, "Prospect", 0.92, "email domain"),
        15,
        false,
        decidedAt,
        "rules-v7",
        changes);
  }
}
