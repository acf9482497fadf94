package dev.leadrouter.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.leadrouter.config.ClockModule;
import dev.leadrouter.config.SalesforceSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The REST client against WireMock: real bytes on a socket, documented payloads. */
class RestClientTest {

  @RegisterExtension
  static final WireMockExtension SALESFORCE =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String TOKEN_PATH = "/services/oauth2/token";
  private static final String QUERY_PATH = "/services/data/v62.0/query";
  private static final String NEXT_PAGE = "/services/data/v62.0/query/01gRO0000016PIAYA2-2";
  private static final String COLLECTIONS = "/services/data/v62.0/composite/sobjects";
  private static final String SECRET = TestClients.CLIENT_SECRET;
  private static final String FIXTURE_TOKEN = "00DRM000000CCAT!AQ4AQClientCredentialsTokenForTests";
  private static final String SOQL = "SELECT Id, Company, Owner.Type FROM Lead";

  private Injector injector;
  private RestClient client;

  @BeforeEach
  void wire() {
    SalesforceSettings settings = TestClients.clientCredentials(SALESFORCE.baseUrl());
    SalesforceClientSettings fast = TestClients.fastRetries();
    injector =
        Guice.createInjector(
            new ClockModule(Clock.fixed(Instant.parse("2026-11-01T09:30:00Z"), ZoneId.of("UTC"))),
            new SalesforceModule(fast),
            new AbstractModule() {
              @Override
              protected void configure() {
                bind(SalesforceSettings.class).toInstance(settings);
              }
            });
    client = injector.getInstance(RestClient.class);
    SALESFORCE.stubFor(post(TOKEN_PATH).willReturn(token(FIXTURE_TOKEN)));
  }

  // ---- query ------------------------------------------------------------------------------------

  @Test
  void queryFollowsNextRecordsUrlLazily() {
    SALESFORCE.stubFor(firstPage().willReturn(okJson("query-page-1.json")));
    SALESFORCE.stubFor(get(NEXT_PAGE).willReturn(okJson("query-page-2.json")));

    assertThat(client.query(SOQL).findFirst()).isPresent();
    SALESFORCE.verify(0, getRequestedFor(urlEqualTo(NEXT_PAGE)));

    List<JsonNode> all = client.query(SOQL).toList();
    assertThat(all)
        .extracting(record -> record.get("Id").asText())
        .containsExactly("00Q5f000005bwLFEAY", "00Q5f000005bwLGEAY", "00Q5f000005bwLHEAY");
    assertThat(all.get(0).at("/Owner/Type").asText()).isEqualTo("User");
    SALESFORCE.verify(1, getRequestedFor(urlEqualTo(NEXT_PAGE)));
  }

