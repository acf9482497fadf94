package dev.leadrouter.salesforce;

import java.util.Optional;

/**
 * One counter from {@code Sforce-Limit-Info}: calls used against a limit in the current window.
 *
 * @param used calls made so far
 * @param limit calls allowed
 * @param appName the connected app, for {@code per-app-api-usage}; empty for the org-wide counter
 */
public record ApiUsage(long used, long limit, Optional<String> appName) {

  /** Calls left before the limit; never negative (orgs may burst past their limit). */
  public long remaining() {
    return Math.max(0, limit - used);
  }
}
