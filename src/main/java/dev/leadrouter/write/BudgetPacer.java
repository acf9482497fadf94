package dev.leadrouter.write;

import dev.leadrouter.salesforce.ApiBudget;
import dev.leadrouter.salesforce.ApiUsage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Slows the writer down as the org's daily API budget runs out, so that routing degrades to slower
 * writes rather than to REQUEST_LIMIT_EXCEEDED for every integration of the org.
 */
final class BudgetPacer {

  /** Waits; a seam so tests need not wait for real. */
  @FunctionalInterface
  interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  private final ApiBudget budget;
  private final double slowdownAt;
  private final Duration pause;
  private final Pause waiter;

  BudgetPacer(ApiBudget budget, double slowdownAt, Duration pause) {
    this(budget, slowdownAt, pause, d -> TimeUnit.MILLISECONDS.sleep(d.toMillis()));
  }

  BudgetPacer(ApiBudget budget, double slowdownAt, Duration pause, Pause waiter) {
    this.budget = budget;
    this.slowdownAt = slowdownAt;
    this.pause = pause;
    this.waiter = waiter;
  }

  /** How long to wait before the next call: nothing until the budget is nearly spent. */
  Duration delay() {
    double used = Math.max(share(budget.orgUsage()), share(budget.appUsage()));
    return used >= slowdownAt ? pause : Duration.ZERO;
  }

  void beforeCall() throws InterruptedException {
    Duration delay = delay();
    if (!delay.isZero()) {
      waiter.pause(delay);
    }
  }

  private static double share(Optional<ApiUsage> usage) {
    return usage.filter(u -> u.limit() > 0).map(u -> (double) u.used() / u.limit()).orElse(0.0);
  }
}
