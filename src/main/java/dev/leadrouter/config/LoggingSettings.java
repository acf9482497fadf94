package dev.leadrouter.config;

import java.util.Objects;

/**
 * How logs are written ({@code lead-router.logging}).
 *
 * @param format text or JSON lines
 */
public record LoggingSettings(LogFormat format) {

  public LoggingSettings {
    Objects.requireNonNull(format, "format");
  }
}
