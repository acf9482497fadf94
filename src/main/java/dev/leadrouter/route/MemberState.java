package dev.leadrouter.route;

import dev.leadrouter.lead.SalesforceId;

/**
 * A team member as the strategy saw them when it decided: whether they could take the lead (and why
 * not), their load, and the weight and credit that ranked them.
 *
 * @param unavailable why they were passed over, or {@code null} when they were a candidate
 */
public record MemberState(
    SalesforceId userId,
    String name,
    ReasonCode unavailable,
    int openLoad,
    int capacity,
    int weight,
    double effectiveWeight,
    double credit) {}
