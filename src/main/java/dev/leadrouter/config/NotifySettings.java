package dev.leadrouter.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where SLA breach notices go ({@code lead-router.sla.notify}); both channels are optional, and
 * without either the breach is only logged.
 *
 * @param webhookUrl a Slack-compatible incoming webhook; its URL is a secret
 * @param smtp e-mail to the owner and their manager
 * @param templatesDir a directory whose {@code <name>.txt} files replace the built-in messages
 * @param attempts tries per notice and channel (1 to 10)
 * @param retryWait the wait before the second try, doubling after
 */
public record NotifySettings(
    Optional<Secret> webhookUrl,
    Optional<SmtpSettings> smtp,
    Optional<Path> templatesDir,
    int attempts,
    Duration retryWait) {

  public NotifySettings {
    Objects.requireNonNull(webhookUrl, "webhookUrl");
    Objects.requireNonNull(smtp, "smtp");
    Objects.requireNonNull(templatesDir, "templatesDir");
    Objects.requireNonNull(retryWait, "retryWait");
  }

  /** No channel: breaches are logged. */
  public static NotifySettings none() {
    return new NotifySettings(
        Optional.empty(), Optional.empty(), Optional.empty(), 3, Duration.ofSeconds(1));
  }
}
