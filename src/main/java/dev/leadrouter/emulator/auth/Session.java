package dev.leadrouter.emulator.auth;

import java.util.Objects;

/** A signed-in session: the token the org issued, the user it acts as, and the app that asked. */
public record Session(String accessToken, String userId, String clientId) {

  public Session {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(clientId, "clientId");
  }

  @Override
  public String toString() {
    return "Session[userId=" + userId + ", clientId=" + clientId + "]";
  }
}
