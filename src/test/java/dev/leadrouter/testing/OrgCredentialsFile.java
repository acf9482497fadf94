package dev.leadrouter.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An org connection file as {@code lead-router emulator --credentials-out} writes it, for the
 * worker a test starts ({@code --org-credentials}).
 */
public final class OrgCredentialsFile {

  private OrgCredentialsFile() {}

  /** The org's host (sign-in on it too, as in an emulated org) and the API version. */
  public static Map<String, Object> at(URI instance) {
    Map<String, Object> connection = new LinkedHashMap<>();
    connection.put("instance_url", instance.toString());
    connection.put("login_url", instance.toString());
    connection.put("api_version", "62.0");
    return connection;
  }

  /** Signs in with a connected app's client credentials; the user has no password. */
  public static Map<String, Object> clientCredentials(
      URI instance, String username, String clientId, String clientSecret) {
    Map<String, Object> connection = at(instance);
    connection.put("username", username);
    connection.put("password", null);
    connection.put("client_id", clientId);
    connection.put("client_secret", clientSecret);
    return connection;
  }

  /** Writes the connection to {@code file} and returns it. */
  public static Path write(Path file, Map<String, Object> connection) throws IOException {
    new ObjectMapper().writeValue(file.toFile(), connection);
    return file;
  }
}
