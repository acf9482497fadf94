package dev.leadrouter.worker;

import dev.leadrouter.capture.ReplayCheckpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The time from which records are read again after a channel's replay id expired: the last
 * checkpoint's time less a safety margin. The margin covers events committed before the checkpoint
 * was taken but not yet processed by then (a worker behind a burst) and clocks that disagree; a
 * wide margin costs only a longer query, since leads that already have a decision are skipped.
 *
 * @param since records created or changed at or after this instant are read
 */
public record ReconciliationWindow(Instant since) {

  /** Comfortably more than the worker ever lags behind the stream, even in a webinar burst. */
  public static final Duration DEFAULT_MARGIN = Duration.ofMinutes(10);

  public ReconciliationWindow {
    Objects.requireNonNull(since, "since");
    // SOQL DateTime literals take whole seconds; rounding down only widens the window.
    since = since.truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * The window after the checkpoint; without one (never committed), the margin before now, which is
   * as far back as the worker could have missed anything in this run.
   */
  public static ReconciliationWindow after(
      Optional<ReplayCheckpoint> lastCheckpoint, Duration margin, Clock clock) {
    if (margin.isNegative()) {
      throw new IllegalArgumentException("margin is negative: " + margin);
    }
    Instant from = lastCheckpoint.map(ReplayCheckpoint::committedAt).orElse(clock.instant());
    return new ReconciliationWindow(from.minus(margin));
  }

  /**
   * SOQL for the records of {@code sObject} created or changed in the window, oldest first. The
   * literal is an instant the worker formats itself (ISO-8601 in UTC), never text from a record, so
   * nothing in it needs escaping.
   */
  public String soql(String sObject, List<String> fields) {
    if (!sObject.matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not an sObject name: " + sObject);
    }
    return "SELECT "
        + String.join(", ", fields)
        + " FROM "
        + sObject
        + " WHERE CreatedDate >= "
        + since
        + " OR SystemModstamp >= "
        + since
        + " ORDER BY CreatedDate";
  }

  /** Whether a record created at {@code createdAt} is new in the window, not only changed in it. */
  public boolean createdWithin(Instant createdAt) {
    return createdAt != null && !createdAt.isBefore(since);
  }
}
