package dev.leadrouter.capture;

/**
 * The {@code changeType} of a change event header. Gap events carry ids but no field values; the
 * overflow event stands for more than 100,000 changes in one transaction on one entity.
 */
public enum ChangeType {
  CREATE,
  UPDATE,
  DELETE,
  UNDELETE,
  GAP_CREATE,
  GAP_UPDATE,
  GAP_DELETE,
  GAP_UNDELETE,
  GAP_OVERFLOW,
  /** A value this build does not know (Salesforce reserves SNAPSHOT, and may add more). */
  UNKNOWN;

  /** Never throws: a new change type must not stop the stream. */
  public static ChangeType parse(String text) {
    if (text == null) {
      return UNKNOWN;
    }
    for (ChangeType type : values()) {
      if (type.name().equals(text)) {
        return type;
      }
    }
    return UNKNOWN;
  }

  /** True for events whose record values we did not get, so the records must be re-read. */
  public boolean needsReconciliation() {
    return name().startsWith("GAP_");
  }
}
