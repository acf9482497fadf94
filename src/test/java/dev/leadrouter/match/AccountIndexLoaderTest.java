package dev.leadrouter.match;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.salesforce.RestClient;
import java.util.ArrayList;
import java.util.List;
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
    RestClient rest = StubOrg.restClient(SALESFORCE);
    index = new AccountIndex(MatchFixtures.keys(), 4);
    loader = new AccountIndexLoader(rest, index, CustomAccountFields.none());
  }

  @Test
  void loadsEveryAccountAcrossPagesWithOwnerActivity() {
    SALESFORCE.stubFor(
        get(urlPathEqualTo(QUERY))
            .withQueryParam("q", containing("FROM Account"))
            .willReturn(StubOrg.json(StubOrg.fixture("query-accounts-1.json"))));
    SALESFORCE.stubFor(
        get(QUERY + "/01gRO0000016PIAYA2-2000")
            .willReturn(StubOrg.json(StubOrg.fixture("query-accounts-2.json"))));
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
            .willReturn(StubOrg.json(StubOrg.fixture("query-accounts-reload.json"))));

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
}
