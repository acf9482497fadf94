package dev.leadrouter.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored SLA clock.
 *
 * @param taskId the follow-up Task's id once created, else {@code null}
 * @param breachedAt when the clock was first seen past due while open, else {@code null}
 * @param touchedAt when the first touch happened, else {@code null}
 * @param closedAt when the clock stopped for any reason, else {@code null}
 */
public record SlaClock(
    long id,
    String leadId,
    long decisionId,
    String ownerId,
    String team,
    String rule,
    String leadSource,
    String tier,
    boolean businessHours,
    Instant startedAt,
    Instant dueAt,
    Instant recycleAt,
    SlaClockStatus status,
    String taskKey,
    String taskId,
    Instant breachedAt,
    Instant touchedAt,
    TouchKind touchKind,
    Instant closedAt) {

  public boolean isOpen() {
    return status == SlaClockStatus.OPEN;
  }

  /** Wall-clock time from assignment to first touch, when touched. */
  public Optional<Duration> speedToLead() {
    return touchedAt == null
        ? Optional.empty()
        : Optional.of(Duration.between(startedAt, touchedAt));
  }
}
