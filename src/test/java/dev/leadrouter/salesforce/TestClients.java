package dev.leadrouter.salesforce;

import dev.leadrouter.config.AuthMethod;
import dev.leadrouter.config.SalesforceSettings;
import dev.leadrouter.config.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings for clients under test: client credentials against a stub org, retries in milliseconds.
 */
final class TestClients {

  static final String CLIENT_SECRET = "consumer-secret-value";

  private TestClients() {}

  static SalesforceSettings clientCredentials(String loginUrl) {
    return new SalesforceSettings(
        URI.create(loginUrl),
        Optional.empty(),
        "62.0",
        AuthMethod.CLIENT_CREDENTIALS,
        Optional.of("3MVG9client"),
        Optional.empty(),
        Optional.<Path>empty(),
        Optional.of(new Secret(CLIENT_SECRET)),
        Optional.empty(),
        "lead-router");
  }

  /** Three attempts a millisecond apart, so retry tests take no time. */
  static SalesforceClientSettings fastRetries() {
    return new SalesforceClientSettings(
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        3,
        Duration.ofMillis(1),
        2.0,
        0.5,
        2,
        Duration.ofMillis(5));
  }
}
