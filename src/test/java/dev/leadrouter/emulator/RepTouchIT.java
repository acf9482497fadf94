package dev.leadrouter.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.emulator.rest.RepTouchPlan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cometd.bayeux.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Simulated reps touching their leads on a real emulated org, seen by a plain CometD subscriber as
 * an org's UI edits are: a Lead UPDATE of Status by the owner, with no API change origin.
 */
class RepTouchIT {

  private static final String CLIENT_ID = "3MVG9EmulatorLeadRouterClientId";
  private static final String SECRET = "emulator-secret";

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private OrgServer server;
  private LeadEventListener listener;
  private String token;

  @BeforeEach
  void start() throws Exception {
    Clock clock = Clock.systemUTC();
    server = new OrgServer(OrgServer.Settings.defaults(clock), Org.small(clock)).start();
    token = token();
    listener = LeadEventListener.subscribe(server.cometdUri(), token);
  }

  @AfterEach
  void stop() throws Exception {
    listener.close();
    server.close();
  }

  @Test
  void theOwnerTouchesAUserOwnedLeadAndNobodyTouchesAQueuesLead() throws Exception {
    // Equal delays: the queue's lead would be touched before the user's, whose touch we await.
    server.repTouch(RepTouchPlan.parse("200ms..200ms"));
    String ann = server.org().userId("ann.lee@emulator.lead-router.dev").orElseThrow();
    String queued = createLead("Queue", null, true);
    String owned = createLead("Owned", ann, false);
    assertThat(server.org().data().find(SObjectType.LEAD, queued).orElseThrow().get("OwnerId"))
        .asString()
        .startsWith("00G");

    Message touch =
        await().atMost(Duration.ofSeconds(10)).until(() -> touchOf(owned), t -> t != null);

    Map<String, Object> header = LeadEventListener.header(touch);
    assertThat(header)
        .containsEntry("changeType", "UPDATE")
        .containsEntry("commitUser", ann)
        .containsEntry("changeOrigin", "");
    assertThat((String) header.get("changeOrigin")).doesNotContain("client=lead-router");
    assertThat(payload(touch)).containsEntry("Status", "Working - Contacted");
    assertThat(touchOf(queued)).isNull();
    assertThat(server.org().data().find(SObjectType.LEAD, queued).orElseThrow())
        .containsEntry("Status", "Open - Not Contacted");
  }

  @Test
  void aLeadReassignedBeforeItsTouchIsTouchedOnceByTheNewOwner() throws Exception {
    server.repTouch(RepTouchPlan.parse("1s..1s"));
    String ann = server.org().userId("ann.lee@emulator.lead-router.dev").orElseThrow();
    String bo = server.org().userId("bo.chen@emulator.lead-router.dev").orElseThrow();
    String lead = createLead("Moved", ann, false);
    HttpResponse<String> moved =
        send("PATCH", "/sobjects/Lead/" + lead, "{\"OwnerId\":\"" + bo + "\"}", false);
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(204);

    Message touch =
        await().atMost(Duration.ofSeconds(10)).until(() -> touchOf(lead), t -> t != null);

    assertThat(LeadEventListener.header(touch)).containsEntry("commitUser", bo);
    // Bo's touch came one second after his assignment, Ann's (superseded) one would have come
    // first.
    assertThat(touches(lead)).hasSize(1);
  }

  @Test
  void withoutAPlanNobodyTouches() throws Exception {
    String ann = server.org().userId("ann.lee@emulator.lead-router.dev").orElseThrow();
    String lead = createLead("Untouched", ann, false);
    // A marker write after the lead's creation: once its event arrives, a touch would have too.
    server.repTouch(RepTouchPlan.parse("0s..0s"));
    String marker = createLead("Marker", ann, false);
    await().atMost(Duration.ofSeconds(10)).until(() -> touchOf(marker), t -> t != null);
    assertThat(touchOf(lead)).isNull();
  }

  private Message touchOf(String leadId) {
    List<Message> found = touches(leadId);
    return found.isEmpty() ? null : found.get(0);
  }

  private List<Message> touches(String leadId) {
    return listener.events().stream()
        .filter(e -> "UPDATE".equals(LeadEventListener.header(e).get("changeType")))
        .filter(e -> recordIds(e).contains(leadId))
        .filter(e -> "Working - Contacted".equals(payload(e).get("Status")))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> payload(Message event) {
    return (Map<String, Object>) event.getDataAsMap().get("payload");
  }

  private static List<?> recordIds(Message event) {
    Object ids = LeadEventListener.header(event).get("recordIds");
    return ids instanceof Object[] array ? List.of(array) : (List<?>) ids;
  }

  private String createLead(String lastName, String ownerId, boolean autoAssign) throws Exception {
    String body =
        "{\"LastName\":\""
            + lastName
            + "\",\"Company\":\"Touch Co\",\"Status\":\"Open - Not Contacted\""
            + (ownerId == null ? "" : ",\"OwnerId\":\"" + ownerId + "\"")
            + "}";
    HttpResponse<String> response = send("POST", "/sobjects/Lead", body, autoAssign);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json.readTree(response.body()).get("id").asText();
  }

  private HttpResponse<String> send(String method, String path, String body, boolean autoAssign)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.instanceUrl() + "/services/data/v62.0" + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (!autoAssign) {
      request.header("Sforce-Auto-Assign", "FALSE");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String token() throws Exception {
    return EmulatorTokens.clientCredentials(http, server, CLIENT_ID, SECRET);
  }
}
