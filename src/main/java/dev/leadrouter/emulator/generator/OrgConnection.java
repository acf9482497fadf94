package dev.leadrouter.emulator.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and as whom the generator signs in: an org's URLs and a connected app's client credentials,
 * as {@code lead-router emulator --credentials-out} writes them.
 */
public record OrgConnection(
    URI instanceUrl, URI loginUrl, String clientId, String clientSecret, String apiVersion) {

  public OrgConnection {
    Objects.requireNonNull(instanceUrl, "instance_url");
    Objects.requireNonNull(loginUrl, "login_url");
    Objects.requireNonNull(clientId, "client_id");
    Objects.requireNonNull(clientSecret, "client_secret");
    Objects.requireNonNull(apiVersion, "api_version");
  }

  /**
   * Reads a credentials file with the keys {@code instance_url}, {@code login_url}, {@code
   * client_id}, {@code client_secret} and {@code api_version}.
   *
   * @throws IllegalArgumentException naming the missing key
   */
  public static OrgConnection read(Path file) throws IOException {
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    return new OrgConnection(
        URI.create(text(json, "instance_url", file)),
        URI.create(
            json.hasNonNull("login_url")
                ? json.get("login_url").asText()
                : text(json, "instance_url", file)),
        text(json, "client_id", file),
        text(json, "client_secret", file),
        json.hasNonNull("api_version") ? json.get("api_version").asText() : "62.0");
  }

  private static String text(JsonNode json, String key, Path file) {
    if (!json.hasNonNull(key)) {
      throw new IllegalArgumentException(file + " has no \"" + key + "\"");
    }
    return json.get(key).asText();
  }

  @Override
  public String toString() {
    return "OrgConnection[" + instanceUrl + ", clientId=" + clientId + "]";
  }
}
