package dev.leadrouter.write;

import dev.leadrouter.route.Decision;
import dev.leadrouter.store.LoggedDecision;
import java.time.Instant;
import java.util.Objects;

/**
 * One planned owner change, as the writer sends it: the lead, its new owner and the routing fields
 * that show reps and admins why.
 *
 * @param decisionId the decision's id in the routing log, marked written once Salesforce took it
 * @param rule the text for {@code Routing_Rule__c}
 * @param reason the text for {@code Routing_Reason__c}
 * @param routedAt when the decision was made, for {@code Routed_At__c}
 * @param committedAt when Salesforce committed the lead's creation (the change event's commit
 *     timestamp), to measure speed to lead; {@code null} when not known (a recovered decision)
 */
public record OwnerUpdate(
    long decisionId,
    String leadId,
    String ownerId,
    String rule,
    String reason,
    Instant routedAt,
    Instant committedAt) {

  public OwnerUpdate {
    Objects.requireNonNull(leadId, "leadId");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(routedAt, "routedAt");
  }

  /** The update a decision just recorded as {@code decisionId} asks for. */
  public static OwnerUpdate of(long decisionId, Decision decision, Instant committedAt) {
    return new OwnerUpdate(
        decisionId,
        decision.leadId(),
        decision.owner().id().value(),
        RoutingFieldText.rule(decision.rule()),
        RoutingFieldText.reason(decision.reasons()),
        decision.decidedAt(),
        committedAt);
  }

  /** The update a decision logged earlier (planned, not yet written) asks for. */
  public static OwnerUpdate of(LoggedDecision decision) {
    return new OwnerUpdate(
        decision.id(),
        decision.leadId(),
        decision.owner().id().value(),
        RoutingFieldText.rule(decision.rule()),
        RoutingFieldText.reason(decision.reasons()),
        decision.decidedAt(),
        null);
  }
}
