package dev.leadrouter.write;

import dev.leadrouter.config.PipelineSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How the writer batches and paces owner updates.
 *
 * @param batchSize updates per sObject Collections call (at most 200)
 * @param window how long a batch that is not full waits for the next update; the wait starts again
 *     with each one that arrives, so a burst fills whole batches while a lone lead waits only this
 *     long
 * @param maxWait how long the first update of a batch waits at most, however steadily updates
 *     trickle in; every millisecond here is speed to lead
 * @param burstWait how long it may wait instead while more leads wait to be routed (a burst)
 * @param bulkThreshold updates waiting at once from which the Bulk API is used instead
 * @param queueCapacity updates that may wait; when full, routing waits (back-pressure). Larger than
 *     {@code bulkThreshold}, or the Bulk API would never be chosen
 * @param bulkChunk updates per Bulk API job (Salesforce takes 10,000 rows per batch)
 * @param budgetSlowdownAt share of the org's daily API budget from which every call is paced
 * @param budgetPause the pause before a call once the budget is that far spent
 * @param attempts attempts per batch when Salesforce fails transiently, the first included
 * @param retryWait wait before the first retry, doubling after each
 * @param retryDeferredAfter when updates still failed after every retry (Salesforce down for a
 *     while), how long until they are sent again; until then they stay planned in the log
 */
public record WriterSettings(
    int batchSize,
    Duration window,
    Duration maxWait,
    Duration burstWait,
    int bulkThreshold,
    int queueCapacity,
    int bulkChunk,
    double budgetSlowdownAt,
    Duration budgetPause,
    int attempts,
    Duration retryWait,
    Duration retryDeferredAfter) {

  /** Rows Salesforce takes in one Bulk API batch. */
  public static final int MAX_BULK_CHUNK = 10_000;

  public WriterSettings {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(burstWait, "burstWait");
    Objects.requireNonNull(budgetPause, "budgetPause");
    Objects.requireNonNull(retryWait, "retryWait");
    Objects.requireNonNull(retryDeferredAfter, "retryDeferredAfter");
    if (batchSize < 1 || batchSize > PipelineSettings.MAX_WRITE_BATCH_SIZE) {
      throw new IllegalArgumentException("batchSize must be 1 to 200: " + batchSize);
    }
    if (bulkThreshold < 1 || queueCapacity <= bulkThreshold) {
      throw new IllegalArgumentException(
          "queueCapacity ("
              + queueCapacity
              + ") must exceed bulkThreshold ("
              + bulkThreshold
              + ")");
    }
    if (bulkChunk < 1 || bulkChunk > MAX_BULK_CHUNK) {
      throw new IllegalArgumentException("bulkChunk must be 1 to 10000: " + bulkChunk);
    }
    if (attempts < 1 || retryWait.toMillis() < 1) {
      throw new IllegalArgumentException("attempts >= 1 and retryWait >= 1 ms");
    }
  }

  /**
   * From the pipeline's settings: a 20 ms window, at most 200 ms, room for five times the bulk
   * threshold.
   */
  public static WriterSettings from(PipelineSettings pipeline) {
    int capacity = Math.max(pipeline.bulkThreshold() * 5, pipeline.bulkThreshold() + 1);
    return new WriterSettings(
        pipeline.writeBatchSize(),
        Duration.ofMillis(20),
        Duration.ofMillis(200),
        Duration.ofSeconds(2),
        pipeline.bulkThreshold(),
        capacity,
        Math.min(MAX_BULK_CHUNK, capacity),
        0.9,
        Duration.ofSeconds(1),
        5,
        Duration.ofMillis(500),
        Duration.ofSeconds(30));
  }

  public WriterSettings withWindow(Duration newWindow, Duration newMaxWait) {
    return new WriterSettings(
        batchSize,
        newWindow,
        newMaxWait,
        burstWait.compareTo(newMaxWait) < 0 ? newMaxWait : burstWait,
        bulkThreshold,
        queueCapacity,
        bulkChunk,
        budgetSlowdownAt,
        budgetPause,
        attempts,
        retryWait,
        retryDeferredAfter);
  }

  public WriterSettings withRetries(int newAttempts, Duration newRetryWait, Duration newDeferred) {
    return new WriterSettings(
        batchSize,
        window,
        maxWait,
        burstWait,
        bulkThreshold,
        queueCapacity,
        bulkChunk,
        budgetSlowdownAt,
        budgetPause,
        newAttempts,
        newRetryWait,
        newDeferred);
  }
}
