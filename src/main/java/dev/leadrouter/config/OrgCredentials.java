package dev.leadrouter.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An org connection as one JSON file ({@code --org-credentials FILE}), with the keys the emulator
 * writes with {@code --credentials-out}: {@code instance_url}, {@code login_url}, {@code username},
 * {@code password}, {@code client_id}, {@code client_secret}, {@code api_version}. Safe to print:
 * the password and client secret show as {@code ****}.
 *
 * <p>It points the worker at a standalone emulator or a sandbox without editing configuration:
 * {@link #applyTo} replaces the connection in {@link SalesforceSettings}.
 */
public record OrgCredentials(
    URI instanceUrl,
    URI loginUrl,
    Optional<String> username,
    Optional<Secret> password,
    Optional<String> clientId,
    Optional<Secret> clientSecret,
    Optional<String> apiVersion) {

  public OrgCredentials {
    Objects.requireNonNull(instanceUrl, "instanceUrl");
    Objects.requireNonNull(loginUrl, "loginUrl");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(apiVersion, "apiVersion");
  }

  /**
   * Reads the file.
   *
   * @throws ConfigurationException naming the file and each missing or bad key (never a value)
   */
  public static OrgCredentials read(Path file) {
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(Files.readString(file));
    } catch (NoSuchFileException missing) {
      throw new ConfigurationException(
          file.toString(), List.of("file not found: " + file.toAbsolutePath()));
    } catch (IOException unreadable) {
      // Jackson's message quotes the content, which holds secrets: say only what kind of problem.
      throw new ConfigurationException(
          file.toString(), List.of("not a JSON object of org credentials (cannot be parsed)"));
    }
    if (json == null || !json.isObject()) {
      throw new ConfigurationException(
          file.toString(), List.of("must be a JSON object such as {\"instance_url\": ...}"));
    }
    List<String> problems = new ArrayList<>();
    URI instanceUrl = url(json, "instance_url", problems);
    URI loginUrl = json.hasNonNull("login_url") ? url(json, "login_url", problems) : instanceUrl;
    Optional<String> username = text(json, "username");
    Optional<Secret> password = text(json, "password").map(Secret::new);
    Optional<String> clientId = text(json, "client_id");
    Optional<Secret> clientSecret = text(json, "client_secret").map(Secret::new);
    Optional<String> apiVersion = text(json, "api_version");
    if (clientSecret.isPresent() && clientId.isEmpty()) {
      problems.add("client_id: is missing (client_secret needs it)");
    }
    if (clientSecret.isEmpty() && (username.isEmpty() || password.isEmpty())) {
      problems.add("needs client_id and client_secret, or username and password, to sign in");
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(file.toString(), problems);
    }
    return new OrgCredentials(
        instanceUrl, loginUrl, username, password, clientId, clientSecret, apiVersion);
  }

  /**
   * The settings with this org's connection: client credentials when a client secret is given,
   * otherwise SOAP login with username and password. Other settings stay as they were.
   */
  public SalesforceSettings applyTo(SalesforceSettings settings) {
    AuthMethod auth =
        clientSecret.isPresent() ? AuthMethod.CLIENT_CREDENTIALS : AuthMethod.SOAP_PASSWORD;
    return new SalesforceSettings(
        loginUrl,
        Optional.of(instanceUrl),
        apiVersion.orElse(settings.apiVersion()),
        auth,
        clientId.or(settings::clientId),
        username.or(settings::username),
        settings.privateKeyFile(),
        clientSecret,
        password,
        settings.callOptionsClient());
  }

  /** The whole worker settings with this org's connection. */
  public WorkerSettings applyTo(WorkerSettings settings) {
    return settings.withSalesforce(applyTo(settings.salesforce()));
  }

  private static Optional<String> text(JsonNode json, String key) {
    JsonNode value = json.get(key);
    return value == null || !value.isTextual() || value.asText().isBlank()
        ? Optional.empty()
        : Optional.of(value.asText().strip());
  }

  private static URI url(JsonNode json, String key, List<String> problems) {
    Optional<String> text = text(json, key);
    if (text.isEmpty()) {
      problems.add(key + ": is missing");
      return null;
    }
    try {
      URI uri = new URI(text.get());
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        if (!SecureTransport.allows(uri)) {
          problems.add(key + ": " + SecureTransport.PLAIN_HTTP_REFUSED);
          return null;
        }
        return uri;
      }
    } catch (URISyntaxException notAUri) {
      // reported below
    }
    problems.add(key + ": must be a web address such as https://yourcompany.my.salesforce.com");
    return null;
  }
}
