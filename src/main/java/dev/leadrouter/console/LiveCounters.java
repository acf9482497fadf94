package dev.leadrouter.console;

import com.google.inject.Inject;
import dev.leadrouter.admin.DecisionWhy;
import dev.leadrouter.config.Mode;
import dev.leadrouter.store.DeadLetters;
import dev.leadrouter.store.LoggedDecision;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.store.SlaClock;
import dev.leadrouter.store.SlaClocks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The figures of the overview page. Counts over a period come from the routing log, which outlives
 * restarts; what stands now (queues, dead letters, open clocks) from the worker's meters and the
 * store; totals since start from the meters the worker registers (names as in {@code WorkerMeters}
 * and {@code WorkerModule}).
 */
public final class LiveCounters {

  /** The overview's figures. */
  public record Figures(
      Instant at,
      long routedLastHour,
      long shadowLastHour,
      Map<String, Long> byRule,
      Map<String, Long> byOwner,
      Map<String, Long> byTeam,
      long captureBacklog,
      long writeQueue,
      long heldForEnrichment,
      long deadLettersWaiting,
      long slaOpen,
      long slaOverdue,
      long slaBreachedLastDay,
      long decisionsSinceStart,
      long deadLettersSinceStart) {}

  /** Decisions read for the by-team counts; an hour of a busy org, yet a bounded read. */
  static final int TEAM_SAMPLE = 20_000;

  private final RoutingLog log;
  private final DeadLetters deadLetters;
  private final SlaClocks clocks;
  private final MeterRegistry meters;
  private final Clock clock;

  @Inject
  LiveCounters(
      RoutingLog log,
      DeadLetters deadLetters,
      SlaClocks clocks,
      MeterRegistry meters,
      Clock clock) {
    this.log = log;
    this.deadLetters = deadLetters;
    this.clocks = clocks;
    this.meters = meters;
    this.clock = clock;
  }

  Figures now() {
    Instant now = clock.instant();
    Instant hourAgo = now.minus(Duration.ofHours(1));
    Map<String, Long> live = log.ruleHitsSince(hourAgo, Mode.LIVE);
    Map<String, Long> shadow = log.ruleHitsSince(hourAgo, Mode.SHADOW);
    List<SlaClock> open = clocks.allOpen();
    return new Figures(
        now,
        sum(live),
        sum(shadow),
        live,
        log.ownerHitsSince(hourAgo, Mode.LIVE),
        byTeam(hourAgo),
        gauge("leadrouter.capture.backlog"),
        gauge("leadrouter.write.queue"),
        gauge("leadrouter.enrich.held"),
        deadLetters.list().stream().filter(letter -> !letter.replayed()).count(),
        open.size(),
        open.stream().filter(c -> c.dueAt().isBefore(now)).count(),
        clocks.breachedSince(now.minus(Duration.ofDays(1))).size(),
        counter("leadrouter.decisions"),
        counter("leadrouter.dead.letters"));
  }

  /**
   * Live decisions of the last hour by the team that placed them; the team is only in the logged
   * strategy state, so this reads up to {@link #TEAM_SAMPLE} decisions and says so when capped.
   */
  private Map<String, Long> byTeam(Instant since) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (LoggedDecision decision : log.decidedSince(since, TEAM_SAMPLE)) {
      if (decision.mode() == Mode.LIVE) {
        counts.merge(DecisionWhy.of(decision).team().orElse("(no team)"), 1L, Long::sum);
      }
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .collect(
            java.util.stream.Collectors.toMap(
                Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  private long gauge(String name) {
    return Math.round(meters.find(name).gauges().stream().mapToDouble(Gauge::value).sum());
  }

  private long counter(String name) {
    return Math.round(meters.find(name).counters().stream().mapToDouble(Counter::count).sum());
  }
}
