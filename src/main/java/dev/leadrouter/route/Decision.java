package dev.leadrouter.route;

import dev.leadrouter.score.LeadScore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who a lead goes to and the whole of why: every rule tried with each criterion's result, the
 * reason codes in the order they arose, the inputs it saw, the strategy state it used, and when.
 *
 * @param rule the rule that chose the owner, or {@code null} when the catch-all did
 * @param strategies the state of each team strategy consulted, in waterfall order
 * @param slaMinutes minutes to first touch, from the rule or the score tier; {@code null} for none
 * @param shadow true when the decision is to be logged only, not written to Salesforce
 * @param stateChanges rotation and load changes to commit together with the decision
 */
public record Decision(
    String leadId,
    Owner owner,
    String rule,
    List<ReasonCode> reasons,
    List<RuleTrace> path,
    List<StrategyTrace> strategies,
    Map<String, String> inputs,
    LeadScore score,
    AccountMatch account,
    Integer slaMinutes,
    boolean shadow,
    Instant decidedAt,
    String ruleSetVersion,
    List<StateChange> stateChanges) {

  public Decision {
    Objects.requireNonNull(owner, "every decision has an owner");
    Objects.requireNonNull(decidedAt, "decidedAt");
    reasons = List.copyOf(reasons);
    path = List.copyOf(path);
    strategies = List.copyOf(strategies);
    inputs = Map.copyOf(inputs);
    stateChanges = List.copyOf(stateChanges);
  }

  public boolean has(ReasonCode reason) {
    return reasons.contains(reason);
  }
}
