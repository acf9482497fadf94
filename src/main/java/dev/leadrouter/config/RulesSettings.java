package dev.leadrouter.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where routing rules come from and how often they are re-read ({@code lead-router.rules}).
 *
 * @param source the org's Custom Metadata, or a local file
 * @param file the YAML rule file, used when {@code source} is {@link RulesSource#FILE}
 * @param refreshInterval time between two reads of the rules
 */
public record RulesSettings(RulesSource source, Path file, Duration refreshInterval) {

  public RulesSettings {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(refreshInterval, "refreshInterval");
  }
}
