package dev.leadrouter.emulator.faults;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which faults the emulated org injects, parsed from a list such as {@code
 * lock=0.02,503-burst=5/60s,rate-limit=30s/5m,session-expiry=5m,stall-poll=0.01,latency=20ms}.
 *
 * <p>Items (comma-separated, each at most once; {@code none} or an empty list means no faults):
 *
 * <ul>
 *   <li>{@code lock=P}: each record update or delete fails with UNABLE_TO_LOCK_ROW with probability
 *       P (0..1, or a percentage like {@code 2%}).
 *   <li>{@code 503-burst=N/PERIOD}: the first N REST or Bulk calls of every PERIOD (counted from
 *       the moment the plan was set) answer 503 SERVER_UNAVAILABLE.
 *   <li>{@code rate-limit=WINDOW[/PERIOD]}: during the last WINDOW of every PERIOD (default 5m)
 *       REST and Bulk calls answer 403 REQUEST_LIMIT_EXCEEDED; {@code 1h/1h} limits every call.
 *   <li>{@code session-expiry=D}: access tokens expire D after they were issued (REST 401
 *       INVALID_SESSION_ID, Bulk InvalidSessionId, CometD {@code 401::Authentication invalid}).
 *   <li>{@code stall-poll=P[/D]}: a CometD {@code /meta/connect} is held without an answer with
 *       probability P, then its connection is cut after D (default 30s), as a stuck proxy does.
 *   <li>{@code drop-poll=P}: a CometD {@code /meta/connect} has its connection cut at once.
 *   <li>{@code latency=D}: every request to the org is answered D later.
 * </ul>
 *
 * Durations are a whole number with a unit: {@code ms}, {@code s}, {@code m} or {@code h}.
 */
