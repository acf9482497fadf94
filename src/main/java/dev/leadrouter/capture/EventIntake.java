package dev.leadrouter.capture;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a delivered message, from parsing to checkpoint: parse it, drop a repeat, track
 * it, then acknowledge our own echo at once, send a gap to the reconciler, or queue it for the
 * pipeline; and, when the pipeline acknowledges, commit the checkpoint as far as every earlier
 * event is done.
 */
final class EventIntake {

  private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

  private final ChangeEventParser parser = new ChangeEventParser();
  private final LongAdder delivered = new LongAdder();
  private final AckTracker pending = new AckTracker();
  private final ReplayExtension replay;
  private final BlockingQueue<ChangeEvent> queue;
  private final String clientId;
  private final CheckpointStore checkpoints;
  private final Reconciler reconciler;
  private final DeadLetters deadLetters;
  private final Clock clock;
  // Channels being reconciled after an expired replay id, with the newest position acknowledged
  // meanwhile (Long.MIN_VALUE while none): their checkpoint must stay on the expired id until the
  // re-read is durable, or a crash in between would skip the reconciliation for good.
  private final Map<String, Long> held = new java.util.HashMap<>();

  EventIntake(
      ReplayExtension replay,
      SubscriberSettings settings,
      CheckpointStore checkpoints,
      Reconciler reconciler,
      DeadLetters deadLetters,
      Clock clock) {
    this.replay = replay;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.clientId = settings.clientId();
    this.checkpoints = checkpoints;
    this.reconciler = reconciler;
    this.deadLetters = deadLetters;
    this.clock = clock;
  }

  /**
   * Takes one delivered message; blocks while the queue is full, which is the back-pressure on the
   * streaming thread, until there is room or {@code running} turns false.
   */
  void accept(String channel, Map<String, Object> data, BooleanSupplier running) {
    delivered.increment();
    ParseResult result = parser.parse(channel, data);
    if (result instanceof MalformedEvent malformed) {
      deadLetters.store(malformed);
      return;
    }
    ChangeEvent event = (ChangeEvent) result;
    long position = replay.position(channel);
    if (position >= 0 && event.replayId() <= position) {
      log.debug("dropping {} on {}: already received", event.replayId(), channel);
      return;
    }
    pending.received(channel, event.replayId());
    replay.received(channel, event.replayId());
    if (event.header().changeOrigin().isFrom(clientId)) {
      acknowledge(event);
    } else if (event.header().changeType().needsReconciliation()) {
      reconciler.reconcile(
          new ReconciliationRequest(
              channel,
              checkpoints.load(channel),
              ReconciliationRequest.Reason.GAP_EVENT,
              Optional.of(event)));
    } else {
      enqueue(event, running);
    }
  }

  /** One at a time, so two acknowledgements never commit out of order. */
  synchronized void acknowledge(ChangeEvent event) {
    pending
        .acknowledged(event.channel(), event.replayId())
        .ifPresent(replayId -> commit(event.channel(), replayId));
  }

  /** Keeps the channel's checkpoint where it is until {@link #release}. */
  synchronized void hold(String channel) {
    held.putIfAbsent(channel, Long.MIN_VALUE);
  }

  /**
   * Lets the channel's checkpoint move again, at once to the newest event acknowledged while held.
   * When none was, it stays on the expired id until the next event: a restart before then
   * reconciles once more, which finds nothing new to route.
   */
  synchronized void release(String channel) {
    Long position = held.remove(channel);
    if (position != null && position != Long.MIN_VALUE) {
      commit(channel, position);
    }
  }

  private void commit(String channel, long replayId) {
    if (held.containsKey(channel)) {
      held.put(channel, replayId);
      return;
    }
    checkpoints.commit(new ReplayCheckpoint(channel, replayId, clock.instant()));
  }

  ChangeEvent poll(Duration timeout) throws InterruptedException {
    return queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  long delivered() {
    return delivered.sum();
  }

  int backlog() {
    return queue.size();
  }

  private void enqueue(ChangeEvent event, BooleanSupplier running) {
    try {
      while (running.getAsBoolean() && !queue.offer(event, 100, TimeUnit.MILLISECONDS)) {
        // Keep waiting; re-checking lets a stopping subscriber end the wait.
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
