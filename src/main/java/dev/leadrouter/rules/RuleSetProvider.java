package dev.leadrouter.rules;

import dev.leadrouter.config.InvalidRuleSetException;
import dev.leadrouter.config.Mode;
import dev.leadrouter.route.RuleSet;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set in force, re-read every refresh interval and on demand. A new version replaces the
 * old in one atomic swap, so a lead is always routed by one whole version; a version that fails
 * validation, or cannot be read, is logged with every problem and the last good one stays in force.
 *
 * <p>Metrics: {@code leadrouter.rules.reloads{outcome}}, {@code leadrouter.rules.problems} (of the
 * last read), {@code leadrouter.rules.valid} (1 when the last read was accepted) and {@code
 * leadrouter.rules.age.seconds} (how old the rules in force are).
 */
public final class RuleSetProvider implements Supplier<RuleSet>, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RuleSetProvider.class);

  private final RuleSource source;
  private final Duration refreshInterval;
  private final Clock clock;
  private final MeterRegistry meters;
  private final AtomicReference<LoadedRules> current = new AtomicReference<>();
  private final AtomicReference<RulesState> state = new AtomicReference<>(RulesState.initial());
  private ScheduledExecutorService refresher;

  public RuleSetProvider(
      RuleSource source, Duration refreshInterval, Clock clock, MeterRegistry meters) {
    this.source = Objects.requireNonNull(source, "source");
    this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.meters = Objects.requireNonNull(meters, "meters");
    Gauge.builder("leadrouter.rules.problems", state, s -> s.get().problems().size())
        .description("Problems found in the last read of the routing rules")
        .register(meters);
    Gauge.builder("leadrouter.rules.valid", state, s -> s.get().lastReadAccepted() ? 1 : 0)
        .description("1 when the last read of the routing rules was accepted, 0 when not")
        .register(meters);
    Gauge.builder(
            "leadrouter.rules.age.seconds",
            state,
            s ->
                s.get()
                    .loadedAt()
                    .map(at -> Duration.between(at, clock.instant()).toSeconds())
                    .orElse(-1L))
        .description("Seconds since the routing rules in force were read")
        .register(meters);
  }

  /**
   * Reads the rules for the first time; the worker cannot start without them.
   *
   * @throws InvalidRuleSetException when they are invalid
   */
  public LoadedRules start() {
    ReloadOutcome outcome = reload();
    if (current.get() == null) {
      if (outcome.kind() == ReloadOutcome.Kind.REJECTED) {
        throw new InvalidRuleSetException(source.description(), outcome.problems());
      }
      throw new IllegalStateException(
          "the rules "
              + source.description()
              + " could not be read: "
              + outcome.failure().orElse(""));
    }
    return current.get();
  }

  /** Re-reads the rules every refresh interval, on a thread of its own, until closed. */
  public synchronized void startRefreshing() {
    if (refresher != null) {
      return;
    }
    refresher =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "rules-refresh");
              thread.setDaemon(true);
              return thread;
            });
    long millis = refreshInterval.toMillis();
    refresher.scheduleWithFixedDelay(this::reloadQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** The rules in force. */
  @Override
  public RuleSet get() {
    LoadedRules loaded = current.get();
    if (loaded == null) {
      throw new IllegalStateException("the rules have not been read yet; call start() first");
    }
    return loaded.ruleSet();
  }

  /** The mode the org's Routing Setting asks for, when the rules come from the org. */
  public Optional<Mode> mode() {
    LoadedRules loaded = current.get();
    return loaded == null ? Optional.empty() : loaded.mode();
  }

  public RulesState state() {
    return state.get();
  }

  /** Reads the rules now; one read at a time (a refresh and a reload request do not overlap). */
  public synchronized ReloadOutcome reload() {
    Instant attempt = clock.instant();
    LoadedRules before = current.get();
    LoadedRules after;
    try {
      after = source.load();
    } catch (InvalidRuleSetException invalid) {
      log.warn(
          "rules {} rejected, {}: {}",
          source.description(),
          before == null ? "none in force yet" : "keeping version " + before.ruleSet().version(),
          invalid.getMessage());
      return settle(attempt, before, ReloadOutcome.Kind.REJECTED, invalid.problems(), null, null);
    } catch (RuntimeException unreadable) {
      // The class and message only: a stack trace would repeat every refresh while the org is down.
      String failure = unreadable.getClass().getSimpleName() + ": " + unreadable.getMessage();
      log.warn(
          "rules {} could not be read, {}: {}",
          source.description(),
          before == null ? "none in force yet" : "keeping version " + before.ruleSet().version(),
          failure);
      return settle(attempt, before, ReloadOutcome.Kind.FAILED, List.of(), failure, null);
    }
    if (before != null
        && before.mode().equals(after.mode())
        && before.ruleSet().version().equals(after.ruleSet().version())
        && RuleSetDiff.between(before.ruleSet(), after.ruleSet()).isEmpty()) {
      return settle(attempt, before, ReloadOutcome.Kind.UNCHANGED, List.of(), null, null);
    }
    RuleSetDiff diff =
        before == null ? null : RuleSetDiff.between(before.ruleSet(), after.ruleSet());
    current.set(after);
    if (before == null) {
      log.info(
          "rules {} version {} in force: {} rules, {} teams{}",
          source.description(),
          after.ruleSet().version(),
          after.ruleSet().rules().size(),
          after.ruleSet().teams().size(),
          after.mode().map(m -> ", mode " + m).orElse(""));
    } else {
      log.info(
          "rules {} changed from version {} to {}: {}{}",
          source.description(),
          before.ruleSet().version(),
          after.ruleSet().version(),
          diff,
          before.mode().equals(after.mode())
              ? ""
              : "; mode "
                  + before.mode().orElse(null)
                  + " -> "
                  + after.mode().orElse(null)
                  + " (the worker's mode changes when it restarts)");
    }
    return settle(attempt, after, ReloadOutcome.Kind.APPLIED, List.of(), null, diff);
  }

  private ReloadOutcome settle(
      Instant attempt,
      LoadedRules inForce,
      ReloadOutcome.Kind kind,
      List<dev.leadrouter.config.RuleSetProblem> problems,
      String failure,
      RuleSetDiff diff) {
    RulesState previous = state.get();
    Optional<Instant> loadedAt =
        kind == ReloadOutcome.Kind.APPLIED ? Optional.of(attempt) : previous.loadedAt();
    Optional<String> version =
        Optional.ofNullable(inForce).map(loaded -> loaded.ruleSet().version());
    state.set(
        new RulesState(
            version, loadedAt, Optional.of(attempt), problems, Optional.ofNullable(failure)));
    Counter.builder("leadrouter.rules.reloads")
        .description("Reads of the routing rules, by outcome")
        .tag("outcome", kind.name().toLowerCase(java.util.Locale.ROOT))
        .register(meters)
        .increment();
    return new ReloadOutcome(
        kind, version, Optional.ofNullable(diff), problems, Optional.ofNullable(failure));
  }

  private void reloadQuietly() {
    try {
      reload();
    } catch (RuntimeException unexpected) {
      // Never let one bad read end the schedule.
      log.error("rules refresh failed unexpectedly", unexpected);
    }
  }

  @Override
  public synchronized void close() {
    if (refresher != null) {
      refresher.shutdownNow();
      refresher = null;
    }
  }
}
