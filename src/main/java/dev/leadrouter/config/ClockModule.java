package dev.leadrouter.config;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;

/**
 * Binds the clock every stage reads time from. This is the only place the system clock is chosen;
 * tests and dry runs bind a fixed or simulated clock instead. UTC, because stored instants and logs
 * must not depend on where the worker runs; business hours convert to each rep's zone explicitly.
 */
public final class ClockModule extends AbstractModule {

  private final Clock clock;

  public ClockModule() {
    this(Clock.systemUTC());
  }

  public ClockModule(Clock clock) {
    this.clock = clock;
  }

  @Provides
  @Singleton
  Clock clock() {
    return clock;
  }
}
