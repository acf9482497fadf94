package dev.leadrouter.route;

import dev.leadrouter.lead.SalesforceId;
import java.util.Map;

/**
 * Where a team's rotation stands: who got the last lead, and each member's accumulated credit under
 * weighted round robin.
 */
public record TeamRotation(SalesforceId lastAssigned, Map<SalesforceId, Double> credits) {

  public static final TeamRotation START = new TeamRotation(null, Map.of());

  public TeamRotation {
    // Wrapped, not copied: strategies hand over a fresh map they never touch again, and copying
    // a team's credits on every decision is measurable.
    credits = java.util.Collections.unmodifiableMap(credits);
  }

  public double credit(SalesforceId member) {
    return credits.getOrDefault(member, 0.0);
  }
}
