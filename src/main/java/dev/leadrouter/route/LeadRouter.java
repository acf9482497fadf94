package dev.leadrouter.route;

/**
 * Decides who owns a lead. Never throws for anything about the lead: every lead gets an owner and
 * the reasons, bad data included.
 *
 * <p>Deciding reads {@link RoutingState} but does not change it; the decision carries its {@link
 * StateChange}s so the caller can commit them with the decision.
 */
public interface LeadRouter {
  Decision decide(RuleSet ruleSet, RoutingRequest request, RoutingState state);
}
