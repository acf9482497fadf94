package dev.leadrouter.admin;

/** How well a part of the worker is doing, from best to worst. */
public enum HealthStatus {
  /** Working as it should. */
  UP,
  /** Working, but with less than it should have (e.g. enrichment skipped, circuit open). */
  DEGRADED,
  /** Not working: leads are not being routed or not written. */
  DOWN;

  /** The worse of two statuses. */
  HealthStatus worse(HealthStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
