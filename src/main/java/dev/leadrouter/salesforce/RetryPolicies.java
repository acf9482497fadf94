package dev.leadrouter.salesforce;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.Map;

/**
 * The named retry configurations of the Salesforce client. Each retries one {@link ErrorKind} only,
 * so they nest without double counting: {@value #TRANSIENT} inside {@value #BUDGET}.
 */
final class RetryPolicies {

  /** Lock contention, 5xx, timeouts, and records that failed for those reasons. */
  static final String TRANSIENT = "salesforce-transient";

  /** REQUEST_LIMIT_EXCEEDED: wait for the org's budget window to free up. */
  static final String BUDGET = "salesforce-budget";

  private RetryPolicies() {}

  static RetryRegistry registry(SalesforceClientSettings settings) {
    RetryConfig transientConfig =
        RetryConfig.custom()
            .maxAttempts(settings.maxAttempts())
            .intervalFunction(
                IntervalFunction.ofExponentialRandomBackoff(
                    settings.initialWait(), settings.multiplier(), settings.jitter()))
            .retryOnException(error -> isKind(error, ErrorKind.RETRYABLE))
            // A 200 whose records failed on row locks is retried for those records only.
            .retryOnResult(result -> result instanceof PartialWrite write && write.hasRetryable())
            .build();
    RetryConfig budgetConfig =
        RetryConfig.custom()
            .maxAttempts(settings.budgetMaxAttempts())
            .intervalFunction(
                IntervalFunction.ofExponentialRandomBackoff(
                    settings.budgetWait(), settings.multiplier(), settings.jitter()))
            .retryOnException(error -> isKind(error, ErrorKind.BUDGET))
            .build();
    return RetryRegistry.of(Map.of(TRANSIENT, transientConfig, BUDGET, budgetConfig));
  }

  private static boolean isKind(Throwable error, ErrorKind kind) {
    return error instanceof SalesforceException e && e.kind() == kind;
  }
}
