package dev.leadrouter.sla;

import dev.leadrouter.store.SlaClock;

/** Tells the owner and their manager that a lead's first touch is overdue. */
@FunctionalInterface
public interface BreachNotifier {

  /**
   * Sends the notice; throws when it could not, so the escalation step is tried again.
   *
   * @return a line for the escalation log saying who was told how
   */
  String breached(SlaClock clock);
}
