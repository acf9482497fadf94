package dev.leadrouter.match;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import dev.leadrouter.config.AuthMethod;
import dev.leadrouter.config.ClockModule;
import dev.leadrouter.config.SalesforceSettings;
import dev.leadrouter.config.Secret;
import dev.leadrouter.lead.SalesforceId;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Loading the account index by SOQL, against WireMock serving documented query responses. */
class AccountIndexLoaderTest {

  @RegisterExtension
  static final WireMockExtension SALESFORCE =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String QUERY = "/services/data/v62.0/query";
  private static final SalesforceId BERGMANN_DE = new SalesforceId("0015f00000AbCdEAAV");
  private static final SalesforceId BERGMANN_US = new SalesforceId("0015f00000AbCdFAAV");
  private static final SalesforceId INITECH = new SalesforceId("0015f00000AbCdGAAV");

  private AccountIndex index;
  private AccountIndexLoader loader;

  @BeforeEach
  void wire() {
    SalesforceSettings settings =
        new SalesforceSettings(
            URI.create(SALESFORCE.baseUrl()),
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
    RestClient rest =
        Guice.createInjector(
                new ClockModule(Clock.fixed(Instant.parse("2026-11-01T09:30:00Z"), ZoneOffset.UTC)),
                new SalesforceModule(fast),
                new AbstractModule() {
                  @Override
                  protected void configure() {
                    bind(SalesforceSettings.class).toInstance(settings);
                  }
                })
            .getInstance(RestClient.class);
    index = new AccountIndex(MatchFixtures.keys(), 4);
    loader = new AccountIndexLoader(rest, index, CustomAccountFields.none());
    SALESFORCE.stubFor(
        post("/services/oauth2/token")
            .willReturn(
                json(
                    "{\"access_token\":\"00DRM000000CCAT!AQ4AQTokenForTests\",\"instance_url\":\""
                        + SALESFORCE.baseUrl()
                        + "\",\"token_type\":\"Bearer\",\"issued_at\":\"1278448384422\"}")));
  }

  @Test
  void loadsEveryAccountAcrossPagesWithOwnerActivity() {
    SALESFORCE.stubFor(
        get(urlPathEqualTo(QUERY))
            .withQueryParam("q", containing("FROM Account"))
            .willReturn(json(fixture("query-accounts-1.json"))));
    SALESFORCE.stubFor(
        get(QUERY + "/01gRO0000016PIAYA2-2000").willReturn(json(fixture("query-accounts-2.json"))));
    List<Integer> progress = new ArrayList<>();

    int loaded = loader.loadAll(progress::add);

    assertThat(loaded).isEqualTo(3);
    assertThat(progress).endsWith(3);
    assertThat(index.size()).isEqualTo(3);
    IndexedAccount us = index.withDomain("bergmann-logistics.com").get(0);
    assertThat(us.id()).isEqualTo(BERGMANN_US);
    assertThat(us.ownerActive()).isFalse();
    assertThat(us.state()).isEqualTo("CA");
    assertThat(us.ultimateParentId()).isEqualTo(BERGMANN_DE);
    assertThat(index.get(INITECH).orElseThrow().employees()).isEqualTo(40);
    SALESFORCE.verify(
        getRequestedFor(urlPathEqualTo(QUERY))
            .withQueryParam("q", containing("Owner.IsActive"))
            .withQueryParam("q", containing("ParentId")));
  }

  @Test
  void reloadReplacesTheAccountsFoundAndRemovesTheOnesGone() {
    index.upsert(MatchFixtures.account(1, "Unrelated", "unrelated.com", "US", MatchFixtures.ANN));
    index.upsert(
        new Account(
            BERGMANN_DE,
            "Bergmann Logistik GmbH",
            "bergmann-logistik.de",
            List.of(),
            List.of(),
            "DE",
            null,
            MatchFixtures.ANN,
            true,
            null,
            null,
            null,
            null));
    index.upsert(
        new Account(
            BERGMANN_US,
            "Bergmann Logistics",
            "bergmann-logistics.com",
            List.of(),
            List.of(),
            "US",
            null,
            MatchFixtures.ANN,
            true,
            null,
            null,
            null,
            null));
    SALESFORCE.stubFor(
        get(urlPathEqualTo(QUERY))
            .withQueryParam("q", containing("WHERE Id IN ("))
            .willReturn(json(fixture("query-accounts-reload.json"))));

    int found = loader.reload(List.of(BERGMANN_DE, BERGMANN_US));

    assertThat(found).isEqualTo(1);
    assertThat(index.get(BERGMANN_DE).orElseThrow().domain()).isEqualTo("bergmann.de");
    assertThat(index.get(BERGMANN_US)).isEmpty();
    assertThat(index.size()).isEqualTo(2);
    SALESFORCE.verify(
        getRequestedFor(urlPathEqualTo(QUERY))
            .withQueryParam("q", containing("'0015f00000AbCdEAAV'"))
            .withQueryParam("q", containing("'0015f00000AbCdFAAV'")));
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  private static String fixture(String name) {
    try (InputStream in = AccountIndexLoaderTest.class.getResourceAsStream("/match/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
