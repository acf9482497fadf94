package dev.leadrouter.match;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import dev.leadrouter.config.AuthMethod;
import dev.leadrouter.config.ClockModule;
import dev.leadrouter.config.SalesforceSettings;
import dev.leadrouter.config.Secret;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.salesforce.SalesforceClientSettings;
import dev.leadrouter.salesforce.SalesforceModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** Our real REST client against a WireMock org that grants a client-credentials token. */
final class StubOrg {

  private StubOrg() {}

  static RestClient restClient(WireMockExtension salesforce) {
    SalesforceSettings settings =
        new SalesforceSettings(
            URI.create(salesforce.baseUrl()),
            Optional.empty(),
            "62.0",
            AuthMethod.CLIENT_CREDENTIALS,
            Optional.of("3MVG9client"),
            Optional.empty(),
            Optional.<Path>empty(),
            Optional.of(new Secret("consumer-secret-value")),
            Optional.empty(),
            "lead-router");
    SalesforceClientSettings fast =
        new SalesforceClientSettings(
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            3,
            Duration.ofMillis(1),
            2.0,
            0.5,
            2,
            Duration.ofMillis(5));
    salesforce.stubFor(
        post("/services/oauth2/token")
            .willReturn(
                json(
                    "{\"access_token\":\"00DRM000000CCAT!AQ4AQTokenForTests\",\"instance_url\":\""
                        + salesforce.baseUrl()
                        + "\",\"token_type\":\"Bearer\",\"issued_at\":\"1278448384422\"}")));
    return Guice.createInjector(
            new ClockModule(Clock.fixed(Instant.parse("2026-11-01T09:30:00Z"), ZoneOffset.UTC)),
            new SalesforceModule(fast),
            new AbstractModule() {
              @Override
              protected void configure() {
                bind(SalesforceSettings.class).toInstance(settings);
              }
            })
        .getInstance(RestClient.class);
  }

  static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  static String fixture(String name) {
    try (InputStream in = StubOrg.class.getResourceAsStream("/match/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
