package dev.leadrouter.emulator.rest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The org's daily API request budget. Every REST call counts, as in an org; the count never resets
 * (an emulator run is shorter than the org's rolling 24 h window).
 */
final class ApiUsage {

  private final AtomicLong used = new AtomicLong();
  private final long limit;

  ApiUsage(long limit) {
    this.limit = limit;
  }

  /** Counts one call; false when the budget was already spent. */
  boolean take() {
    return used.incrementAndGet() <= limit;
  }

  /** The {@code Sforce-Limit-Info} header value, e.g. {@code api-usage=18/5000}. */
  String header() {
    return "api-usage=" + Math.min(used.get(), limit) + "/" + limit;
  }
}
