package dev.leadrouter.sla;

import dev.leadrouter.route.Rep;
import java.util.Optional;

/** Finds the rep behind a user id, for their time zone, working hours and team. */
@FunctionalInterface
public interface RepDirectory {

  /** Knows nobody: clocks then use the org's business hours. */
  RepDirectory NONE = userId -> Optional.empty();

  Optional<Rep> find(String userId);
}
