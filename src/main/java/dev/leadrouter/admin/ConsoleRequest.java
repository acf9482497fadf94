package dev.leadrouter.admin;

import java.util.Map;
import java.util.Optional;

/**
 * What a console page is asked: its query or form parameters, and how the caller got in.
 *
 * @param parameters the first value of each query (GET) or form (POST) parameter
 * @param access how the caller was let in, which the page says (e.g. that no token is set)
 */
public record ConsoleRequest(String path, Map<String, String> parameters, Access access) {

  /** How a caller was let in. */
  public enum Access {
    /** No admin token is configured and the server listens on loopback only, as for /metrics. */
    OPEN,
    /** Signed in through the sign-in form; holds a session cookie. */
    SESSION,
    /** Sent the admin token as a bearer token (API clients, scripts). */
    TOKEN
  }

  public ConsoleRequest {
    parameters = Map.copyOf(parameters);
  }

  /** A parameter, stripped; empty when absent or blank. */
  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
