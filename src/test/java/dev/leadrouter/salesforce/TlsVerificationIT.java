package dev.leadrouter.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.leadrouter.config.AuthMethod;
import dev.leadrouter.config.ClockModule;
import dev.leadrouter.config.SalesforceSettings;
import dev.leadrouter.config.Secret;
import dev.leadrouter.testing.UntrustedHttps;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every client that reaches the org refuses a server whose certificate no trusted authority signed,
 * under a host name that is not loopback, and says why without the token or secret. The sign-in
 * answer (client credentials flow, fixture {@code oauth-client-credentials.json}, Salesforce Help
 * "OAuth 2.0 Client Credentials Flow") comes over plain HTTP on 127.0.0.1, as from the emulator,
 * and points the REST and Bulk clients at the HTTPS port.
 */
class TlsVerificationIT {

  @RegisterExtension
  static final WireMockExtension ORG =
      WireMockExtension.newInstance().options(UntrustedHttps.server()).build();

  private static final String TOKEN = "00DRM000000CCAT!AQ4AQClientCredentialsTokenForTests";
  private static final String PASSWORD = "pw-and-security-token-XYZ";

  private final String host = UntrustedHttps.nonLoopbackHost();
  private String untrustedOrg;

  @BeforeEach
  void answerEverythingOverHttps() {
    untrustedOrg = "https://" + host + ":" + ORG.getRuntimeInfo().getHttpsPort();
    // Were TLS not verified, every call would succeed against this catch-all.
    ORG.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200)));
  }

  @Test
  void theTokenClientRefusesAnUntrustedLoginServer() {
    Throwable failure =
        catchThrowable(() -> tokens(TestClients.clientCredentials(untrustedOrg)).token());

    assertRefusedAsUntrusted(failure);
    assertThat(failure).hasMessageNotContaining(TestClients.CLIENT_SECRET);
  }

  @Test
  void theSoapLoginRefusesAnUntrustedLoginServer() {
    Throwable failure = catchThrowable(() -> tokens(soapLogin(untrustedOrg)).token());

    assertRefusedAsUntrusted(failure);
    assertThat(failure).hasMessageNotContaining(PASSWORD);
  }

  @Test
  void theRestClientRefusesAnUntrustedInstance() {
    signInPointingAt(untrustedOrg);

    Throwable failure =
        catchThrowable(
            () ->
                injector(signInOverLoopback())
                    .getInstance(RestClient.class)
                    .query("SELECT Id FROM Lead")
                    .count());

    assertRefusedAsUntrusted(failure);
  }

  @Test
  void theBulkClientRefusesAnUntrustedInstance() {
    signInPointingAt(untrustedOrg);

    Throwable failure =
        catchThrowable(
            () ->
                injector(signInOverLoopback())
                    .getInstance(BulkClient.class)
                    .update(
                        "Lead",
                        List.of(Map.of("Id", "00Q000000000001", "OwnerId", "005000000000001"))));

    assertRefusedAsUntrusted(failure);
  }

  @Test
  void aSignInAnswerPointingAtPlainHttpElsewhereIsRefused() {
    signInPointingAt("http://" + host + ":" + ORG.getPort());

    Throwable failure = catchThrowable(() -> tokens(signInOverLoopback()).token());

    assertThat(failure)
        .isInstanceOf(SalesforceException.class)
        .hasMessageContaining("INSECURE_INSTANCE_URL")
        .hasMessageContaining(host)
        .hasMessageNotContaining(TOKEN);
  }

  private void assertRefusedAsUntrusted(Throwable failure) {
    assertThat(failure)
        .isInstanceOf(SalesforceException.class)
        .hasMessageContaining("UNTRUSTED_CERTIFICATE")
        .hasMessageContaining("TLS certificate")
        .hasMessageContaining("is not trusted")
        .hasMessageNotContaining(TOKEN);
    assertThat(((SalesforceException) failure).kind())
        .as("retrying cannot make a certificate trusted")
        .isEqualTo(ErrorKind.PERMANENT);
  }

  private void signInPointingAt(String instanceUrl) {
    ORG.stubFor(
        post("/services/oauth2/token")
            .atPriority(1)
            .willReturn(Stubs.okJson("oauth-client-credentials.json", instanceUrl)));
  }

  private static SalesforceSettings signInOverLoopback() {
    return TestClients.clientCredentials("http://127.0.0.1:" + ORG.getPort());
  }

  private static SalesforceSettings soapLogin(String loginUrl) {
    return new SalesforceSettings(
        URI.create(loginUrl),
        Optional.empty(),
        "62.0",
        AuthMethod.SOAP_PASSWORD,
        Optional.empty(),
        Optional.of("router@acme.example"),
        Optional.<Path>empty(),
        Optional.empty(),
        Optional.of(new Secret(PASSWORD)),
        "lead-router");
  }

  private static AccessTokenSource tokens(SalesforceSettings settings) {
    return injector(settings).getInstance(AccessTokenSource.class);
  }

  private static Injector injector(SalesforceSettings settings) {
    return Guice.createInjector(
        new ClockModule(Clock.fixed(Instant.parse("2026-11-01T09:30:00Z"), ZoneId.of("UTC"))),
        new SalesforceModule(TestClients.fastRetries()),
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(SalesforceSettings.class).toInstance(settings);
          }
        });
  }
}
