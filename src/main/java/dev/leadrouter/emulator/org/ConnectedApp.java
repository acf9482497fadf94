package dev.leadrouter.emulator.org;

import java.util.Objects;

/**
 * A connected app that may sign in: its consumer key and secret, and the integration user its
 * tokens act as (for client credentials the "Run As" user, for JWT bearer the expected {@code
 * sub}).
 */
public record ConnectedApp(String clientId, String clientSecret, String username) {

  public ConnectedApp {
    Objects.requireNonNull(clientId, "client_id");
    Objects.requireNonNull(clientSecret, "client_secret");
    Objects.requireNonNull(username, "username");
  }

  @Override
  public String toString() {
    return "ConnectedApp[clientId=" + clientId + ", username=" + username + "]";
  }
}
