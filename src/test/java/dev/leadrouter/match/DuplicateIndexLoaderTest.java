package dev.leadrouter.match;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.leadrouter.match.MatchFixtures.lead;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.normalize.CompanyNameNormalizer;
import dev.leadrouter.route.DuplicateMatch;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Loading open leads and contacts by SOQL, against WireMock serving documented responses. */
class DuplicateIndexLoaderTest {

  @RegisterExtension
  static final WireMockExtension SALESFORCE =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String QUERY = "/services/data/v62.0/query";
  private static final SalesforceId ANN_LEAD = new SalesforceId("00Q5f000005bwLFEAY");
  private static final SalesforceId NOBODY_LEAD = new SalesforceId("00Q5f000005bwLGEAY");
  private static final SalesforceId BOB_CONTACT = new SalesforceId("0035f00000LR001AAD");

  private final DuplicateIndex index = new DuplicateIndex(new CompanyNameNormalizer());
  private DuplicateIndexLoader loader;

  /** After WireMock's own reset, which drops the token stub. */
  @BeforeEach
  void wire() {
    loader = new DuplicateIndexLoader(StubOrg.restClient(SALESFORCE), index);
  }

  @Test
  void loadsOpenLeadsAndContactsWithTheirOwnersActivity() {
    SALESFORCE.stubFor(
        get(urlPathEqualTo(QUERY))
            .withQueryParam("q", containing("FROM Lead WHERE IsConverted = false"))
            .willReturn(StubOrg.json(StubOrg.fixture("query-leads.json"))));
    SALESFORCE.stubFor(
        get(urlPathEqualTo(QUERY))
            .withQueryParam("q", containing("FROM Contact"))
            .willReturn(StubOrg.json(StubOrg.fixture("query-contacts.json"))));

    int held = loader.loadAll();

    assertThat(held).isEqualTo(3);
    IndexDuplicateFinder finder = new IndexDuplicateFinder(index, MatchPolicy.defaults());
    assertThat(finder.find(lead("Email", "bob@globex.example")))
        .contains(new DuplicateMatch(BOB_CONTACT, new SalesforceId("0055f000005mc77AAA"), true));
    assertThat(finder.find(lead("Email", "ann.lee@acme.example")).orElseThrow().ownerActive())
        .isFalse();
    assertThat(index.get(BOB_CONTACT).orElseThrow().company()).isEqualTo("Globex Inc.");
    assertThat(index.get(NOBODY_LEAD)).isPresent();
  }

  @Test
  void reloadRemovesRecordsThatAreGone() {
    index.upsert(
        new Person(
            BOB_CONTACT,
            Person.Kind.CONTACT,
            "bob@globex.example",
            "Bob",
            "Stone",
            "Globex",
            MatchFixtures.ANN,
            true,
            true));
    SALESFORCE.stubFor(
        get(urlPathEqualTo(QUERY))
            .withQueryParam("q", containing("FROM Contact WHERE Id IN ('0035f00000LR001AAD')"))
            .willReturn(StubOrg.json("{\"totalSize\":0,\"done\":true,\"records\":[]}")));

    loader.reload(Person.Kind.CONTACT, List.of(BOB_CONTACT));

    assertThat(index.get(BOB_CONTACT)).isEmpty();
    SALESFORCE.verify(
        getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing("Account.Name")));
    assertThat(index.get(ANN_LEAD)).isEmpty();
  }
}
