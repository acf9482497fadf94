package dev.leadrouter.store;

/** How far a logged decision got on its way to Salesforce. */
public enum DecisionStatus {
  /** Recorded and durable; the owner is not yet written (or, in shadow mode, never will be). */
  PLANNED,
  /** The owner is written to Salesforce. */
  WRITTEN,
  /** Writing failed for good; the lead may be routed again. */
  FAILED,
  /** Written, then replaced by a later decision for the lead (an SLA reassignment). */
  SUPERSEDED
}
