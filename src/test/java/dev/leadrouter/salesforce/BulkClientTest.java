package dev.leadrouter.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import dev.leadrouter.config.ClockModule;
import dev.leadrouter.config.SalesforceSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Bulk client (force-wsc's BulkConnection underneath) against WireMock and documented bodies.
 */
class BulkClientTest {

  @RegisterExtension
  static final WireMockExtension SALESFORCE =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String JOB = "/services/async/62.0/job/750D00000004SkLIAU";
  private static final String BATCH = JOB + "/batch/751D0000000004rIAA";
  private static final String TOKEN = "00DRM000000CCAT!BulkTokenForTests";

  private BulkClient bulk;

  @BeforeEach
  void wire() {
    SalesforceSettings settings = TestClients.clientCredentials(SALESFORCE.baseUrl());
    SalesforceClientSettings fast = TestClients.fastRetries();
    BulkPolling quickPolls = new BulkPolling(Duration.ofMillis(1), Duration.ofMillis(2), 10);
    bulk =
        Guice.createInjector(
                new ClockModule(
                    Clock.fixed(Instant.parse("2026-11-27T07:00:00Z"), ZoneId.of("UTC"))),
                new SalesforceModule(fast, quickPolls),
                new AbstractModule() {
                  @Override
                  protected void configure() {
                    bind(SalesforceSettings.class).toInstance(settings);
                  }
                })
            .getInstance(BulkClient.class);
    SALESFORCE.stubFor(
        post("/services/oauth2/token")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        Fixtures.read("oauth-client-credentials.json")
                            .replace("https://acme.my.salesforce.com", SALESFORCE.baseUrl())
                            .replace(
                                "00DRM000000CCAT!AQ4AQClientCredentialsTokenForTests", TOKEN))));
    // force-wsc posts new jobs to ".../job/" with a trailing slash; a real org accepts both.
    SALESFORCE.stubFor(
        post(urlPathMatching("/services/async/62\\.0/job/?"))
            .willReturn(xml(201, "bulk-job-open.xml")));
    SALESFORCE.stubFor(post(JOB + "/batch").willReturn(xml(201, "bulk-batch-queued.xml")));
    SALESFORCE.stubFor(post(JOB).willReturn(xml(200, "bulk-job-closed.xml")));
    SALESFORCE.stubFor(
        get(BATCH)
            .inScenario("poll")
            .whenScenarioStateIs(STARTED)
            .willReturn(xml(200, "bulk-batch-inprogress.xml"))
            .willSetStateTo("done"));
    SALESFORCE.stubFor(
        get(BATCH)
            .inScenario("poll")
            .whenScenarioStateIs("done")
            .willReturn(xml(200, "bulk-batch-completed.xml")));
    SALESFORCE.stubFor(
        get(BATCH + "/result")
            .inScenario("results")
            .whenScenarioStateIs(STARTED)
            .willReturn(csv("bulk-batch-results.csv"))
            .willSetStateTo("retried"));
    SALESFORCE.stubFor(
        get(BATCH + "/result")
            .inScenario("results")
            .whenScenarioStateIs("retried")
            .willReturn(csv("bulk-batch-results-retry.csv")));
  }

  private static List<Map<String, Object>> threeLeads() {
    Map<String, Object> cleared = new HashMap<>();
    cleared.put("Id", "00Q5f000005bwLHEAY");
    cleared.put("OwnerId", "00G5f00000LR001EAD");
    cleared.put("Routing_Reason__c", null);
    return List.of(
        Map.of("Id", "00Q5f000005bwLFEAY", "OwnerId", "0055f00000LR001AAD"),
        Map.of("Id", "00Q5f000005bwLGEAY", "OwnerId", "0055f00000LR002AAD"),
        cleared);
  }

  @Test
  void aJobWithALockedRowRetriesThatRowAloneAndReportsEveryRow() {
    List<SaveResult> results = bulk.update("Lead", threeLeads());

    assertThat(results).extracting(SaveResult::success).containsExactly(true, true, false);
    assertThat(results.get(2).errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.code()).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
              assertThat(error.fields()).containsExactly("OwnerId");
            });
    assertThat(results.get(2).failureKind()).contains(ErrorKind.PERMANENT);

    List<LoggedRequest> batches = SALESFORCE.findAll(postRequestedFor(urlEqualTo(JOB + "/batch")));
    assertThat(batches).hasSize(2);
    String first = batches.get(0).getBodyAsString();
    assertThat(first.lines().findFirst()).contains("\"Id\",\"OwnerId\",\"Routing_Reason__c\"");
    assertThat(first).contains("#N/A").contains("00Q5f000005bwLFEAY");
    String retry = batches.get(1).getBodyAsString();
    assertThat(retry).contains("00Q5f000005bwLGEAY").doesNotContain("00Q5f000005bwLFEAY");
  }

  @Test
  void jobsAreSerialCarryTheSessionAndNameOurClient() {
    bulk.update("Lead", threeLeads());

    SALESFORCE.verify(
        postRequestedFor(urlPathMatching("/services/async/62\\.0/job/?"))
            .withHeader("X-SFDC-Session", equalTo(TOKEN))
            .withHeader("Sforce-Call-Options", equalTo("client=lead-router"))
            .withRequestBody(containing("<concurrencyMode>Serial</concurrencyMode>"))
            .withRequestBody(containing("<operation>update</operation>"))
            .withRequestBody(containing("<object>Lead</object>")));
    SALESFORCE.verify(
        postRequestedFor(urlEqualTo(JOB)).withRequestBody(containing("<state>Closed</state>")));
  }

  @Test
  void anExpiredSessionSignsInOnceMoreAndRunsTheJob() {
    SALESFORCE.stubFor(
        post(urlPathMatching("/services/async/62\\.0/job/?"))
            .inScenario("session")
            .whenScenarioStateIs(STARTED)
            .willReturn(xml(400, "bulk-error-invalid-session.xml"))
            .willSetStateTo("signed in again"));
    SALESFORCE.stubFor(
        post(urlPathMatching("/services/async/62\\.0/job/?"))
            .inScenario("session")
            .whenScenarioStateIs("signed in again")
            .willReturn(xml(201, "bulk-job-open.xml")));

    // A one-row job: the one-row result.
    SALESFORCE.stubFor(
        get(BATCH + "/result").atPriority(1).willReturn(csv("bulk-batch-results-retry.csv")));

    List<SaveResult> results =
        bulk.update(
            "Lead", List.of(Map.of("Id", "00Q5f000005bwLGEAY", "OwnerId", "0055f00000LR001AAD")));

    assertThat(results.get(0).success()).isTrue();
    SALESFORCE.verify(2, postRequestedFor(urlEqualTo("/services/oauth2/token")));
  }

  private static ResponseDefinitionBuilder xml(int status, String fixture) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/xml")
        .withBody(Fixtures.read(fixture));
  }

  private static ResponseDefinitionBuilder csv(String fixture) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "text/csv")
        .withBody(Fixtures.read(fixture));
  }
}