public record FaultPlan(
    double lockRate,
    int burstCalls,
    Duration burstPeriod,
    Duration limitWindow,
    Duration limitPeriod,
    Duration sessionLifetime,
    double stallRate,
    Duration stallFor,
    double dropRate,
    Duration latency) {

  /** The syntax, for help texts and error messages. */
  public static final String SYNTAX =
      "lock=P, 503-burst=N/PERIOD, rate-limit=WINDOW[/PERIOD], session-expiry=D,"
          + " stall-poll=P[/D], drop-poll=P, latency=D (P: 0..1 or N%, D: 500ms, 30s, 5m, 1h)";

  public static final FaultPlan NONE =
      new FaultPlan(
          0,
          0,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          0,
          Duration.ZERO,
          0,
          Duration.ZERO);

  private static final Duration DEFAULT_LIMIT_PERIOD = Duration.ofMinutes(5);
  private static final Duration DEFAULT_STALL = Duration.ofSeconds(30);
  private static final List<String> NAMES =
      List.of(
          "lock",
          "503-burst",
          "rate-limit",
          "session-expiry",
          "stall-poll",
          "drop-poll",
          "latency");

  public FaultPlan {
    Objects.requireNonNull(burstPeriod, "burstPeriod");
    Objects.requireNonNull(limitWindow, "limitWindow");
    Objects.requireNonNull(limitPeriod, "limitPeriod");
    Objects.requireNonNull(sessionLifetime, "sessionLifetime");
    Objects.requireNonNull(stallFor, "stallFor");
    Objects.requireNonNull(latency, "latency");
  }

  public boolean isNone() {
    return equals(NONE);
  }

  /**
   * Parses a fault list.
   *
   * @throws IllegalArgumentException naming the item that is wrong and the syntax
   */
  public static FaultPlan parse(String list) {
    Objects.requireNonNull(list, "list");
    String trimmed = list.trim();
    if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none")) {
      return NONE;
    }
    Map<String, String> items = new LinkedHashMap<>();
    for (String item : trimmed.split(",")) {
      String text = item.trim();
      int equals = text.indexOf('=');
      if (equals < 0) {
        throw invalid(text, "expected name=value");
      }
      String name = text.substring(0, equals).trim().toLowerCase(Locale.ROOT);
      if (!NAMES.contains(name)) {
        throw invalid(text, "unknown fault '" + name + "', known: " + String.join(", ", NAMES));
      }
      if (items.put(name, text.substring(equals + 1).trim()) != null) {
        throw invalid(text, "'" + name + "' is given twice");
      }
    }
    FaultPlan plan = NONE;
    for (Map.Entry<String, String> item : items.entrySet()) {
      plan = plan.with(item.getKey(), item.getValue());
    }
    return plan;
  }

  private FaultPlan with(String name, String value) {
    String item = name + "=" + value;
    String[] parts = value.split("/", -1);
    if (parts.length > 2) {
      throw invalid(item, "at most one '/'");
    }
    String second = parts.length == 2 ? parts[1] : null;
    return switch (name) {
      case "lock" -> {
        noSecond(item, second);
        yield copy(b -> b.lockRate = rate(item, parts[0]));
      }
      case "503-burst" -> {
        if (second == null) {
          throw invalid(item, "expected N/PERIOD, e.g. 503-burst=5/60s");
        }
        int calls = count(item, parts[0]);
        Duration period = positive(item, second);
        yield copy(
            b -> {
              b.burstCalls = calls;
              b.burstPeriod = period;
            });
      }
      case "rate-limit" -> {
        Duration window = positive(item, parts[0]);
        Duration period = second == null ? DEFAULT_LIMIT_PERIOD : positive(item, second);
        if (window.compareTo(period) > 0) {
          throw invalid(item, "the window is longer than its period");
        }
        yield copy(
            b -> {
              b.limitWindow = window;
              b.limitPeriod = period;
            });
      }
      case "session-expiry" -> {
        noSecond(item, second);
        Duration lifetime = positive(item, parts[0]);
        yield copy(b -> b.sessionLifetime = lifetime);
      }
      case "stall-poll" -> {
        double rate = rate(item, parts[0]);
        Duration stall = second == null ? DEFAULT_STALL : positive(item, second);
        yield copy(
            b -> {
              b.stallRate = rate;
              b.stallFor = stall;
            });
      }
      case "drop-poll" -> {
        noSecond(item, second);
        yield copy(b -> b.dropRate = rate(item, parts[0]));
      }
      case "latency" -> {
        noSecond(item, second);
        Duration latency = duration(item, parts[0]);
        yield copy(b -> b.latency = latency);
      }
      default -> throw new IllegalStateException("unhandled fault " + name);
    };
  }

  /** The list this plan parses from, e.g. {@code lock=0.02,latency=20ms}; {@code none}. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    if (lockRate > 0) {
      append(text, "lock=" + lockRate);
    }
    if (burstCalls > 0) {
      append(text, "503-burst=" + burstCalls + "/" + PlanValues.format(burstPeriod));
    }
    if (!limitWindow.isZero()) {
      append(
          text,
          "rate-limit=" + PlanValues.format(limitWindow) + "/" + PlanValues.format(limitPeriod));
    }
    if (!sessionLifetime.isZero()) {
      append(text, "session-expiry=" + PlanValues.format(sessionLifetime));
    }
    if (stallRate > 0) {
      append(text, "stall-poll=" + stallRate + "/" + PlanValues.format(stallFor));
    }
    if (dropRate > 0) {
      append(text, "drop-poll=" + dropRate);
    }
    if (!latency.isZero()) {
      append(text, "latency=" + PlanValues.format(latency));
    }
    return text.length() == 0 ? "none" : text.toString();
  }

  private static void append(StringBuilder text, String item) {
    if (text.length() > 0) {
      text.append(',');
    }
    text.append(item);
  }

  private static void noSecond(String item, String second) {
    if (second != null) {
      throw invalid(item, "takes a single value");
    }
  }

  private static double rate(String item, String text) {
    double rate =
        PlanValues.fraction(text)
            .orElseThrow(
                () -> invalid(item, "'" + text + "' is not a probability such as 0.02 or 2%"));
    if (!(rate >= 0 && rate <= 1)) {
      throw invalid(item, "a probability must be between 0 and 1 (or 0% and 100%)");
    }
    return rate;
  }

  private static int count(String item, String text) {
    try {
      int count = Integer.parseInt(text);
      if (count < 1) {
        throw invalid(item, "the number of calls must be at least 1");
      }
      return count;
    } catch (NumberFormatException e) {
      throw invalid(item, "'" + text + "' is not a whole number of calls");
    }
  }

  private static Duration positive(String item, String text) {
    Duration duration = duration(item, text);
    if (duration.isZero()) {
      throw invalid(item, "the duration must be more than 0");
    }
    return duration;
  }

  private static Duration duration(String item, String text) {
    return PlanValues.duration(text)
        .orElseThrow(
            () -> invalid(item, "'" + text + "' is not a duration such as 500ms, 30s, 5m or 1h"));
  }

  private static IllegalArgumentException invalid(String item, String why) {
    return new IllegalArgumentException(
        "invalid fault '" + item + "': " + why + ". Syntax: " + SYNTAX);
  }

  private FaultPlan copy(java.util.function.Consumer<Builder> change) {
    Builder builder = new Builder(this);
    change.accept(builder);
    return builder.build();
  }

  /** Mutable only while one item is parsed. */
  private static final class Builder {
    double lockRate;
    int burstCalls;
    Duration burstPeriod;
    Duration limitWindow;
    Duration limitPeriod;
    Duration sessionLifetime;
    double stallRate;
    Duration stallFor;
    double dropRate;
    Duration latency;

    Builder(FaultPlan plan) {
      lockRate = plan.lockRate;
      burstCalls = plan.burstCalls;
      burstPeriod = plan.burstPeriod;
      limitWindow = plan.limitWindow;
      limitPeriod = plan.limitPeriod;
      sessionLifetime = plan.sessionLifetime;
      stallRate = plan.stallRate;
      stallFor = plan.stallFor;
      dropRate = plan.dropRate;
      latency = plan.latency;
    }

    FaultPlan build() {
      return new FaultPlan(
          lockRate,
          burstCalls,
          burstPeriod,
          limitWindow,
          limitPeriod,
          sessionLifetime,
          stallRate,
          stallFor,
          dropRate,
          latency);
    }
  }
}
