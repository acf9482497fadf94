package dev.leadrouter.salesforce;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and retry policy of the Salesforce client. Transient failures back off exponentially
 * with jitter; an exhausted API budget waits much longer between fewer attempts.
 *
 * @param connectTimeout to open a connection
 * @param requestTimeout for one request, response included
 * @param maxAttempts attempts for transient failures, the first included
 * @param initialWait wait before the first retry of a transient failure
 * @param multiplier growth of the wait per retry
 * @param jitter randomisation of each wait, 0 (none) to 1 (up to ±100%)
 * @param budgetMaxAttempts attempts when the API budget is exhausted, the first included
 * @param budgetWait wait before retrying after REQUEST_LIMIT_EXCEEDED
 */
public record SalesforceClientSettings(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration initialWait,
    double multiplier,
    double jitter,
    int budgetMaxAttempts,
    Duration budgetWait) {

  public SalesforceClientSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(initialWait, "initialWait");
    Objects.requireNonNull(budgetWait, "budgetWait");
    if (maxAttempts < 1 || budgetMaxAttempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    if (multiplier < 1 || jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("multiplier must be >= 1 and jitter in [0, 1)");
    }
    if (initialWait.toMillis() < 1 || budgetWait.toMillis() < 1) {
      throw new IllegalArgumentException("waits must be at least 1 ms");
    }
  }

  /** As configured in {@code lead-router.salesforce.calls}; waits double with ±50 % jitter. */
  public static SalesforceClientSettings of(dev.leadrouter.config.SalesforceCallSettings calls) {
    return new SalesforceClientSettings(
        calls.connectTimeout(),
        calls.requestTimeout(),
        calls.maxAttempts(),
        calls.initialWait(),
        2.0,
        0.5,
        calls.budgetMaxAttempts(),
        calls.budgetWait());
  }

  /** Production defaults: 4 attempts from 500 ms doubling; 3 budget attempts a minute apart. */
  public static SalesforceClientSettings defaults() {
    return new SalesforceClientSettings(
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        4,
        Duration.ofMillis(500),
        2.0,
        0.5,
        3,
        Duration.ofMinutes(1));
  }
}
