package dev.leadrouter.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import dev.leadrouter.config.AuthMethod;
import dev.leadrouter.config.ClockModule;
import dev.leadrouter.config.SalesforceSettings;
import dev.leadrouter.config.Secret;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.salesforce.ErrorKind;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.salesforce.SalesforceModule;
import dev.leadrouter.salesforce.SaveResult;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cometd.bayeux.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our REST client and a plain CometD client against the emulated org, over real sockets. Payload
 * shapes follow https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/ and
 * https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_message_structure.htm.
 */
class OrgServerIT {

  private static final String CLIENT_ID = "3MVG9EmulatorLeadRouterClientId";
  private static final String SECRET = "emulator-secret";

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private OrgServer server;
  private RestClient rest;

  @BeforeEach
  void start() throws Exception {
    Clock clock = Clock.systemUTC();
    server =
        new OrgServer(OrgServer.Settings.defaults(clock).withQueryBatchSize(2), Org.small(clock))
            .start();
    SalesforceSettings settings =
        new SalesforceSettings(
            server.instanceUrl(),
            Optional.empty(),
            "62.0",
            AuthMethod.CLIENT_CREDENTIALS,
            Optional.of(CLIENT_ID),
            Optional.empty(),
            Optional.empty(),
            Optional.of(new Secret(SECRET)),
            Optional.empty(),
            "lead-router");
    rest =
        Guice.createInjector(
                new ClockModule(clock),
                new SalesforceModule(),
                new AbstractModule() {
                  @Override
                  protected void configure() {
                    bind(SalesforceSettings.class).toInstance(settings);
                  }
                })
            .getInstance(RestClient.class);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void queriesPageByPageThroughNextRecordsUrl() throws Exception {
    List<JsonNode> leads =
        rest.query("SELECT Id, LastName FROM Lead WHERE LeadSource != 'Web' ORDER BY LastName DESC")
            .toList();
    assertThat(leads).extracting(l -> l.get("LastName").asText()).containsExactly("Wei", "Ortiz");

    // Three leads in pages of two: the first page points at the rest.
    Map<String, Object> first = getJson("/query?q=" + encode("SELECT Id FROM Lead"), token());
    assertThat(first).containsEntry("totalSize", 3).containsEntry("done", false);
    Map<String, Object> second = getJson((String) first.get("nextRecordsUrl"), token());
    assertThat(second).containsEntry("done", true);
    assertThat((List<?>) second.get("records")).hasSize(1);
  }

  @Test
  void updatesThroughCollectionsReportEachRecordAndKeepTheOwnerWeSet() {
    List<String> ids = rest.query("SELECT Id FROM Lead").map(l -> l.get("Id").asText()).toList();
    String ann = server.org().userId("ann.lee@emulator.lead-router.dev").orElseThrow();

    List<SaveResult> results =
        rest.update(
            "Lead",
            List.of(
                Map.of("Id", ids.get(0), "OwnerId", ann),
                Map.of("Id", "00Qnot-an-id", "OwnerId", ann),
                Map.of("Id", ids.get(1), "OwnerId", ann)));

    assertThat(results).extracting(SaveResult::success).containsExactly(true, false, true);
    assertThat(results.get(1).failureKind()).hasValue(ErrorKind.PERMANENT);
    assertThat(results.get(1).errors().get(0).code()).isEqualTo("MALFORMED_ID");
    // The client sends Sforce-Auto-Assign: FALSE, so the assignment rule leaves our owner alone.
    assertThat(server.org().data().find(SObjectType.LEAD, ids.get(0)).orElseThrow())
        .containsEntry("OwnerId", ann);
  }

  @Test
  void allOrNoneWritesNothingWhenOneRecordFails() throws Exception {
    String lead = rest.query("SELECT Id FROM Lead").findFirst().orElseThrow().get("Id").asText();
    // Request and result shapes: resources_composite_sobjects_collections_update.htm
    String body =
        "{\"allOrNone\":true,\"records\":["
            + "{\"attributes\":{\"type\":\"Lead\"},\"id\":\""
            + lead
            + "\",\"Status\":\"Working - Contacted\"},"
            + "{\"attributes\":{\"type\":\"Lead\"},\"id\":\""
            + lead
            + "\",\"OwnerId\":\"005000000000000AAA\"}]}";

    HttpResponse<String> response = send("PATCH", "/composite/sobjects", token(), body);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode results = json.readTree(response.body());
    assertThat(results.get(0).path("errors").get(0).path("statusCode").asText())
        .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
    assertThat(results.get(1).path("errors").get(0).path("statusCode").asText())
        .isEqualTo("INVALID_CROSS_REFERENCE_KEY");
    assertThat(server.org().data().find(SObjectType.LEAD, lead).orElseThrow())
        .containsEntry("Status", "Open - Not Contacted");
  }

  @Test
  void aClientThatForgetsAutoAssignFalseSeesTheAssignmentRuleOwner() throws Exception {
    String ann = server.org().userId("ann.lee@emulator.lead-router.dev").orElseThrow();
    HttpResponse<String> created =
        send(
            "POST",
            "/sobjects/Lead",
            token(),
            "{\"LastName\":\"Kim\",\"Company\":\"Umbrella\",\"OwnerId\":\"" + ann + "\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = json.readTree(created.body()).get("id").asText();

    assertThat(server.org().data().find(SObjectType.LEAD, id).orElseThrow().get("OwnerId"))
        .isEqualTo(server.org().leadAssignmentOwner().orElseThrow());
  }

  @Test
  void answersErrorsInSalesforcesEnvelopeWithTheLimitHeader() throws Exception {
    HttpResponse<String> unknownField =
        send("GET", "/query?q=" + encode("SELECT Shoe_Size__c FROM Lead"), token(), null);
    assertThat(unknownField.statusCode()).isEqualTo(400);
    assertThat(unknownField.body()).contains("\"errorCode\":\"INVALID_FIELD\"");
    assertThat(unknownField.headers().firstValue("Sforce-Limit-Info"))
        .hasValueSatisfying(v -> assertThat(v).matches("api-usage=\\d+/15000"));

    HttpResponse<String> noSession = send("GET", "/query?q=SELECT+Id+FROM+Lead", "nope", null);
    assertThat(noSession.statusCode()).isEqualTo(401);
    assertThat(noSession.body())
        .contains("INVALID_SESSION_ID")
        .contains("Session expired or invalid");

    HttpResponse<String> badClient =
        http.send(
            HttpRequest.newBuilder(URI.create(server.instanceUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id="
                            + CLIENT_ID
                            + "&client_secret=x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(badClient.statusCode()).isEqualTo(400);
    assertThat(badClient.body()).contains("\"error\":\"invalid_client\"");
  }

  @Test
  void aLeadCreatedThroughRestArrivesAsAChangeEventNamingTheClient() throws Exception {
    try (LeadEventListener listener = LeadEventListener.subscribe(server.cometdUri(), token())) {
      List<Message> events = listener.events();

      String id =
          rest.create("Lead", List.of(Map.of("LastName", "Okafor", "Company", "Hooli")))
              .get(0)
              .id()
              .orElseThrow();

      await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
      Map<String, Object> payload = events.get(0).getDataAsMap();
      @SuppressWarnings("unchecked")
      Map<String, Object> header =
          (Map<String, Object>)
              ((Map<String, Object>) payload.get("payload")).get("ChangeEventHeader");
      assertThat(header)
          .containsEntry("changeType", "CREATE")
          .containsEntry("entityName", "Lead")
          .containsEntry("changeOrigin", "com/salesforce/api/rest/62.0;client=lead-router");
      Object recordIds = header.get("recordIds");
      assertThat(recordIds instanceof Object[] array ? List.of(array) : (List<?>) recordIds)
          .containsExactly(id);
      assertThat(((Map<?, ?>) payload.get("event")).get("replayId")).isNotNull();
    }
  }

  private String token() throws Exception {
    return EmulatorTokens.clientCredentials(http, server, CLIENT_ID, SECRET);
  }

  private Map<String, Object> getJson(String path, String token) throws Exception {
    HttpResponse<String> response = send("GET", path, token, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readValue(response.body(), new TypeReference<>() {});
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    String url =
        path.startsWith("/services/")
            ? server.instanceUrl() + path
            : server.instanceUrl() + "/services/data/v62.0" + path;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String soql) {
    return URLEncoder.encode(soql, StandardCharsets.UTF_8);
  }
}
