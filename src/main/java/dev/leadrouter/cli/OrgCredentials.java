package dev.leadrouter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.config.AuthMethod;
import dev.leadrouter.config.SalesforceSettings;
import dev.leadrouter.config.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The org connection as one JSON file ({@code --org-credentials}), with the keys the emulator
 * writes with {@code --credentials-out}: {@code instance_url}, {@code login_url}, {@code username},
 * {@code password}, {@code client_id}, {@code client_secret}, {@code api_version}. It replaces the
 * configured connection; the sign-in is client credentials when the file has a client secret, SOAP
 * login when it has a password only.
 */
final class OrgCredentials {

  private OrgCredentials() {}

  static SalesforceSettings apply(Path file, SalesforceSettings configured) {
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(Files.readString(file));
    } catch (IOException unreadable) {
      // The parser's message may quote the file, and the file holds secrets: name the file only.
      throw new InputException(
          "org credentials "
              + file
              + " cannot be read as JSON ("
              + unreadable.getClass().getSimpleName()
              + ")");
    }
    if (json == null || !json.isObject()) {
      throw new InputException("org credentials " + file + " is not a JSON object");
    }
    Optional<String> loginUrl = text(json, "login_url");
    Optional<String> instanceUrl = text(json, "instance_url");
    Optional<String> clientId = text(json, "client_id");
    Optional<String> clientSecret = text(json, "client_secret");
    Optional<String> username = text(json, "username");
    Optional<String> password = text(json, "password");
    AuthMethod auth;
    if (clientId.isPresent() && clientSecret.isPresent()) {
      auth = AuthMethod.CLIENT_CREDENTIALS;
    } else if (username.isPresent() && password.isPresent()) {
      auth = AuthMethod.SOAP_PASSWORD;
    } else {
      throw new InputException(
          "org credentials "
              + file
              + " need client_id and client_secret, or username and password");
    }
    URI login =
        uri(file, "login_url", loginUrl.or(() -> instanceUrl))
            .orElseThrow(() -> new InputException("org credentials " + file + " need login_url"));
    return new SalesforceSettings(
        login,
        uri(file, "instance_url", instanceUrl),
        text(json, "api_version").orElse(configured.apiVersion()),
        auth,
        clientId,
        username,
        Optional.empty(),
        clientSecret.map(Secret::new),
        password.map(Secret::new),
        configured.callOptionsClient());
  }

  private static Optional<String> text(JsonNode json, String key) {
    JsonNode value = json.get(key);
    return value == null || !value.isTextual() || value.asText().isBlank()
        ? Optional.empty()
        : Optional.of(value.asText().trim());
  }

  private static Optional<URI> uri(Path file, String key, Optional<String> value) {
    try {
      return value.map(URI::create);
    } catch (IllegalArgumentException notAUrl) {
      throw new InputException("org credentials " + file + ": " + key + " is not a URL");
    }
  }
}
