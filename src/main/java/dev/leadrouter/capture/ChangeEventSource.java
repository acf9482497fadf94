package dev.leadrouter.capture;

import java.time.Duration;

/**
 * Where the pipeline takes change events from, whatever the transport (CometD streaming now, the
 * gRPC Pub/Sub API later). Delivery is at least once: an event not acknowledged comes again after a
 * restart, so the pipeline's effects must be idempotent.
 */
public interface ChangeEventSource extends AutoCloseable {

  /** Connects and subscribes; returns at once. Call once. */
  void start() throws Exception;

  /** The next event, waiting up to {@code timeout}; null when none came. */
  ChangeEvent poll(Duration timeout) throws InterruptedException;

  /**
   * The event's effect is durable (or it was dead-lettered or reconciled). Its channel's checkpoint
   * moves past it once every earlier event on the channel is acknowledged too. Never call this for
   * an event whose processing failed: it must come again after a restart.
   */
  void acknowledge(ChangeEvent event);

  /** Events received and not yet taken; bounded, so a slow pipeline holds the stream back. */
  int backlog();

  /**
   * Event messages delivered to us since start, echoes, gaps and malformed ones included: each
   * counts against the org's daily change-event delivery allocation, so it is worth watching.
   */
  long delivered();

  /**
   * The records of a channel whose replay id had expired are re-read and their effects durable (see
   * {@link ReconciliationRequest.Reason#REPLAY_ID_INVALID}): its checkpoint may move again.
   */
  default void reconciled(String channel) {}
}
