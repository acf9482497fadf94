package dev.leadrouter.store;

import java.time.Duration;
import java.time.Instant;

/** SLA clocks as the store contracts open them: a hot web lead of the EMEA inbound rule. */
final class SlaClockFixtures {

  private SlaClockFixtures() {}

  /** Due five minutes after {@code startedAt}, escalated at most 48 hours on. */
  static NewSlaClock hotWebLead(String leadId, long decisionId, String ownerId, Instant startedAt) {
    return new NewSlaClock(
        leadId,
        decisionId,
        ownerId,
        "emea",
        "EMEA inbound",
        "Web",
        "hot",
        false,
        startedAt,
        startedAt.plus(Duration.ofMinutes(5)),
        startedAt.plus(Duration.ofHours(48)));
  }
}
