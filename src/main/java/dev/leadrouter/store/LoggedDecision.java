package dev.leadrouter.store;

import dev.leadrouter.config.Mode;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Owner;
import dev.leadrouter.route.ReasonCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A decision as the routing log holds it. The rule path and strategy states stay JSON text: they
 * are for people and the "why" page to read, not for the worker to act on.
 *
 * @param rule the rule that chose the owner, or {@code null} for the catch-all
 * @param score the total score, or {@code null} when the decision had none
 * @param writtenAt when the owner was written to Salesforce, or {@code null}
 * @param accountJson the account match (method, confidence, owner) as JSON, or {@code null}
 * @param writeError why writing the owner failed for good, or {@code null}
 * @param leadEmail the lead's e-mail, lower-case, or {@code null} (logged before V6, or none)
 * @param leadCompany the lead's company, lower-case, or {@code null}
 */
public record LoggedDecision(
    long id,
    String leadId,
    Owner owner,
    String rule,
    List<ReasonCode> reasons,
    String pathJson,
    Map<String, String> inputs,
    String strategiesJson,
    Integer score,
    String scoreTier,
    SalesforceId accountId,
    Integer slaMinutes,
    Mode mode,
    DecisionStatus status,
    String ruleSetVersion,
    Instant decidedAt,
    Instant writtenAt,
    String accountJson,
    String writeError,
    String leadEmail,
    String leadCompany) {

  public LoggedDecision {
    reasons = List.copyOf(reasons);
    inputs = Map.copyOf(inputs);
  }
}
