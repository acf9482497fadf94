package dev.leadrouter.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The escalation ladder ({@code lead-router.sla.escalation}): at breach the owner and their manager
 * are told; {@code reassign-after} later the lead goes to the next available rep of the same team;
 * after {@code recycle-after} without contact it moves to the nurture queue.
 *
 * @param notifyAtBreach tell owner and manager when the first-touch time runs out
 * @param reassignAfter time after the breach until the lead is reassigned; empty never reassigns
 * @param maxReassignments reassignments at most per lead, so a lead no one works stops moving
 * @param recycleAfter time after routing without contact until the lead is recycled
 * @param nurtureQueueId the queue recycled leads go to; empty only closes their clock
 */
public record SlaEscalationSettings(
    boolean notifyAtBreach,
    Optional<Duration> reassignAfter,
    int maxReassignments,
    Duration recycleAfter,
    Optional<String> nurtureQueueId) {

  public SlaEscalationSettings {
    Objects.requireNonNull(reassignAfter, "reassignAfter");
    Objects.requireNonNull(recycleAfter, "recycleAfter");
    Objects.requireNonNull(nurtureQueueId, "nurtureQueueId");
  }
}
