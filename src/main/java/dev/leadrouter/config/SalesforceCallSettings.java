package dev.leadrouter.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How the worker calls Salesforce: timeouts and how often and how long it retries, from {@code
 * lead-router.salesforce.calls}. The back-off shape (doubling, with jitter) is not a setting.
 *
 * @param connectTimeout to open a connection
 * @param requestTimeout for one request, response included
 * @param maxAttempts attempts for transient failures (row locks, 5xx, timeouts), the first included
 * @param initialWait wait before the first retry of a transient failure
 * @param budgetMaxAttempts attempts after REQUEST_LIMIT_EXCEEDED, the first included
 * @param budgetWait wait before the first retry after REQUEST_LIMIT_EXCEEDED
 */
public record SalesforceCallSettings(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration initialWait,
    int budgetMaxAttempts,
    Duration budgetWait) {

  public SalesforceCallSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(initialWait, "initialWait");
    Objects.requireNonNull(budgetWait, "budgetWait");
  }

  /** Production defaults: 4 attempts from 500 ms doubling; 3 budget attempts a minute apart. */
  public static SalesforceCallSettings defaults() {
    return new SalesforceCallSettings(
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        4,
        Duration.ofMillis(500),
        3,
        Duration.ofMinutes(1));
  }
}
