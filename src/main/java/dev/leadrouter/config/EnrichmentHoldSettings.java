package dev.leadrouter.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * "Hold until enriched" ({@code lead-router.enrich.hold}): a new lead missing any of {@code fields}
 * waits, in memory, for a later change event to fill them, at most {@code maxWait}.
 *
 * @param fields Lead API names to wait for; empty turns holding off
 * @param maxWait longest a lead waits before it is routed with what it has
 * @param maxHeld leads waiting at once at most; beyond it the longest-waiting one is routed
 */
public record EnrichmentHoldSettings(List<String> fields, Duration maxWait, int maxHeld) {

  /** Defaults when nothing is configured: wait for nothing. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);

  public static final int DEFAULT_MAX_HELD = 10_000;

  public EnrichmentHoldSettings {
    fields = List.copyOf(fields);
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative() || maxWait.isZero()) {
      throw new IllegalArgumentException("maxWait must be positive");
    }
    if (maxHeld < 1) {
      throw new IllegalArgumentException("maxHeld must be at least 1");
    }
  }

  public static EnrichmentHoldSettings disabled() {
    return new EnrichmentHoldSettings(List.of(), DEFAULT_MAX_WAIT, DEFAULT_MAX_HELD);
  }

  public boolean enabled() {
    return !fields.isEmpty();
  }
}
