package dev.leadrouter.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.emulator.seed.DemoOrgGenerator;
import dev.leadrouter.lead.SalesforceId;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulated org the worker tests run against, with a web form that creates leads over REST the
 * way Web-to-Lead or a marketing tool does: no call options, assignment rules on.
 */
final class TestOrg implements AutoCloseable {

  static final String CLIENT_ID = "worker-test-client";
  static final String CLIENT_SECRET = "worker-test-secret";
  static final String INTEGRATION_USER = new SalesforceId("005Wk0000000001").value();
  static final String ANN = new SalesforceId("005Wk0000000002").value();
  static final String BO = new SalesforceId("005Wk0000000003").value();
  static final String INBOUND_QUEUE = new SalesforceId("00GWk0000000001").value();

  private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/");

  private final OrgServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String clientId;
  private final String clientSecret;
  private String token;

  TestOrg(Clock clock) throws Exception {
    this(
        Org.load(Path.of("src/test/resources/worker/seed.json"), clock),
        OrgServer.Settings.defaults(clock),
        CLIENT_ID,
        CLIENT_SECRET);
  }

  /** Another org, e.g. the demo org, signed in to with one of its connected apps. */
  TestOrg(Org org, OrgServer.Settings settings, String clientId, String clientSecret)
      throws Exception {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    server = new OrgServer(settings, org).start();
  }

  /**
   * The demo org ({@code DemoOrgGenerator}), with an API limit no test reaches, signed in to as its
   * connected app.
   */
  static TestOrg demo(Org demo, Clock clock) throws Exception {
    return new TestOrg(
        demo,
        OrgServer.Settings.defaults(clock).withDailyApiLimit(1_000_000),
        DemoOrgGenerator.CLIENT_ID,
        DemoOrgGenerator.CLIENT_SECRET);
  }

  /** The connected app the worker signs in as. */
  String clientId() {
    return clientId;
  }

  String clientSecret() {
    return clientSecret;
  }

  /** Changes a record as a user in Setup or another integration would (not as lead-router). */
  void update(String sobject, String id, Map<String, Object> fields) throws Exception {
    HttpResponse<String> response =
        send(
            "PATCH",
            "/services/data/v62.0/sobjects/" + sobject + "/" + id,
            json.writeValueAsString(fields));
    if (response.statusCode() != 204) {
      throw new IllegalStateException("update failed: " + response.body());
    }
  }

  OrgServer server() {
    return server;
  }

  URI instanceUrl() {
    return server.instanceUrl();
  }

  /** Creates one lead as a web form does; returns its id. */
  String createLead(Map<String, Object> fields) throws Exception {
    HttpResponse<String> response =
        send("POST", "/services/data/v62.0/sobjects/Lead", json.writeValueAsString(fields));
    if (response.statusCode() != 201) {
      throw new IllegalStateException("create failed: " + response.body());
    }
    return json.readTree(response.body()).get("id").asText();
  }

  /** Changes fields of a lead as a rep working it in the UI would (no call options). */
  void updateLead(String id, Map<String, Object> fields) throws Exception {
    HttpResponse<String> response =
        send("PATCH", "/services/data/v62.0/sobjects/Lead/" + id, json.writeValueAsString(fields));
    if (response.statusCode() != 204) {
      throw new IllegalStateException("update failed: " + response.body());
    }
  }

  /** Creates up to 200 leads in one sObject Collections call; returns their ids. */
  List<String> createLeads(List<Map<String, Object>> leads) throws Exception {
    List<Map<String, Object>> records = new ArrayList<>();
    for (Map<String, Object> lead : leads) {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("attributes", Map.of("type", "Lead"));
      record.putAll(lead);
      records.add(record);
    }
    HttpResponse<String> response =
        send(
            "POST",
            "/services/data/v62.0/composite/sobjects",
            json.writeValueAsString(Map.of("allOrNone", false, "records", records)));
    List<String> ids = new ArrayList<>();
    for (JsonNode result : json.readTree(response.body())) {
      ids.add(result.get("id").asText());
    }
    return ids;
  }

  /** API calls the org has counted so far (this probe included). */
  long apiUsage() throws Exception {
    HttpResponse<String> response =
        send("GET", "/services/data/v62.0/sobjects/User/" + INTEGRATION_USER, null);
    String header = response.headers().firstValue("Sforce-Limit-Info").orElseThrow();
    Matcher m = API_USAGE.matcher(header);
    if (!m.find()) {
      throw new IllegalStateException("no api-usage in " + header);
    }
    return Long.parseLong(m.group(1));
  }

  /** The lead as the org holds it (read in-process, so it costs no API call). */
  Map<String, Object> lead(String id) {
    return server.org().data().find(SObjectType.LEAD, id).orElseThrow();
  }

  /** Publishes a change event of our own making, e.g. a duplicate or a malformed one. */
  long publish(Map<String, Object> data) {
    return server.streaming().publish(WorkerModule.LEAD_CHANNEL, data);
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.instanceUrl() + path))
            .header("Authorization", "Bearer " + token())
            .header("Content-Type", "application/json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private synchronized String token() throws Exception {
    if (token == null) {
      String form =
          "grant_type=client_credentials&client_id="
              + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
              + "&client_secret="
              + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(server.instanceUrl() + "/services/oauth2/token"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      token = json.readTree(response.body()).get("access_token").asText();
    }
    return token;
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
