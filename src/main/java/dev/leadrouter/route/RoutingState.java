package dev.leadrouter.route;

import dev.leadrouter.lead.SalesforceId;
import java.util.List;

/**
 * Rotation and load state that strategies read. Implementations keep it in memory or in the store;
 * {@link #apply} must make all of a decision's changes visible together or not at all.
 */
public interface RoutingState {

  TeamRotation rotation(String team);

  /** Leads the user holds that are still open (not yet touched). */
  int openLoad(SalesforceId user);

  void apply(List<StateChange> changes);
}
