package dev.leadrouter.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.emulator.EmulatorTokens;
import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.testing.MutableClock;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each injected fault as a client sees it over real HTTP. Error bodies follow
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm (REST),
 * https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/asynch_api_reference_errors.htm
 * (Bulk 1.0) and
 * https://developer.salesforce.com/docs/atlas.en-us.api_streaming.meta/api_streaming/streaming_api_error_codes.htm
 * (CometD).
 */
class FaultsIT {

  private static final String CLIENT_ID = "3MVG9EmulatorLeadRouterClientId";
  private static final String SECRET = "emulator-secret";

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-08T09:30:00Z"));
  private OrgServer server;

  @BeforeEach
  void start() throws Exception {
    server = new OrgServer(OrgServer.Settings.defaults(clock), Org.small(clock), 42).start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void lockedRowsFailPerRecordInCollectionsAndAsAnErrorOnASingleUpdate() throws Exception {
    String token = token();
    List<String> leads = leadIds(token);
    server.faults().set("lock=1");

    HttpResponse<String> collection =
        send(
            "PATCH",
            "/composite/sobjects",
            token,
            "{\"allOrNone\":false,\"records\":[{\"attributes\":{\"type\":\"Lead\"},\"id\":\""
                + leads.get(0)
                + "\",\"Status\":\"Working - Contacted\"}]}");
    HttpResponse<String> single =
        send("PATCH", "/sobjects/Lead/" + leads.get(1), token, "{\"Rating\":\"Hot\"}");

    assertThat(collection.statusCode()).isEqualTo(200);
    JsonNode error = json.readTree(collection.body()).get(0);
    assertThat(error.get("success").asBoolean()).isFalse();
    assertThat(error.at("/errors/0/statusCode").asText()).isEqualTo("UNABLE_TO_LOCK_ROW");
    assertThat(error.at("/errors/0/message").asText())
        .isEqualTo(
            "unable to obtain exclusive access to this record or 1 records: " + leads.get(0));
    assertThat(single.statusCode()).isEqualTo(400);
    assertThat(json.readTree(single.body()).at("/0/errorCode").asText())
        .isEqualTo("UNABLE_TO_LOCK_ROW");
    assertThat(server.faults().injected()).containsEntry(Faults.Kind.LOCK, 2L);

    server.faults().set("none");
    assertThat(
            send("PATCH", "/sobjects/Lead/" + leads.get(1), token, "{\"Rating\":\"Hot\"}")
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  void aBurstAnswers503ThenTheOrgServesAgain() throws Exception {
    String token = token();
    server.faults().set("503-burst=2/1h");

    HttpResponse<String> first = send("GET", "/sobjects/Lead/" + "00QEm0000000001", token, null);
    HttpResponse<String> second =
        send("GET", "/query?q=" + encode("SELECT Id FROM Lead"), token, null);
    HttpResponse<String> third =
        send("GET", "/query?q=" + encode("SELECT Id FROM Lead"), token, null);

    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(json.readTree(first.body()).at("/0/errorCode").asText())
        .isEqualTo("SERVER_UNAVAILABLE");
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(third.statusCode()).isEqualTo(200);
  }

  @Test
  void aRateLimitWindowAnswersRequestLimitExceededOnRestAndBulk() throws Exception {
    String token = token();
    server.faults().set("rate-limit=1h/1h");

    HttpResponse<String> rest =
        send("GET", "/query?q=" + encode("SELECT Id FROM Lead"), token, null);
    HttpResponse<String> bulk = bulk(token);

    assertThat(rest.statusCode()).isEqualTo(403);
    assertThat(rest.body())
        .isEqualTo(
            "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
    assertThat(rest.headers().firstValue("Sforce-Limit-Info")).isPresent();
    assertThat(bulk.statusCode()).isEqualTo(403);
    assertThat(bulk.body()).contains("<exceptionCode>ExceededQuota</exceptionCode>");
  }

  @Test
  void bulkCallsCountAgainstTheDailyBudget() throws Exception {
    String token = token();
    String before =
        send("GET", "/query?q=" + encode("SELECT Id FROM Lead"), token, null)
            .headers()
            .firstValue("Sforce-Limit-Info")
            .orElseThrow();
    bulk(token);
    String after =
        send("GET", "/query?q=" + encode("SELECT Id FROM Lead"), token, null)
            .headers()
            .firstValue("Sforce-Limit-Info")
            .orElseThrow();

    assertThat(before).startsWith("api-usage=1/");
    assertThat(after).startsWith("api-usage=3/");
  }

  @Test
  void anExpiredSessionIsRefusedByRestBulkAndStreaming() throws Exception {
    server.faults().set("session-expiry=5m");
    String token = token();
    String clientId = (String) cometd(token, handshake()).get("clientId");
    assertThat(send("GET", "/query?q=" + encode("SELECT Id FROM Lead"), token, null).statusCode())
        .isEqualTo(200);

    clock.advance(Duration.ofMinutes(5));
    // The sweeper ends the session without any REST call, so streaming learns of it on its own.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> server.faults().injected().containsKey(Faults.Kind.SESSION_EXPIRED));
    Map<String, Object> connect =
        cometd(
            token,
            Map.of(
                "channel",
                "/meta/connect",
                "clientId",
                clientId,
                "connectionType",
                "long-polling",
                "id",
                "2"));
    HttpResponse<String> rest =
        send("GET", "/query?q=" + encode("SELECT Id FROM Lead"), token, null);
    HttpResponse<String> bulk = bulk(token);

    assertThat(connect)
        .containsEntry("successful", false)
        .containsEntry("error", "401::Authentication invalid");
    assertThat(rest.statusCode()).isEqualTo(401);
    assertThat(rest.body())
        .isEqualTo(
            "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
    assertThat(bulk.statusCode()).isEqualTo(400);
    assertThat(bulk.body()).contains("<exceptionCode>InvalidSessionId</exceptionCode>");
    // A new sign-in works again, as after a real expiry.
    assertThat(send("GET", "/query?q=" + encode("SELECT Id FROM Lead"), token(), null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void latencyDelaysEveryAnswer() throws Exception {
    String token = token();
    server.faults().set("latency=300ms");

    long started = System.nanoTime();
    send("GET", "/query?q=" + encode("SELECT Id FROM Lead"), token, null);
    long tookMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(tookMillis).isGreaterThanOrEqualTo(300);
  }

  @Test
  void theAdminEndpointShowsAndChangesFaultsAndRejectsBadLists() throws Exception {
    URI admin = URI.create(server.instanceUrl() + "/emulator/faults");
    HttpResponse<String> set =
        http.send(
            HttpRequest.newBuilder(admin)
                .PUT(HttpRequest.BodyPublishers.ofString("lock=0.5,latency=1ms"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> bad =
        http.send(
            HttpRequest.newBuilder(admin)
                .PUT(HttpRequest.BodyPublishers.ofString("lock=3"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> shown =
        http.send(
            HttpRequest.newBuilder(admin).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("invalid fault 'lock=3'");
    assertThat(json.readTree(shown.body()).get("faults").asText())
        .isEqualTo("lock=0.5,latency=1ms");
    assertThat(server.faults().plan().lockRate()).isEqualTo(0.5);
  }

  private HttpResponse<String> bulk(String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.instanceUrl() + "/services/async/62.0/job"))
            .header("X-SFDC-Session", token)
            .header("Content-Type", "application/xml")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "<jobInfo xmlns=\"http://www.force.com/2009/06/asyncapi/dataload\">"
                        + "<operation>update</operation><object>Lead</object>"
                        + "<contentType>CSV</contentType></jobInfo>"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> handshake() {
    return Map.of(
        "channel",
        "/meta/handshake",
        "version",
        "1.0",
        "minimumVersion",
        "1.0",
        "supportedConnectionTypes",
        List.of("long-polling"),
        "id",
        "1");
  }

  private Map<String, Object> cometd(String token, Map<String, Object> message) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(server.cometdUri())
                .header("Authorization", "OAuth " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(json.writeValueAsString(List.of(message))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> replies = json.readValue(response.body(), List.class);
    return replies.get(0);
  }

  private List<String> leadIds(String token) throws Exception {
    JsonNode records =
        json.readTree(send("GET", "/query?q=" + encode("SELECT Id FROM Lead"), token, null).body())
            .get("records");
    return List.of(records.get(0).get("Id").asText(), records.get(1).get("Id").asText());
  }

  private String token() throws Exception {
    return EmulatorTokens.clientCredentials(http, server, CLIENT_ID, SECRET);
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.instanceUrl() + "/services/data/v62.0" + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String soql) {
    return URLEncoder.encode(soql, StandardCharsets.UTF_8);
  }
}