  @Test
  void aNextPageOutsideTheOrgIsRefused() {
    SALESFORCE.stubFor(
        firstPage()
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"totalSize\":2,\"done\":false,\"records\":[],"
                            + "\"nextRecordsUrl\":\"https://elsewhere.example/services/data\"}")));

    SalesforceException e =
        catchThrowableOfType(SalesforceException.class, () -> client.query(SOQL).toList());

    assertThat(e.kind()).isEqualTo(ErrorKind.PERMANENT);
    SALESFORCE.verify(1, getRequestedFor(urlPathEqualTo(QUERY_PATH)));
  }

  @Test
  void readsTheLimitHeaderIntoTheBudget() {
    SALESFORCE.stubFor(
        firstPage()
            .willReturn(
                okJson("query-page-2.json")
                    .withHeader(ApiBudget.HEADER, Fixtures.lines("sforce-limit-info.txt").get(1))));

    client.query(SOQL).toList();

    ApiBudget budget = injector.getInstance(ApiBudget.class);
    assertThat(budget.orgUsage()).contains(new ApiUsage(25, 5000, Optional.empty()));
    assertThat(budget.appUsage().orElseThrow().remaining()).isEqualTo(233);
  }

  @Test
  void serviceUnavailableThenOkIsRetried() {
    SALESFORCE.stubFor(
        firstPage()
            .inScenario("503")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503).withBody("<html>Maintenance</html>"))
            .willSetStateTo("up"));
    SALESFORCE.stubFor(
        firstPage()
            .inScenario("503")
            .whenScenarioStateIs("up")
            .willReturn(okJson("query-page-2.json")));

    assertThat(client.query(SOQL).toList()).hasSize(1);
    SALESFORCE.verify(2, getRequestedFor(urlPathEqualTo(QUERY_PATH)));
  }

  @Test
  void aConnectionResetIsRetried() {
    SALESFORCE.stubFor(
        firstPage()
            .inScenario("reset")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("up"));
    SALESFORCE.stubFor(
        firstPage()
            .inScenario("reset")
            .whenScenarioStateIs("up")
            .willReturn(okJson("query-page-2.json")));

    assertThat(client.query(SOQL).toList()).hasSize(1);
  }

  @Test
  void expiredSessionSignsInOnceAndReplays() {
    SALESFORCE.stubFor(
        post(TOKEN_PATH)
            .inScenario("login")
            .whenScenarioStateIs(STARTED)
            .willReturn(token("token-1"))
            .willSetStateTo("second"));
    SALESFORCE.stubFor(
        post(TOKEN_PATH)
            .inScenario("login")
            .whenScenarioStateIs("second")
            .willReturn(token("token-2")));
    SALESFORCE.stubFor(
        firstPage()
            .withHeader("Authorization", equalTo("Bearer token-1"))
            .willReturn(json(401, "error-invalid-session.json")));
    SALESFORCE.stubFor(
        firstPage()
            .withHeader("Authorization", equalTo("Bearer token-2"))
            .willReturn(okJson("query-page-2.json")));

    assertThat(client.query(SOQL).toList()).hasSize(1);
    assertThat(client.query(SOQL).toList()).hasSize(1);

    // One sign-in at first use, exactly one more after the 401; the new token is then reused.
    SALESFORCE.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    SALESFORCE.verify(3, getRequestedFor(urlPathEqualTo(QUERY_PATH)));
  }

  @Test
  void concurrentCallsWithAnExpiredSessionShareOneSignIn() throws Exception {
    SALESFORCE.stubFor(
        post(TOKEN_PATH)
            .inScenario("login")
            .whenScenarioStateIs(STARTED)
            .willReturn(token("token-1"))
            .willSetStateTo("second"));
    SALESFORCE.stubFor(
        post(TOKEN_PATH)
            .inScenario("login")
            .whenScenarioStateIs("second")
            .willReturn(token("token-2")));
    SALESFORCE.stubFor(
        firstPage()
            .withHeader("Authorization", equalTo("Bearer token-1"))
            .willReturn(json(401, "error-invalid-session.json")));
    SALESFORCE.stubFor(
        firstPage()
            .withHeader("Authorization", equalTo("Bearer token-2"))
            .willReturn(okJson("query-page-2.json")));
    injector.getInstance(AccessTokenSource.class).token();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Long>> counts = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      counts.add(
          pool.submit(
              () -> {
                go.await();
                return client.query(SOQL).count();
              }));
    }
    go.countDown();
    for (Future<Long> count : counts) {
      assertThat(count.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }
    pool.shutdown();

    SALESFORCE.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  @Test
  void aSessionRejectedTwiceIsAnAuthErrorWithoutTheToken() {
    SALESFORCE.stubFor(firstPage().willReturn(json(401, "error-invalid-session.json")));

    SalesforceException e =
        catchThrowableOfType(SalesforceException.class, () -> client.query(SOQL).toList());

    assertThat(e.kind()).isEqualTo(ErrorKind.AUTH);
    assertThat(e.httpStatus()).isEqualTo(401);
    SALESFORCE.verify(2, getRequestedFor(urlPathEqualTo(QUERY_PATH)));
    SALESFORCE.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    assertLeaksNothing(e);
  }

  @Test
  void requestLimitExceededSurfacesAsBudget() {
    SALESFORCE.stubFor(firstPage().willReturn(json(403, "error-request-limit.json")));

    SalesforceException e =
        catchThrowableOfType(SalesforceException.class, () -> client.query(SOQL).toList());

    assertThat(e.kind()).isEqualTo(ErrorKind.BUDGET);
    assertThat(e.errors())
        .extracting(SalesforceError::code)
        .containsExactly("REQUEST_LIMIT_EXCEEDED");
    // The budget policy's two attempts, each not retried by the transient policy.
    SALESFORCE.verify(2, getRequestedFor(urlPathEqualTo(QUERY_PATH)));
    assertLeaksNothing(e);
  }

  @Test
  void invalidFieldIsNotRetried() {
    SALESFORCE.stubFor(firstPage().willReturn(json(400, "error-invalid-field.json")));

    SalesforceException e =
        catchThrowableOfType(SalesforceException.class, () -> client.query(SOQL).toList());

    assertThat(e.kind()).isEqualTo(ErrorKind.PERMANENT);
    assertThat(e.errors().get(0).code()).isEqualTo("INVALID_FIELD");
    SALESFORCE.verify(1, getRequestedFor(urlPathEqualTo(QUERY_PATH)));
    assertLeaksNothing(e);
  }

  @Test
  void persistentUnavailabilityGivesUpAfterMaxAttempts() {
    SALESFORCE.stubFor(firstPage().willReturn(aResponse().withStatus(503)));

    SalesforceException e =
        catchThrowableOfType(SalesforceException.class, () -> client.query(SOQL).toList());

    assertThat(e.kind()).isEqualTo(ErrorKind.RETRYABLE);
    SALESFORCE.verify(3, getRequestedFor(urlPathEqualTo(QUERY_PATH)));
  }

  @Test
  void readsSendOurClientNameAndBearerToken() {
    SALESFORCE.stubFor(firstPage().willReturn(okJson("query-page-2.json")));

    client.query(SOQL).toList();

    LoggedRequest sent = SALESFORCE.findAll(getRequestedFor(urlPathEqualTo(QUERY_PATH))).get(0);
    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + FIXTURE_TOKEN);
    assertThat(sent.getHeader("Sforce-Call-Options")).isEqualTo("client=lead-router");
    assertThat(sent.containsHeader("Sforce-Auto-Assign")).isFalse();
    assertThat(sent.queryParameter("q").firstValue()).isEqualTo(SOQL);
  }

  // ---- sObject Collections --------------------------------------------------------------------

  @Test
  void updateSendsACollectionWithAssignmentRulesOffAndSurfacesEachRecord() {
    SALESFORCE.stubFor(
        patch(urlEqualTo(COLLECTIONS)).willReturn(okJson("collections-update-mixed.json")));

    List<SaveResult> results =
        client.update(
            "Lead",
            List.of(
                lead("00Q5f000005bwLFEAY", "005000000000001AAA"),
                lead("001xx000003DGb2999", "005000000000001AAA"),
                lead("00Q5f000005bwLGEAY", "005000000000002AAA")));

    assertThat(results).hasSize(3);
    assertThat(results.get(0))
        .isEqualTo(new SaveResult(Optional.of("00Q5f000005bwLFEAY"), true, List.of()));
    assertThat(results.get(1).id()).isEmpty();
    assertThat(results.get(1).failureKind()).contains(ErrorKind.PERMANENT);
    assertThat(results.get(1).errors().get(0).fields()).containsExactly("Id");
    assertThat(results.get(2).errors().get(0).code())
        .isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
    SALESFORCE.verify(
        1,
        patchRequestedFor(urlEqualTo(COLLECTIONS))
            .withHeader("Authorization", equalTo("Bearer " + FIXTURE_TOKEN))
            .withHeader("Sforce-Call-Options", equalTo("client=lead-router"))
            .withHeader("Sforce-Auto-Assign", equalTo("FALSE"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"allOrNone\":false,\"records\":["
                        + "{\"attributes\":{\"type\":\"Lead\"},\"id\":\"00Q5f000005bwLFEAY\","
                        + "\"OwnerId\":\"005000000000001AAA\",\"Routing_Rule__c\":\"Inbound\"},"
                        + "{\"attributes\":{\"type\":\"Lead\"},\"id\":\"001xx000003DGb2999\","
                        + "\"OwnerId\":\"005000000000001AAA\",\"Routing_Rule__c\":\"Inbound\"},"
                        + "{\"attributes\":{\"type\":\"Lead\"},\"id\":\"00Q5f000005bwLGEAY\","
                        + "\"OwnerId\":\"005000000000002AAA\",\"Routing_Rule__c\":\"Inbound\"}]}")));
  }

  @Test
  void datesAndInstantsAreWrittenAsIsoText() {
    SALESFORCE.stubFor(
        patch(urlEqualTo(COLLECTIONS)).willReturn(okJson("collections-update-retried.json")));
    Map<String, Object> lead = new LinkedHashMap<>();
    lead.put("Id", "00Q5f000005bwLGEAY");
    lead.put("Routed_At__c", Instant.parse("2026-11-01T09:30:00Z"));
    lead.put("Follow_Up_Date__c", LocalDate.of(2026, 11, 2));
    lead.put("Routing_Reason__c", null);

    client.update("Lead", List.of(lead));

    SALESFORCE.verify(
        patchRequestedFor(urlEqualTo(COLLECTIONS))
            .withRequestBody(
                matchingJsonPath("$.records[0].Routed_At__c", equalTo("2026-11-01T09:30:00Z")))
            .withRequestBody(
                matchingJsonPath("$.records[0].Follow_Up_Date__c", equalTo("2026-11-02")))
            .withRequestBody(containing("\"Routing_Reason__c\":null")));
  }

  @Test
  void aLockedRowIsSentAgainOnItsOwn() throws Exception {
    SALESFORCE.stubFor(
        patch(urlEqualTo(COLLECTIONS))
            .inScenario("lock")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson("collections-update-lock.json"))
            .willSetStateTo("unlocked"));
    SALESFORCE.stubFor(
        patch(urlEqualTo(COLLECTIONS))
            .inScenario("lock")
            .whenScenarioStateIs("unlocked")
            .willReturn(okJson("collections-update-retried.json")));

    List<SaveResult> results =
        client.update(
            "Lead",
            List.of(
                lead("00Q5f000005bwLFEAY", "005000000000001AAA"),
                lead("00Q5f000005bwLGEAY", "005000000000002AAA")));

    assertThat(results).allSatisfy(result -> assertThat(result.success()).isTrue());
    assertThat(results)
        .extracting(result -> result.id().orElseThrow())
        .containsExactly("00Q5f000005bwLFEAY", "00Q5f000005bwLGEAY");
    List<LoggedRequest> sent = SALESFORCE.findAll(patchRequestedFor(urlEqualTo(COLLECTIONS)));
    assertThat(sent).hasSize(2);
    JsonNode retried = new ObjectMapper().readTree(sent.get(1).getBodyAsString());
    assertThat(retried.get("records")).hasSize(1);
    assertThat(retried.at("/records/0/id").asText()).isEqualTo("00Q5f000005bwLGEAY");
  }

  @Test
  void theCheckBeforeEachRequestRunsBeforeTheResendOfALockedRowAndCanStopIt() {
    SALESFORCE.stubFor(
        patch(urlEqualTo(COLLECTIONS))
            .inScenario("lock")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson("collections-update-lock.json"))
            .willSetStateTo("unlocked"));
    SALESFORCE.stubFor(
        patch(urlEqualTo(COLLECTIONS))
            .inScenario("lock")
            .whenScenarioStateIs("unlocked")
            .willReturn(okJson("collections-update-retried.json")));
    AtomicInteger checks = new AtomicInteger();
    Runnable leaseRunsOutAfterTheFirstRequest =
        () -> {
          if (checks.incrementAndGet() > 1) {
            throw new IllegalStateException("the lease ran out");
          }
        };

    assertThatThrownBy(
            () ->
                client.update(
                    "Lead",
                    List.of(
                        lead("00Q5f000005bwLFEAY", "005000000000001AAA"),
                        lead("00Q5f000005bwLGEAY", "005000000000002AAA")),
                    leaseRunsOutAfterTheFirstRequest))
        .hasMessage("the lease ran out");
    assertThat(checks).hasValue(2);
    SALESFORCE.verify(1, patchRequestedFor(urlEqualTo(COLLECTIONS)));
  }

  @Test
  void aRowStillLockedAfterMaxAttemptsIsReportedNotThrown() {
    SALESFORCE.stubFor(
        patch(urlEqualTo(COLLECTIONS))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "[{\"success\":false,\"errors\":[{\"statusCode\":\"UNABLE_TO_LOCK_ROW\","
                            + "\"message\":\"unable to obtain exclusive access\",\"fields\":[]}]}]")));

    List<SaveResult> results =
        client.update("Lead", List.of(lead("00Q5f000005bwLFEAY", "005000000000001AAA")));

    assertThat(results.get(0).failureKind()).contains(ErrorKind.RETRYABLE);
    SALESFORCE.verify(3, patchRequestedFor(urlEqualTo(COLLECTIONS)));
  }

  @Test
  void updatesGoInChunksOf200() throws Exception {
    List<Map<String, Object>> leads = new ArrayList<>();
    for (int i = 0; i < 450; i++) {
      leads.add(lead(String.format("00Q%015d", i), "005000000000001AAA"));
    }
    for (int first : new int[] {0, 200, 400}) {
      int size = Math.min(200, 450 - first);
      StringBuilder answer = new StringBuilder("[");
      for (int i = first; i < first + size; i++) {
        answer.append(i == first ? "" : ",");
        answer
            .append("{\"id\":\"")
            .append(leads.get(i).get("Id"))
            .append("\",\"success\":true,\"errors\":[]}");
      }
      SALESFORCE.stubFor(
          patch(urlEqualTo(COLLECTIONS))
              .withRequestBody(
                  matchingJsonPath("$.records[0].id", equalTo((String) leads.get(first).get("Id"))))
              .willReturn(aResponse().withStatus(200).withBody(answer.append("]").toString())));
    }

    List<SaveResult> results = client.update("Lead", leads);

    assertThat(results).hasSize(450).allSatisfy(result -> assertThat(result.success()).isTrue());
    assertThat(results.get(449).id()).contains(String.format("00Q%015d", 449));
    List<Integer> sizes = new ArrayList<>();
    for (LoggedRequest sent : SALESFORCE.findAll(patchRequestedFor(urlEqualTo(COLLECTIONS)))) {
      sizes.add(new ObjectMapper().readTree(sent.getBodyAsString()).get("records").size());
    }
    assertThat(sizes).containsExactly(200, 200, 50);
  }

  @Test
  void createPostsACollection() {
    SALESFORCE.stubFor(post(urlEqualTo(COLLECTIONS)).willReturn(okJson("collections-create.json")));
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("Subject", "Follow up within 30 minutes");
    task.put("WhoId", "00Q5f000005bwLFEAY");

    List<SaveResult> results =
        client.create("Task", List.of(task, Map.of("WhoId", "00Q5f000005bwLGEAY")));

    assertThat(results.get(0).id()).contains("00T5f00000AbCdEEAV");
    assertThat(results.get(1).failureKind()).contains(ErrorKind.PERMANENT);
    SALESFORCE.verify(
        1,
        postRequestedFor(urlEqualTo(COLLECTIONS))
            .withHeader("Sforce-Auto-Assign", equalTo("FALSE"))
            .withHeader("Sforce-Call-Options", equalTo("client=lead-router"))
            .withRequestBody(matchingJsonPath("$.records[0].attributes.type", equalTo("Task")))
            .withRequestBody(matchingJsonPath("$.records[0].id", absent())));
  }

  // ---- secrets --------------------------------------------------------------------------------

  @Test
  void nothingPrintableCarriesTheTokenOrSecret() {
    SALESFORCE.stubFor(firstPage().willReturn(json(401, "error-invalid-session.json")));
    SalesforceException e =
        catchThrowableOfType(SalesforceException.class, () -> client.query(SOQL).toList());
    AccessTokenSource tokens = injector.getInstance(AccessTokenSource.class);

    assertLeaksNothing(e);
    assertThat(tokens.token().toString()).doesNotContain(FIXTURE_TOKEN);
    assertThat(String.valueOf(client)).doesNotContain(FIXTURE_TOKEN).doesNotContain(SECRET);
    assertThat(String.valueOf(injector.getInstance(SalesforceSettings.class)))
        .doesNotContain(SECRET);
  }

  private static void assertLeaksNothing(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage()))
          .doesNotContain(FIXTURE_TOKEN)
          .doesNotContain("token-1")
          .doesNotContain(SECRET);
      assertThat(t.toString()).doesNotContain(FIXTURE_TOKEN).doesNotContain(SECRET);
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static Map<String, Object> lead(String id, String ownerId) {
    Map<String, Object> lead = new LinkedHashMap<>();
    lead.put("Id", id);
    lead.put("OwnerId", ownerId);
    lead.put("Routing_Rule__c", "Inbound");
    return lead;
  }

  private static com.github.tomakehurst.wiremock.client.MappingBuilder firstPage() {
    return get(urlPathEqualTo(QUERY_PATH)).withQueryParam("q", equalTo(SOQL));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder token(
      String value) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(
            Fixtures.read("oauth-client-credentials.json")
                .replace("https://acme.my.salesforce.com", SALESFORCE.baseUrl())
                .replace(FIXTURE_TOKEN, value));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(
      String fixture) {
    return Stubs.okJson(fixture, SALESFORCE.baseUrl());
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      int status, String fixture) {
    return Stubs.json(status, fixture, SALESFORCE.baseUrl());
  }
}
