package dev.leadrouter.sla;

import dev.leadrouter.store.SlaClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The notifier when no channel is configured: the breach goes to the log, where ops see it. */
public final class LoggingBreachNotifier implements BreachNotifier {

  private static final Logger log = LoggerFactory.getLogger(LoggingBreachNotifier.class);

  @Override
  public String breached(SlaClock clock) {
    log.warn(
        "SLA breached: lead {} owned by {} was due at {} and is untouched",
        clock.leadId(),
        clock.ownerId(),
        clock.dueAt());
    return "logged (no notification channel configured)";
  }
}
