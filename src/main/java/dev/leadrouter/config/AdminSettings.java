package dev.leadrouter.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The ops HTTP endpoint ({@code lead-router.admin}).
 *
 * @param bind address to listen on
 * @param port port to listen on; 0 picks a free one
 * @param token bearer token callers must present, read from {@code token-file}
 */
public record AdminSettings(String bind, int port, Optional<Secret> token) {

  public AdminSettings {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(token, "token");
  }
}
