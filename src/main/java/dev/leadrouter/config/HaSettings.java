package dev.leadrouter.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * High availability ({@code lead-router.ha}): several workers on one PostgreSQL, one active by
 * lease, the others standing by.
 *
 * @param enabled on, off, or on exactly when the store is PostgreSQL
 * @param acquireInterval how often a standby tries to take the lease
 * @param renewInterval how often the active worker renews it
 * @param ttl how long the active worker may go without renewing before a standby ends its session
 *     and takes over; a few renewals long, so one slow renewal costs no takeover
 */
public record HaSettings(
    Enabled enabled, Duration acquireInterval, Duration renewInterval, Duration ttl) {

  /** {@code auto} follows the store: PostgreSQL can be shared, an H2 file cannot. */
  public enum Enabled {
    AUTO,
    TRUE,
    FALSE
  }

  public HaSettings {
    Objects.requireNonNull(enabled, "enabled");
    Objects.requireNonNull(acquireInterval, "acquireInterval");
    Objects.requireNonNull(renewInterval, "renewInterval");
    Objects.requireNonNull(ttl, "ttl");
  }

  /**
   * Auto, trying every second, renewing every 2 s, taking over after 6 s of silence: a killed
   * worker is replaced within about a second (its connection closes and PostgreSQL frees the lock
   * at once), a paused one within about 7 s, both inside the 10 s the issue asks.
   */
  public static HaSettings defaults() {
    return new HaSettings(
        Enabled.AUTO, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(6));
  }

  /** Whether workers on this store take a lease. */
  public boolean activeFor(String jdbcUrl) {
    return switch (enabled) {
      case TRUE -> true;
      case FALSE -> false;
      case AUTO -> isPostgres(jdbcUrl);
    };
  }

  static boolean isPostgres(String jdbcUrl) {
    return jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
  }
}
