package dev.leadrouter.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The mail server SLA notices go through ({@code lead-router.sla.notify.smtp}).
 *
 * @param from the sender address, e.g. {@code lead-router@yourcompany.com}
 * @param username empty for a server that takes mail without signing in
 * @param password read from a file or the environment only
 * @param startTls upgrade the connection with STARTTLS (port 587)
 */
public record SmtpSettings(
    String host,
    int port,
    String from,
    Optional<String> username,
    Optional<Secret> password,
    boolean startTls) {

  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }
}
