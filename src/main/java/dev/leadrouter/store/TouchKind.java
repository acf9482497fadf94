package dev.leadrouter.store;

/** What counted as the first touch of a lead. */
public enum TouchKind {
  /** The Lead Status left the "untouched" values. */
  STATUS,
  /** The owner logged an activity on the lead or completed the SLA task. */
  ACTIVITY,
  /** The lead was converted. */
  CONVERTED
}
