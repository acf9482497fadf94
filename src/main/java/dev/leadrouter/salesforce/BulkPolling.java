package dev.leadrouter.salesforce;

import com.sforce.async.BatchInfo;
import com.sforce.async.BatchStateEnum;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How patiently to wait for a Bulk batch: polls start quickly (most of our batches are small) and
 * back off to {@code longestWait}, so a slow org is not asked every second for minutes.
 *
 * @param maxPolls polls before giving up on the batch (it is then retried as a transient failure)
 */
public record BulkPolling(Duration firstWait, Duration longestWait, int maxPolls) {

  public BulkPolling {
    Objects.requireNonNull(firstWait, "firstWait");
    Objects.requireNonNull(longestWait, "longestWait");
    if (firstWait.toMillis() < 1 || longestWait.compareTo(firstWait) < 0 || maxPolls < 1) {
      throw new IllegalArgumentException("poll waits must be positive and polls at least 1");
    }
  }

  /** About twenty minutes at most: 1 s, then up to 30 s between polls. */
  public static BulkPolling defaults() {
    return new BulkPolling(Duration.ofSeconds(1), Duration.ofSeconds(30), 50);
  }

  /** A Resilience4j retry that polls again while the batch is queued or in progress. */
  Retry retry() {
    RetryConfig config =
        RetryConfig.custom()
            .maxAttempts(maxPolls)
            .intervalFunction(IntervalFunction.ofExponentialBackoff(firstWait, 1.5, longestWait))
            .retryOnResult(BulkPolling::stillRunning)
            .retryOnException(
                error -> error instanceof SalesforceException e && e.kind() == ErrorKind.RETRYABLE)
            .build();
    return Retry.of("salesforce-bulk-poll", config);
  }

  private static boolean stillRunning(Object result) {
    return result instanceof BatchInfo info
        && (info.getState() == BatchStateEnum.Queued
            || info.getState() == BatchStateEnum.InProgress);
  }
}
