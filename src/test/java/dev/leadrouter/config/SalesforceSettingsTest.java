package dev.leadrouter.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SalesforceSettingsTest {

  @Test
  void jwtNeedsClientIdUsernameAndKey() {
    assertThat(settings(AuthMethod.JWT, Optional.empty(), Optional.empty()).missingCredentials())
        .containsExactly("client-id", "username", "private-key-file");
    assertThat(
            settings(AuthMethod.JWT, Optional.of("admin@example.com"), Optional.empty())
                .missingCredentials())
        .containsExactly("client-id", "private-key-file");
  }

  @Test
  void clientCredentialsNeedClientIdAndSecret() {
    assertThat(
            settings(AuthMethod.CLIENT_CREDENTIALS, Optional.empty(), Optional.empty())
                .missingCredentials())
        .containsExactly("client-id", "client-secret");
  }

  @Test
  void soapLoginNeedsUsernameAndPassword() {
    assertThat(
            settings(
                    AuthMethod.SOAP_PASSWORD,
                    Optional.of("admin@example.com"),
                    Optional.of(new Secret("pw")))
                .missingCredentials())
        .isEmpty();
    assertThat(
            settings(AuthMethod.SOAP_PASSWORD, Optional.empty(), Optional.empty())
                .missingCredentials())
        .containsExactly("username", "password");
  }

  private static SalesforceSettings settings(
      AuthMethod auth, Optional<String> username, Optional<Secret> password) {
    return new SalesforceSettings(
        URI.create("https://login.salesforce.com"),
        Optional.empty(),
        "62.0",
        auth,
        Optional.empty(),
        username,
        Optional.<Path>empty(),
        Optional.empty(),
        password,
        "lead-router");
  }
}
