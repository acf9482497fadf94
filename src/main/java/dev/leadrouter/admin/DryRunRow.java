package dev.leadrouter.admin;

import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.Owner;
import dev.leadrouter.route.ReasonCode;
import dev.leadrouter.route.StrategyTrace;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One lead of a dry run: the owner it has and the owner the rules would give it.
 *
 * @param currentOwner the lead's owner in the export or the org; {@code null} when not given
 * @param rule the rule that decided, or {@code null} when none did (the catch-all)
 * @param team the team whose strategy picked the owner, or {@code null}
 * @param catchAll the lead fell through to the catch-all queue
 * @param createdAt when the lead was created, or {@code null} when not known
 */
public record DryRunRow(
    String leadId,
    SalesforceId currentOwner,
    Owner newOwner,
    String rule,
    String team,
    List<ReasonCode> reasons,
    boolean catchAll,
    Instant createdAt) {

  public DryRunRow {
    Objects.requireNonNull(leadId, "leadId");
    Objects.requireNonNull(newOwner, "newOwner");
    reasons = List.copyOf(reasons);
  }

  /** The row for a decision; the team is the one whose pick became the owner. */
  public static DryRunRow of(SalesforceId currentOwner, Instant createdAt, Decision decision) {
    String team = null;
    for (StrategyTrace trace : decision.strategies()) {
      if (decision.owner().id().equals(trace.chosen())) {
        team = trace.team();
        break;
      }
    }
    return new DryRunRow(
        decision.leadId(),
        currentOwner,
        decision.owner(),
        decision.rule(),
        team,
        decision.reasons(),
        decision.has(ReasonCode.CATCH_ALL),
        createdAt);
  }

  /** The owner would change; a lead without a known owner counts as changed. */
  public boolean changed() {
    return !newOwner.id().equals(currentOwner);
  }

  /** The rule as reports name it. */
  public String ruleLabel() {
    return rule == null ? DryRunSummary.NO_RULE : rule;
  }
}
