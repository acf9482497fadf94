package dev.leadrouter.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one assignment promises: who must touch the lead by when, and when it is recycled.
 *
 * @param tier the score tier the terms came from ({@code default} when the lead had none)
 * @param firstTouch the time allowed, in business time when {@code businessHours}
 * @param startedAt when the owner got the lead
 * @param dueAt the deadline for the first touch; a touch at exactly this instant is in time
 * @param recycleAt when a lead nobody contacted goes to nurture
 */
public record SlaTerms(
    String tier,
    Duration firstTouch,
    boolean businessHours,
    Instant startedAt,
    Instant dueAt,
    Instant recycleAt) {

  public SlaTerms {
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(firstTouch, "firstTouch");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(recycleAt, "recycleAt");
  }

  /** True when a first touch at {@code touchedAt} keeps the promise. */
  public boolean metBy(Instant touchedAt) {
    return !touchedAt.isAfter(dueAt);
  }

  /** True when, at {@code now}, the deadline has passed without a touch. */
  public boolean breachedAt(Instant now) {
    return now.isAfter(dueAt);
  }
}
