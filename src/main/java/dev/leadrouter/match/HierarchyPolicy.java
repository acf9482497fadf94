package dev.leadrouter.match;

/** Whose account a lead of a subsidiary goes to. */
public enum HierarchyPolicy {
  /** The matched account and its owner. */
  MATCHED_ACCOUNT,
  /**
   * The matched account, routed to its ultimate parent's owner (global account management: one
   * owner for the whole group). The parent's owner is used only when that parent is in the index.
   */
  ULTIMATE_PARENT_OWNER
}
