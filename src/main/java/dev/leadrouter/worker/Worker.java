package dev.leadrouter.worker;

import dev.leadrouter.capture.ChangeEventSource;
import dev.leadrouter.config.Mode;
import dev.leadrouter.ha.Leadership;
import dev.leadrouter.store.LoggedDecision;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.write.OwnerUpdate;
import dev.leadrouter.write.OwnerWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running worker: the writer, the change stream and the routing thread, started and stopped in
 * the order that keeps the contracts. On start, decisions recorded but never written (the last run
 * stopped between the two) are written first. On close, the routing thread finishes the event in
 * hand, the stream stops, and the writer drains: whatever it cannot write in time stays planned for
 * the next start.
 */
public final class Worker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Worker.class);

  /** Planned decisions the org already carries, with when they were written at the latest. */
  @FunctionalInterface
  public interface AlreadyWritten {
    Map<Long, Instant> among(List<LoggedDecision> planned);
  }

  private final ChangeEventSource source;
  private final RoutingPipeline pipeline;
  private final OwnerWriter writer;
  private final RoutingLog routingLog;
  private final Mode mode;
  private final MatchIndexes indexes;
  private final Duration drainTimeout;
  private final Thread routingThread;
  private final SideWork sideWork;
  private final Leadership leadership;
  private final AlreadyWritten alreadyWritten;
  private boolean started;
  private boolean active;
  private boolean closed;

  /**
   * @param sideWork started in LIVE mode before the planned writes resume (SLA tracking gives
   *     owners the follow-up Tasks the last run could not, and runs its escalation ladder), and
   *     closed first on close; {@link SideWork#NONE} for none
   * @param leadership decides when this worker may start: a standby waits in {@link #start} until
   *     it holds the lease
   * @param alreadyWritten which decisions planned by the last run the org already carries: they are
   *     marked written rather than written again
   */
  public Worker(
      ChangeEventSource source,
      RoutingPipeline pipeline,
      OwnerWriter writer,
      RoutingLog routingLog,
      Mode mode,
      MatchIndexes indexes,
      Duration drainTimeout,
      SideWork sideWork,
      Leadership leadership,
      AlreadyWritten alreadyWritten) {
    this.leadership = leadership;
    this.alreadyWritten = alreadyWritten;
    this.sideWork = sideWork;
    this.indexes = indexes;
    this.source = source;
    this.pipeline = pipeline;
    this.writer = writer;
    this.routingLog = routingLog;
    this.mode = mode;
    this.drainTimeout = drainTimeout;
    this.routingThread = new Thread(pipeline, "router");
  }

  /**
   * Waits until this worker is the active one (at once unless a standby), then loads the match
   * indexes, writes what the last run planned, subscribes and routes; returns once running, or when
   * {@link #close} ended a standby's wait.
   */
  public void start() throws Exception {
    synchronized (this) {
      if (started) {
        throw new IllegalStateException("a worker starts once");
      }
      started = true;
    }
    // Outside the monitor: a standby may wait here for days, and close() must end the wait.
    if (!leadership.awaitActive()) {
      log.info("stopped while standing by");
      return;
    }
    long activeAt = System.nanoTime();
    synchronized (this) {
      if (closed) {
        return;
      }
      active = true;
      startActive();
    }
    if (leadership.role() == Leadership.Role.ACTIVE) {
      log.info(
          "took over as the active worker (lease epoch {}): running {} ms after taking the lease",
          leadership.epoch(),
          java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - activeAt));
    }
  }

  private void startActive() throws Exception {
    // Before the stream: the first lead must already find its account and its duplicates.
    indexes.loadAll();
    List<LoggedDecision> planned = routingLog.unwritten();
    if (mode == Mode.LIVE) {
      // Before the side work: a decision marked written now gets its follow-up Task there.
      planned = withoutWrittenBeforeStop(planned);
    }
    if (mode == Mode.LIVE) {
      try {
        sideWork.start();
      } catch (RuntimeException failed) {
        // Owners come first; what this step missed it finds again at the next start.
        log.error("start-up step before the writes failed", failed);
      }
    }
    resumePlannedWrites(planned);
    source.start();
    routingThread.start();
    log.info("worker running in {} mode", mode);
  }

  /**
   * Queues the planned writes before the writer starts, as far as they fit, so that a large backlog
   * is seen whole and goes through the Bulk API; the rest wait for room.
   */
  private void resumePlannedWrites(List<LoggedDecision> planned) throws InterruptedException {
    if (planned.isEmpty()) {
      writer.start();
      return;
    }
    if (mode == Mode.SHADOW) {
      // Writing them now would change owners while the operator asked for no writes.
      log.warn(
          "{} live decisions are planned but not written; they are written once the worker runs"
              + " live",
          planned.size());
      writer.start();
      return;
    }
    List<OwnerUpdate> updates = planned.stream().map(OwnerUpdate::of).toList();
    log.info("writing {} decisions the last run recorded but did not write", updates.size());
    boolean writing = false;
    for (OwnerUpdate update : updates) {
      if (!writer.offer(update)) {
        if (!writing) {
          writer.start();
          writing = true;
        }
        writer.submit(update);
      }
    }
    if (!writing) {
      writer.start();
    }
  }

  /**
   * Marks the decisions the org already carries as written and returns the others. A run killed
   * between its write and the mark would otherwise write them twice; when the org cannot be asked,
   * all are written again (twice is better than never).
   */
  private List<LoggedDecision> withoutWrittenBeforeStop(List<LoggedDecision> planned) {
    Map<Long, Instant> written;
    try {
      written = alreadyWritten.among(planned);
    } catch (RuntimeException unknown) {
      log.warn(
          "could not ask the org which planned decisions it already has ({}); writing all",
          unknown.getMessage());
      return planned;
    }
    if (written.isEmpty()) {
      return planned;
    }
    written.forEach(routingLog::markWritten);
    log.info(
        "{} planned decisions were written before the last run stopped; marked written",
        written.size());
    return planned.stream().filter(d -> !written.containsKey(d.id())).toList();
  }

  /** Why the change stream gave up (its sign-in was refused), if it did. */
  public java.util.Optional<String> failure() {
    return source instanceof dev.leadrouter.capture.CdcSubscriber subscriber
        ? subscriber.failure()
        : java.util.Optional.empty();
  }

  /** Whether the change stream is subscribed, so new leads reach the worker. */
  public boolean isSubscribed() {
    return !(source instanceof dev.leadrouter.capture.CdcSubscriber subscriber)
        || subscriber.isSubscribed(WorkerModule.LEAD_CHANNEL);
  }

  @Override
  public void close() throws Exception {
    close(drainTimeout);
  }

  /**
   * Stops, waiting up to {@code timeout} for the event in hand and again for the writer to drain;
   * updates not written by then stay planned for the next start.
   */
  public synchronized void close(Duration timeout) throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    if (!active) {
      // A standby (or a worker whose start failed before it held the lease): nothing runs.
      leadership.close();
      log.info("worker stopped");
      return;
    }
    try {
      stopActive(timeout);
    } finally {
      // Last: the standby takes over only once this worker has written what it could.
      leadership.close();
    }
    log.info("worker stopped");
  }

  private void stopActive(Duration timeout) throws Exception {
    sideWork.close();
    pipeline.stop();
    if (routingThread.isAlive()) {
      routingThread.join(timeout.toMillis());
    }
    try {
      source.close();
    } finally {
      writer.close(timeout);
    }
  }
}
