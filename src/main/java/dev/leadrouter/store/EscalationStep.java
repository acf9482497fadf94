package dev.leadrouter.store;

/** The rungs of the escalation ladder, each taken at most once per clock. */
public enum EscalationStep {
  /** Tell the owner and their manager that the first touch is overdue. */
  NOTIFY,
  /** Give the lead to the next available rep of the same team. */
  REASSIGN,
  /** Move the lead, untouched too long, to the nurture queue. */
  RECYCLE
}
