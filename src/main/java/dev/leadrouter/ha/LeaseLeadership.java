package dev.leadrouter.ha;

import dev.leadrouter.config.HaSettings;
import dev.leadrouter.store.Fence;
import dev.leadrouter.store.StoreException;
import dev.leadrouter.store.WorkerLease;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leadership loop of a worker that shares PostgreSQL with a standby: while standing by it tries
 * the {@link WorkerLease} every {@code acquire-interval} and ends the session of a holder silent
 * for longer than {@code ttl}; once active it renews every {@code renew-interval}, and when a
 * renewal fails it stops at once: from then on its writes are refused, and its listeners (the
 * {@code run} command, which exits) hear of it.
 *
 * <p>The standby holds no more than one database connection and its assembled (not started) worker:
 * the match indexes, the subscription and the writer start only once it wins, from the shared
 * checkpoint, and it first writes what the last active worker decided but did not write.
 */
public final class LeaseLeadership implements Leadership {

  private static final Logger log = LoggerFactory.getLogger(LeaseLeadership.class);
  // After ending a stale holder's session PostgreSQL frees the lock within milliseconds: look again
  // soon rather than a whole interval later.
  private static final Duration AFTER_ENDING_A_HOLDER = Duration.ofMillis(100);

  private final WorkerLease lease;
  private final HaSettings settings;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CompletableFuture<Boolean> outcome = new CompletableFuture<>();
  private final List<Runnable> lostListeners = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile Role role = Role.STANDBY;
  private boolean started;

  public LeaseLeadership(WorkerLease lease, HaSettings settings) {
    this.lease = Objects.requireNonNull(lease, "lease");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.thread = new Thread(this::run, "leadership");
    thread.setDaemon(true);
  }

  /** Starts competing for the lease; {@link #awaitActive} does so too. */
  public synchronized void start() {
    if (!started) {
      started = true;
      lease.standBy();
      thread.start();
    }
  }

  @Override
  public boolean awaitActive() throws InterruptedException {
    start();
    try {
      return outcome.get();
    } catch (ExecutionException impossible) {
      throw new IllegalStateException("the leadership loop failed", impossible.getCause());
    }
  }

  @Override
  public Role role() {
    return role;
  }

  @Override
  public long epoch() {
    return lease.epoch();
  }

  @Override
  public Fence fence() {
    return lease;
  }

  @Override
  public void onLost(Runnable listener) {
    lostListeners.add(listener);
  }

  /** Why the lease was lost, once it was. */
  public String lostBecause() {
    return lease.lostBecause();
  }

  @Override
  public void close() {
    stop.countDown();
    try {
      if (thread.isAlive()) {
        thread.join(Duration.ofSeconds(10).toMillis());
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } finally {
      lease.release();
      if (role == Role.ACTIVE) {
        role = Role.LOST;
        log.info("gave the lease (epoch {}) up; a standby takes over at once", lease.epoch());
      }
      outcome.complete(false);
    }
  }

  private void run() {
    long standbySince = System.nanoTime();
    log.info(
        "standby: waiting for the worker lease (tries every {} ms; takes over from a holder silent"
            + " for {} ms)",
        settings.acquireInterval().toMillis(),
        settings.ttl().toMillis());
    try {
      while (stop.getCount() > 0) {
        if (role == Role.STANDBY) {
          Duration next = standBy(standbySince);
          if (role == Role.STANDBY) {
            stop.await(next.toMillis(), TimeUnit.MILLISECONDS);
          }
        } else if (stop.await(settings.renewInterval().toMillis(), TimeUnit.MILLISECONDS)) {
          return;
        } else if (!lease.renew()) {
          role = Role.LOST;
          log.error(
              "LOST THE WORKER LEASE (epoch {}): {}. This worker's writes are refused from now on;"
                  + " the other worker carries on from the shared checkpoint",
              lease.epoch(),
              lease.lostBecause());
          lostListeners.forEach(Runnable::run);
          return;
        }
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } finally {
      outcome.complete(false);
    }
  }

  /** One try as standby; returns how long to wait before the next. */
  private Duration standBy(long standbySince) {
    try {
      Optional<WorkerLease.Takeover> took = lease.tryAcquire();
      if (took.isPresent()) {
        role = Role.ACTIVE;
        WorkerLease.Takeover takeover = took.get();
        log.info(
            "ACTIVE: took the worker lease with epoch {} after {} ms as standby{}",
            takeover.epoch(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - standbySince),
            takeover
                .previousHolder()
                .map(
                    previous ->
                        "; the previous holder "
                            + previous
                            + " last renewed "
                            + takeover.previousSilence().map(Duration::toMillis).orElse(0L)
                            + " ms before")
                .orElse(" (the first holder of this store)"));
        outcome.complete(true);
        return Duration.ZERO;
      }
      Optional<WorkerLease.StaleHolder> ended = lease.endStaleHolder(settings.ttl());
      if (ended.isPresent()) {
        WorkerLease.StaleHolder stale = ended.get();
        log.warn(
            "the active worker {} (epoch {}) has not renewed its lease for {} ms; ended its database"
                + " session (pid {}) to take over",
            stale.name(),
            stale.epoch(),
            stale.silence().toMillis(),
            stale.pid());
        return AFTER_ENDING_A_HOLDER;
      }
    } catch (StoreException unreachable) {
      log.warn(
          "standby: cannot reach the store for the lease ({}); trying again",
          unreachable.getMessage());
    }
    return settings.acquireInterval();
  }
}
