package dev.leadrouter.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A clock to start for one decision.
 *
 * @param decisionId the routing log's id of the decision that made the promise
 * @param team the team the owner was picked from, or {@code null}
 * @param rule the rule that placed the lead, or {@code null} for the catch-all
 * @param leadSource the lead's LeadSource, for the report, or {@code null}
 */
public record NewSlaClock(
    String leadId,
    long decisionId,
    String ownerId,
    String team,
    String rule,
    String leadSource,
    String tier,
    boolean businessHours,
    Instant startedAt,
    Instant dueAt,
    Instant recycleAt) {

  public NewSlaClock {
    Objects.requireNonNull(leadId, "leadId");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(recycleAt, "recycleAt");
  }

  /**
   * The key the owner's follow-up Task carries, the same for the same decision on every attempt, so
   * that creating it again after a restart can be recognised.
   */
  public String taskKey() {
    return "lead-router-sla-" + decisionId;
  }
}
