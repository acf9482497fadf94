package dev.leadrouter.worker;

import dev.leadrouter.capture.Reconciler;
import dev.leadrouter.capture.ReconciliationRequest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands reconciliation requests from the streaming thread to the routing thread, which re-reads the
 * records of an expired replay id by query and parks gap events as dead letters. Bounded: a flood
 * of gap events slows the stream rather than filling memory.
 */
public final class ReconciliationQueue implements Reconciler {

  private static final Logger log = LoggerFactory.getLogger(ReconciliationQueue.class);
  private final BlockingQueue<ReconciliationRequest> requests = new ArrayBlockingQueue<>(1_000);

  @Override
  public void reconcile(ReconciliationRequest request) {
    try {
      requests.put(request);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      log.warn("reconciliation request dropped while stopping: {}", request.reason());
    }
  }

  /** Offers the request again after {@code delay}, e.g. when the org was down the first time. */
  void retryLater(ReconciliationRequest request, java.time.Duration delay) {
    java.util.concurrent.CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
        .execute(() -> reconcile(request));
  }

  ReconciliationRequest poll() {
    return requests.poll();
  }

  ReconciliationRequest poll(long millis) throws InterruptedException {
    return requests.poll(millis, TimeUnit.MILLISECONDS);
  }
}
