package dev.leadrouter.sla;

import com.google.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the escalation ladder every few seconds on a thread of its own, and once at start: the
 * clocks are in the store, so a pass after a restart takes the steps that fell due meanwhile.
 */
public final class SlaScheduler implements AutoCloseable {

  /** How often the ladder looks at the clocks; escalation times are minutes, so this is ample. */
  public static final Duration TICK = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(SlaScheduler.class);

  private final SlaEscalations escalations;
  private final SlaAssignments assignments;
  private ScheduledExecutorService executor;

  @Inject
  public SlaScheduler(SlaEscalations escalations, SlaAssignments assignments) {
    this.escalations = escalations;
    this.assignments = assignments;
  }

  /** Gives owners the Tasks the last run could not, then starts the ladder. */
  public synchronized void start() {
    if (executor != null) {
      throw new IllegalStateException("already started");
    }
    try {
      int recovered = assignments.recoverTasks();
      if (recovered > 0) {
        log.info("created {} follow-up tasks the last run could not", recovered);
      }
    } catch (RuntimeException failed) {
      // The org or the store refused (a rate-limit window, say): what was missed stays missing
      // until the next start, but the ladder for the clocks already running must still run.
      log.error("recovering the follow-up tasks the last run could not create failed", failed);
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "sla-escalations");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(this::pass, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void pass() {
    try {
      escalations.runOnce();
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException failed) {
      // The clocks stay as they are; the next pass tries again.
      log.error("SLA escalation pass failed", failed);
    }
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
