package dev.leadrouter.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine.Option;

/** {@code --at INSTANT}: route as if it were that moment (working hours, holidays depend on it). */
final class AtOption {

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      description = "Route as of this moment, e.g. 2026-11-25T15:00:00Z (default: now).")
  Instant at;

  Clock clock(Clock systemClock) {
    return at == null ? systemClock : Clock.fixed(at, ZoneOffset.UTC);
  }
}
