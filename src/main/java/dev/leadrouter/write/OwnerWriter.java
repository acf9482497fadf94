package dev.leadrouter.write;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write stage: owner updates wait in a bounded queue and one thread sends them in
 * micro-batches, up to a batch's size or a short window, one sObject Collections call each. When
 * many wait at once (an import, a webinar list) they go through the Bulk API instead, which costs a
 * handful of calls for thousands of leads. A full queue makes {@link #submit} wait: routing slows
 * down instead of memory filling up.
 */
public final class OwnerWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OwnerWriter.class);
  private static final Duration IDLE_POLL = Duration.ofMillis(100);

  private final BatchWriter batches;
  private final WriterSettings settings;
  private final UpstreamBacklog upstream;
  private final BlockingQueue<OwnerUpdate> queue;
  private final Thread thread;
  // Updates Salesforce kept refusing; only the writer thread touches them. Bounded by the queue's
  // capacity: beyond it they stay planned in the log and are written at the next start.
  private final java.util.ArrayDeque<OwnerUpdate> deferred = new java.util.ArrayDeque<>();
  private long retryDeferredAt;
  private volatile boolean running;
  private volatile boolean started;

  public OwnerWriter(
      BatchWriter batches,
      WriterSettings settings,
      UpstreamBacklog upstream,
      MeterRegistry meters) {
    this.batches = batches;
    this.settings = settings;
    this.upstream = upstream;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.thread = new Thread(this::run, "owner-writer");
    Gauge.builder("leadrouter.write.queue", queue, BlockingQueue::size)
        .description("owner updates waiting to be written")
        .register(meters);
  }

  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    running = true;
    thread.start();
  }

  /** Queues an update, waiting while the queue is full. */
  public void submit(OwnerUpdate update) throws InterruptedException {
    queue.put(update);
  }

  /** Queues an update if there is room at once; false when the queue is full. */
  public boolean offer(OwnerUpdate update) {
    return queue.offer(update);
  }

  /** Updates waiting to be written. */
  public int backlog() {
    return queue.size();
  }

  /**
   * Writes what is queued, then stops. Updates still queued when {@code timeout} runs out stay
   * planned in the routing log and are written at the next start.
   */
  public void close(Duration timeout) throws InterruptedException {
    running = false;
    if (started) {
      thread.join(timeout.toMillis());
      if (thread.isAlive()) {
        log.warn("writer did not drain within {}; {} updates stay planned", timeout, queue.size());
        thread.interrupt();
        thread.join(timeout.toMillis());
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    close(Duration.ofSeconds(30));
  }

  private void run() {
    try {
      while (running || !queue.isEmpty()) {
        retryDeferred();
        OwnerUpdate first = queue.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        List<OwnerUpdate> batch = new ArrayList<>();
        batch.add(first);
        if (queue.size() + 1 >= settings.bulkThreshold()) {
          queue.drainTo(batch, settings.bulkChunk() - 1);
          writeSafely(batch, BatchWriter.Path.BULK);
        } else {
          fill(batch);
          writeSafely(batch, BatchWriter.Path.COLLECTIONS);
        }
      }
    } catch (InterruptedException stop) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Adds what arrives while updates keep coming (each within the window of the last), up to a
   * batch's size and the longest wait; longer while leads wait upstream (a burst).
   */
  private void fill(List<OwnerUpdate> batch) throws InterruptedException {
    long start = System.nanoTime();
    long latest = start + settings.maxWait().toNanos();
    long latestInBurst = start + settings.burstWait().toNanos();
    while (batch.size() < settings.batchSize()) {
      queue.drainTo(batch, settings.batchSize() - batch.size());
      long now = System.nanoTime();
      long end = upstream.waiting() > 0 ? latestInBurst : latest;
      long wait = Math.min(settings.window().toNanos(), end - now);
      if (batch.size() >= settings.batchSize() || wait <= 0 || !running) {
        return;
      }
      OwnerUpdate next = queue.poll(wait, TimeUnit.NANOSECONDS);
      if (next == null && upstream.waiting() == 0) {
        return;
      }
      if (next != null) {
        batch.add(next);
      }
    }
  }

  private void retryDeferred() {
    if (deferred.isEmpty() || !running || System.nanoTime() < retryDeferredAt) {
      return;
    }
    List<OwnerUpdate> batch = new ArrayList<>();
    while (!deferred.isEmpty() && batch.size() < settings.batchSize()) {
      batch.add(deferred.pollFirst());
    }
    log.info("sending {} deferred owner updates again", batch.size());
    writeSafely(batch, BatchWriter.Path.COLLECTIONS);
  }

  private void writeSafely(List<OwnerUpdate> batch, BatchWriter.Path path) {
    try {
      List<OwnerUpdate> refused = batches.write(batch, path);
      if (!refused.isEmpty()) {
        retryDeferredAt = System.nanoTime() + settings.retryDeferredAfter().toNanos();
        int room = settings.queueCapacity() - deferred.size();
        refused.stream().limit(Math.max(0, room)).forEach(deferred::addLast);
        if (refused.size() > room) {
          log.warn("{} refused updates stay planned until the next start", refused.size() - room);
        }
      }
    } catch (RuntimeException unexpected) {
      // The updates stay planned in the log; one bad batch must not stop the writer.
      log.error("writing a batch of {} failed; it stays planned", batch.size(), unexpected);
    }
  }
}
