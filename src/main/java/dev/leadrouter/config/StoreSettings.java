package dev.leadrouter.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The worker's own database ({@code lead-router.store}).
 *
 * @param jdbcUrl JDBC URL: an H2 file by default, or PostgreSQL
 * @param username database user, when the database wants one
 * @param password database password, when the database wants one
 * @param poolSize connections held open at most
 */
public record StoreSettings(
    String jdbcUrl, Optional<String> username, Optional<Secret> password, int poolSize) {

  public StoreSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }
}
