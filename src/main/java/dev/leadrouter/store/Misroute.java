package dev.leadrouter.store;

import java.time.Duration;
import java.time.Instant;

/**
 * A lead someone other than Lead Router gave another owner soon after we routed it: the rule that
 * placed it probably chose wrong.
 *
 * @param rule the rule that chose our owner, or {@code null} for the catch-all
 * @param team the team of our owner when known, else {@code null}
 * @param ownerId the owner we gave the lead
 * @param newOwnerId the owner the person gave it, or {@code null} when the event did not say
 * @param routedAt when our owner was written (or decided, if never marked written)
 * @param changedAt the owner change's commit time in Salesforce
 */
public record Misroute(
    long decisionId,
    String leadId,
    String rule,
    String team,
    String ownerId,
    String newOwnerId,
    Instant routedAt,
    Instant changedAt) {

  /** How long our owner kept the lead. */
  public Duration kept() {
    return Duration.between(routedAt, changedAt);
  }
}
