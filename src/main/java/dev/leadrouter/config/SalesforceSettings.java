package dev.leadrouter.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach and sign in to the Salesforce org ({@code lead-router.salesforce}).
 *
 * <p>Credentials are optional here because they may also come from {@code --org-credentials}; call
 * {@link #missingCredentials()} once the final settings are known.
 *
 * @param loginUrl where to sign in, e.g. {@code https://login.salesforce.com}
 * @param instanceUrl the org's own URL when pinned; otherwise the sign-in answer gives it
 * @param apiVersion the REST/SOAP API version, e.g. {@code 62.0}
 * @param auth the sign-in method
 * @param clientId consumer key of the Connected App or External Client App
 * @param username the integration user
 * @param privateKeyFile PEM private key for the JWT bearer flow
 * @param clientSecret consumer secret for the client credentials flow
 * @param password password (plus security token) for SOAP login
 * @param callOptionsClient the {@code Sforce-Call-Options} client name that marks our own writes
 */
public record SalesforceSettings(
    URI loginUrl,
    Optional<URI> instanceUrl,
    String apiVersion,
    AuthMethod auth,
    Optional<String> clientId,
    Optional<String> username,
    Optional<Path> privateKeyFile,
    Optional<Secret> clientSecret,
    Optional<Secret> password,
    String callOptionsClient) {

  public SalesforceSettings {
    Objects.requireNonNull(loginUrl, "loginUrl");
    Objects.requireNonNull(instanceUrl, "instanceUrl");
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(privateKeyFile, "privateKeyFile");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(callOptionsClient, "callOptionsClient");
  }

  /**
   * The settings that {@link #auth()} needs but that are not set, by their configuration key (e.g.
   * {@code private-key-file}); empty when sign-in can be attempted.
   */
  public List<String> missingCredentials() {
    List<String> missing = new ArrayList<>();
    switch (auth) {
      case JWT -> {
        requireSet(clientId, "client-id", missing);
        requireSet(username, "username", missing);
        requireSet(privateKeyFile, "private-key-file", missing);
      }
      case CLIENT_CREDENTIALS -> {
        requireSet(clientId, "client-id", missing);
        requireSet(clientSecret, "client-secret", missing);
      }
      case SOAP_PASSWORD -> {
        requireSet(username, "username", missing);
        requireSet(password, "password", missing);
      }
    }
    return List.copyOf(missing);
  }

  private static void requireSet(Optional<?> value, String key, List<String> missing) {
    if (value.isEmpty()) {
      missing.add(key);
    }
  }
}
