package dev.leadrouter.config;

/** How log lines are written to standard error. */
public enum LogFormat {
  /** One human-readable line per event. */
  TEXT,
  /** One JSON object per line, for log collectors. */
  JSON
}
