package dev.leadrouter.route;

import dev.leadrouter.lead.SalesforceId;
import java.util.Map;

/**
 * A change a decision makes to rotation or load state. Decisions carry their changes rather than
 * making them, so the store can commit both in one transaction.
 */
public sealed interface StateChange {

  /** The team's rotation moved on to {@code assigned}; {@code credits} replace the old ones. */
  record RotationMoved(String team, SalesforceId assigned, Map<SalesforceId, Double> credits)
      implements StateChange {
    public RotationMoved {
      // Wrapped, not copied: strategies hand over a fresh map they never touch again, and copying
      // a team's credits on every decision is measurable.
      credits = java.util.Collections.unmodifiableMap(credits);
    }
  }

  /** The user's open load changed by {@code delta}. */
  record LoadChanged(SalesforceId user, int delta) implements StateChange {}
}
