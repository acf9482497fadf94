package dev.leadrouter.admin;

import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Owner;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One shadow decision beside the owner the org actually gave the lead.
 *
 * @param leadId the lead, as logged
 * @param wouldOwner who Lead Router would have assigned
 * @param rule the rule that chose, or {@code null} for the catch-all
 * @param team the team the decision went through, or {@code null} when none did
 * @param actualOwner the lead's owner in the org now; empty when the lead is no longer there
 * @param decidedAt when the shadow decision was made
 */
public record ShadowComparison(
    String leadId,
    Owner wouldOwner,
    String rule,
    String team,
    Optional<SalesforceId> actualOwner,
    Instant decidedAt) {

  public ShadowComparison {
    Objects.requireNonNull(leadId, "leadId");
    Objects.requireNonNull(wouldOwner, "wouldOwner");
    Objects.requireNonNull(actualOwner, "actualOwner");
    Objects.requireNonNull(decidedAt, "decidedAt");
  }

  /** Whether both owners are the same; empty when the lead could not be found in the org. */
  public Optional<Boolean> agrees() {
    return actualOwner.map(actual -> actual.equals(wouldOwner.id()));
  }

  /** The rule's name for people; the catch-all has none. */
  public String ruleLabel() {
    return rule == null ? "(catch-all)" : rule;
  }

  /** The team's name for people. */
  public String teamLabel() {
    return team == null ? "(no team)" : team;
  }
}
