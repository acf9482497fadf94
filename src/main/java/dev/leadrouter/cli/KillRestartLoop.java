package dev.leadrouter.cli;

import dev.leadrouter.emulator.faults.PlanValues;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The heart of {@code bench chaos}: kills the worker at seeded random moments while leads arrive
 * (once followed by an outage), restarts it, and times each recovery; then waits for the last
 * owners.
 */
final class KillRestartLoop {

  private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(3);

  private final ChaosWorker worker;
  private final ChaosAudit audit;
  private final int leads;
  private final double rate;
  private final int kills;
  private final Duration outageTime;
  private final Duration drain;
  private final Random random;
  private final PrintWriter err;
  private final List<Double> recoveries = new ArrayList<>();
  private int killed;
  private int outages;
  private int exits;

  /**
   * @param leads how many leads the generator creates
   * @param rate leads per second it creates them at (a fifth at once)
   * @param kills how many SIGKILLs, one of them followed by {@code outageTime} down
   * @param drain how long to wait for the last owners once generating and killing are done
   */
  KillRestartLoop(
      ChaosWorker worker,
      ChaosAudit audit,
      int leads,
      double rate,
      int kills,
      Duration outageTime,
      Duration drain,
      Random random,
      PrintWriter err) {
    this.worker = worker;
    this.audit = audit;
    this.leads = leads;
    this.rate = rate;
    this.kills = kills;
    this.outageTime = outageTime;
    this.drain = drain;
    this.random = random;
    this.err = err;
  }

  void run(CompletableFuture<Void> generating) throws Exception {
    // Kills fall while leads arrive: the paced four fifths take leads * 0.8 / rate seconds.
    double arrival = leads * 0.8 / rate;
    List<Double> killAt = new ArrayList<>();
    for (int i = 0; i < kills; i++) {
      killAt.add(arrival * (0.05 + 0.9 * random.nextDouble()));
    }
    killAt.sort(null);
    // The long outage early on, so leads keep arriving while the worker is away.
    int outageKill = kills == 0 ? -1 : random.nextInt(Math.max(1, (kills + 2) / 3));
    ProgressBar bar = new ProgressBar(err, "leads routed", leads);
    long start = System.nanoTime();
    long drainDeadline = Long.MAX_VALUE;
    Recovery recovering = null;
    while (true) {
      bar.update(audit.written());
      double elapsed = (System.nanoTime() - start) / 1e9;
      if (recovering != null && !worker.isAlive()) {
        exits++;
        err.printf(
            "%nthe worker stopped while starting (exit %d); restarting%n", worker.exitCode());
        recovering = restart();
      } else if (recovering != null) {
        Optional<Double> took = recovering.check();
        if (took.isPresent()) {
          recoveries.add(took.get());
          recovering = null;
        }
      } else if (!worker.isAlive()) {
        exits++;
        err.printf("%nthe worker stopped on its own (exit %d); restarting%n", worker.exitCode());
        recovering = restart();
      } else if (killed < kills && elapsed >= killAt.get(killed)) {
        worker.kill();
        if (killed == outageKill) {
          outages++;
          pause(outageTime, bar);
          // The kills planned for the outage's time come after it, not all at once.
          double away = outageTime.toNanos() / 1e9;
          for (int later = killed + 1; later < kills; later++) {
            killAt.set(later, killAt.get(later) + away);
          }
        }
        killed++;
        recovering = restart();
      } else if (generating.isDone() && killed == kills) {
        if (drainDeadline == Long.MAX_VALUE) {
          generating.join();
          drainDeadline = System.nanoTime() + drain.toNanos();
        }
        if (audit.written() >= audit.createdCount() || System.nanoTime() > drainDeadline) {
          break;
        }
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    bar.done();
  }

  private Recovery restart() throws IOException {
    List<String> backlog = audit.unwritten();
    worker.start();
    return new Recovery(System.nanoTime(), backlog);
  }

  private void pause(Duration time, ProgressBar bar) throws InterruptedException {
    long until = System.nanoTime() + time.toNanos();
    while (System.nanoTime() < until) {
      bar.update(audit.written());
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  /** From a restart to the worker healthy and the first lead of its backlog written. */
  private final class Recovery {
    private final long startedAt;
    private final List<String> backlog;
    private boolean healthy;

    Recovery(long startedAt, List<String> backlog) {
      this.startedAt = startedAt;
      this.backlog = backlog;
    }

    Optional<Double> check() {
      double seconds = (System.nanoTime() - startedAt) / 1e9;
      if (!healthy) {
        healthy = worker.routes();
      }
      boolean routing = backlog.isEmpty() || backlog.stream().anyMatch(audit::written);
      if (healthy && routing) {
        return Optional.of(seconds);
      }
      if (seconds > RECOVERY_LIMIT.toSeconds()) {
        err.printf(
            "%nthe worker did not recover within %s (healthy: %s); going on%n",
            PlanValues.format(RECOVERY_LIMIT), healthy);
        return Optional.of(seconds);
      }
      return Optional.empty();
    }
  }

  int kills() {
    return killed;
  }

  int outages() {
    return outages;
  }

  int exits() {
    return exits;
  }

  int starts() {
    return worker.starts();
  }

  List<Double> recoverySeconds() {
    return recoveries;
  }

  double maxRecoverySeconds() {
    return recoveries.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }
}
