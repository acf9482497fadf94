package dev.leadrouter.capture;

import java.util.Optional;

/**
 * Events may have been missed on a channel, so the records must be re-read by query. Raised when
 * the checkpoint's replay id was no longer valid (older than retention) and for gap and overflow
 * events.
 *
 * @param lastCheckpoint the last durable position, to bound the query by time
 * @param trigger the gap or overflow event, which names the entity and record ids; empty for an
 *     invalid replay id. The reconciler acknowledges it through the subscriber once done.
 */
public record ReconciliationRequest(
    String channel,
    Optional<ReplayCheckpoint> lastCheckpoint,
    Reason reason,
    Optional<ChangeEvent> trigger) {

  /** Why reconciliation is needed. */
  public enum Reason {
    REPLAY_ID_INVALID,
    GAP_EVENT
  }
}
