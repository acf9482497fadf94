package dev.leadrouter.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast one score tier's leads must be touched ({@code lead-router.sla.tiers.<name>}).
 *
 * @param name the score tier's name as the rule set spells it, e.g. {@code hot}; {@code default}
 *     for leads whose tier has no entry of its own
 * @param firstTouch time to first touch when neither the rule nor the rule set's tier names one
 * @param businessHours true when the time counts only within the owner's business hours (warm:
 *     "within 1 business hour"), false when it runs around the clock (hot: "within 5 minutes")
 */
public record SlaTierSettings(String name, Duration firstTouch, boolean businessHours) {

  public SlaTierSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(firstTouch, "firstTouch");
    if (firstTouch.isNegative() || firstTouch.isZero()) {
      throw new IllegalArgumentException("first touch must be positive, was " + firstTouch);
    }
  }
}
