package dev.leadrouter.config;

/** Whether the worker changes owners in Salesforce or only records what it would have done. */
public enum Mode {
  /** Route every lead and log "would have assigned", writing nothing to Salesforce. */
  SHADOW,
  /** Route every lead and write the owner and routing fields back to Salesforce. */
  LIVE
}
