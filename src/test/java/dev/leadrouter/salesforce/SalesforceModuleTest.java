package dev.leadrouter.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
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
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SalesforceModuleTest {

  @RegisterExtension
  static final WireMockExtension SALESFORCE =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path tempDir;

  @Test
  void wiresTheJwtFlowIntoTheRestClient() throws Exception {
    SALESFORCE.stubFor(
        post("/services/oauth2/token")
            .withRequestBody(containing("grant-type%3Ajwt-bearer"))
            .willReturn(Stubs.okJson("oauth-jwt-bearer.json", SALESFORCE.baseUrl())));
    SALESFORCE.stubFor(
        get(urlPathEqualTo("/services/data/v62.0/query"))
            .withHeader(
                "Authorization", equalTo("Bearer 00Dxx0000001gPL!AR8AQJwtBearerTokenForTests"))
            .willReturn(Stubs.okJson("query-page-2.json", SALESFORCE.baseUrl())));
    Path key = TestKeys.pemFile(tempDir);

    Injector injector =
        injector(settings(AuthMethod.JWT, Optional.of("router@acme.example"), Optional.of(key)));

    assertThat(injector.getInstance(RestClient.class).query("SELECT Id FROM Lead").count())
        .isEqualTo(1);
    assertThat(injector.getInstance(AccessTokenSource.class))
        .isInstanceOf(SingleFlightTokenSource.class);
  }

  @Test
  void registersBothNamedRetryPolicies() {
    RetryRegistry registry =
        injector(settings(AuthMethod.CLIENT_CREDENTIALS, Optional.empty(), Optional.empty()))
            .getInstance(RetryRegistry.class);

    assertThat(registry.getConfiguration(RetryPolicies.TRANSIENT)).isPresent();
    assertThat(registry.getConfiguration(RetryPolicies.BUDGET)).isPresent();
  }

  @Test
  void missingCredentialsAreNamedWhenTheClientIsFirstNeeded() {
    Injector injector = injector(settings(AuthMethod.JWT, Optional.empty(), Optional.empty()));

    Throwable failure = catchThrowable(() -> injector.getInstance(RestClient.class));

    assertThat(failure).hasMessageContaining("username").hasMessageContaining("private-key-file");
  }

  private static SalesforceSettings soap(String password) {
    return new SalesforceSettings(
        URI.create(SALESFORCE.baseUrl()),
        Optional.empty(),
        "66.0",
        AuthMethod.SOAP_PASSWORD,
        Optional.empty(),
        Optional.of("router@acme.example"),
        Optional.empty(),
        Optional.empty(),
        Optional.of(new Secret(password)),
        "lead-router");
  }

  @Test
  void soapLoginSignsInThroughForceWscAtApi64() {
    SALESFORCE.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post("/services/Soap/u/64.0")
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/xml; charset=utf-8")
                    .withBody(Fixtures.read("soap-login-response.xml"))));

    AccessToken token = injector(soap("pw-and-token")).getInstance(AccessTokenSource.class).token();

    assertThat(token.value()).isEqualTo("00D5f000000AbCD!AQ4AQSoapSessionForTests");
    assertThat(token.instanceUrl()).hasToString("https://acme.my.salesforce.com");
    SALESFORCE.verify(
        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/services/Soap/u/64.0"))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing(
                    "<m:username>router@acme.example</m:username>")));
  }

  @Test
  void aRefusedSoapLoginIsAnAuthErrorWithoutThePassword() {
    SALESFORCE.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post("/services/Soap/u/64.0")
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "text/xml; charset=utf-8")
                    .withBody(Fixtures.read("soap-login-fault.xml"))));

    Throwable failure =
        catchThrowable(
            () -> injector(soap("wrong-pw-XYZ")).getInstance(AccessTokenSource.class).token());

    assertThat(failure)
        .isInstanceOfSatisfying(
            SalesforceException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTH))
        .hasMessageContaining("INVALID_LOGIN")
        .hasMessageNotContaining("wrong-pw-XYZ");
  }

  private static SalesforceSettings settings(
      AuthMethod auth, Optional<String> username, Optional<Path> key) {
    return new SalesforceSettings(
        URI.create(SALESFORCE.baseUrl()),
        Optional.empty(),
        "62.0",
        auth,
        Optional.of("3MVG9client"),
        username,
        key,
        Optional.of(new Secret("s3cr3t")),
        Optional.empty(),
        "lead-router");
  }

  private static Injector injector(SalesforceSettings settings) {
    return Guice.createInjector(
        new ClockModule(Clock.fixed(Instant.parse("2026-11-01T09:30:00Z"), ZoneId.of("UTC"))),
        new SalesforceModule(),
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(SalesforceSettings.class).toInstance(settings);
          }
        });
  }
}
