package dev.leadrouter.emulator.faults;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The faults an emulated org injects right now, changeable while it runs ({@link #set}). Random
 * choices come from one {@link Random} seeded at start, so a single-threaded client sees the same
 * faults on every run; periods ({@code 503-burst}, {@code rate-limit}) count from the moment the
 * plan was set, on the org's clock.
 */
public final class Faults {

  /** What a REST or Bulk call meets before the org works on it. */
  public enum CallFault {
    NONE,
    /** HTTP 503: the org is down for maintenance or overloaded. */
    UNAVAILABLE,
    /** HTTP 403 REQUEST_LIMIT_EXCEEDED. */
    LIMIT_EXCEEDED
  }

  /** What happens to a CometD long poll. */
  public enum PollFault {
    NONE,
    /** Held without an answer, then its connection is cut. */
    STALL,
    /** Its connection is cut at once. */
    DROP
  }

  /** The kinds of fault counted by {@link #injected()}. */
  public enum Kind {
    LOCK,
    UNAVAILABLE,
    LIMIT_EXCEEDED,
    SESSION_EXPIRED,
    STALLED_POLL,
    DROPPED_POLL
  }

  private final Clock clock;
  private final Random random;
  private final Map<Kind, Long> injected = new EnumMap<>(Kind.class);
  private FaultPlan plan = FaultPlan.NONE;
  private Instant since;
  private long burstPeriodIndex = -1;
  private int burstCallsLeft;

  /**
   * @param seed seeds every random choice, so runs repeat
   */
  public Faults(Clock clock, long seed) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = new Random(seed);
    this.since = clock.instant();
  }

  /** Replaces the plan; periods start again now. */
  public synchronized Faults set(FaultPlan newPlan) {
    plan = Objects.requireNonNull(newPlan, "plan");
    since = clock.instant();
    burstPeriodIndex = -1;
    return this;
  }

  /** Parses and sets a list such as {@code lock=0.02,latency=20ms}; see {@link FaultPlan}. */
  public Faults set(String list) {
    return set(FaultPlan.parse(list));
  }

  public synchronized FaultPlan plan() {
    return plan;
  }

  /** Decides the fate of one REST or Bulk call, counting it towards a 503 burst. */
  public synchronized CallFault nextCall() {
    Duration elapsed = Duration.between(since, clock.instant());
    if (plan.burstCalls() > 0) {
      long index = elapsed.toMillis() / plan.burstPeriod().toMillis();
      if (index != burstPeriodIndex) {
        burstPeriodIndex = index;
        burstCallsLeft = plan.burstCalls();
      }
      if (burstCallsLeft > 0) {
        burstCallsLeft--;
        count(Kind.UNAVAILABLE);
        return CallFault.UNAVAILABLE;
      }
    }
    if (!plan.limitWindow().isZero()) {
      long period = plan.limitPeriod().toMillis();
      long intoPeriod = elapsed.toMillis() % period;
      if (intoPeriod >= period - plan.limitWindow().toMillis()) {
        count(Kind.LIMIT_EXCEEDED);
        return CallFault.LIMIT_EXCEEDED;
      }
    }
    return CallFault.NONE;
  }

  /** Whether this record update or delete finds its row locked. */
  public synchronized boolean lockRow() {
    boolean locked = plan.lockRate() > 0 && random.nextDouble() < plan.lockRate();
    if (locked) {
      count(Kind.LOCK);
    }
    return locked;
  }

  /** Decides the fate of one {@code /meta/connect}. */
  public synchronized PollFault nextPoll() {
    if (plan.dropRate() > 0 && random.nextDouble() < plan.dropRate()) {
      count(Kind.DROPPED_POLL);
      return PollFault.DROP;
    }
    if (plan.stallRate() > 0 && random.nextDouble() < plan.stallRate()) {
      count(Kind.STALLED_POLL);
      return PollFault.STALL;
    }
    return PollFault.NONE;
  }

  public synchronized Duration stallFor() {
    return plan.stallFor();
  }

  public synchronized Duration latency() {
    return plan.latency();
  }

  /** Whether a session issued at {@code issuedAt} has expired by now. */
  public synchronized boolean expired(Instant issuedAt) {
    return !plan.sessionLifetime().isZero()
        && !issuedAt.plus(plan.sessionLifetime()).isAfter(clock.instant());
  }

  /** Counts a session the org ended because it expired. */
  public synchronized void sessionExpired() {
    count(Kind.SESSION_EXPIRED);
  }

  /** How many faults of each kind were injected so far (kinds never injected are absent). */
  public synchronized Map<Kind, Long> injected() {
    return Map.copyOf(injected);
  }

  private void count(Kind kind) {
    injected.merge(kind, 1L, Long::sum);
  }
}
