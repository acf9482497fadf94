package dev.leadrouter.store;

/** Where an SLA clock stands. Every status but {@link #OPEN} is final. */
public enum SlaClockStatus {
  /** Running: the owner has not touched the lead yet (it may be past due, see breachedAt). */
  OPEN,
  /** Touched by the due time. */
  MET,
  /** Touched, but after the due time. */
  LATE,
  /** The lead went to another owner before anyone touched it. */
  REASSIGNED,
  /** Nobody touched the lead for the recycle time; it went to nurture. */
  RECYCLED,
  /** Stopped for another reason, e.g. the lead was deleted. */
  CLOSED
}
