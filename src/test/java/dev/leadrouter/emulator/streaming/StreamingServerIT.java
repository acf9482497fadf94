package dev.leadrouter.emulator.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator's bytes on the wire, as a client that is not ours sees them. */
class StreamingServerIT {

  private static final String LEADS = "/data/LeadChangeEvent";
  private static final String TOKEN = "00Dxx0000001gPL!AQ4AQFakeToken";

  private final ObjectMapper json = new ObjectMapper();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-08T09:30:00Z"));
  private final HttpClient http = new HttpClient();
  private StreamingServer server;

  @BeforeEach
  void start() throws Exception {
    server = new StreamingServer(StreamingServer.Settings.defaults(clock)).start();
    server.acceptToken(TOKEN);
    http.start();
  }

  @AfterEach
  void stop() throws Exception {
    http.stop();
    server.close();
  }

  @Test
  void aHandshakeConfirmsReplay() throws Exception {
    Map<String, Object> reply = handshake("OAuth " + TOKEN);

    assertThat(reply).containsEntry("successful", true).containsKey("clientId");
    assertThat(ext(reply)).containsEntry("replay", true).containsEntry("payload.format", true);
  }

  @Test
  void aHandshakeWithoutAKnownTokenIsDeniedAsAnOrgDeniesIt() throws Exception {
    for (String header : new String[] {null, "Bearer nope"}) {
      Map<String, Object> reply = handshake(header);

      assertThat(reply)
          .containsEntry("successful", false)
          .containsEntry("error", "403::Handshake denied");
      assertThat(ext(reply))
          .containsEntry("sfdc", Map.of("failureReason", "401::Authentication invalid"));
      assertThat(reply).containsEntry("advice", Map.of("reconnect", "none"));
    }
  }

  @Test
  void anExpiredReplayIdFailsTheSubscribeWithSalesforcesMessage() throws Exception {
    String clientId = (String) handshake(TOKEN).get("clientId");

    Map<String, Object> reply = subscribe(clientId, Map.of(LEADS, 82));

    assertThat(reply)
        .containsEntry("successful", false)
        .containsEntry(
            "error",
            "400::The replayId {82} you provided was invalid. Please provide a valid ID, -2 to"
                + " replay all events, or -1 to replay only new events.");
  }

  @Test
  void aReplayMapWithoutTheChannelFailsTheSubscribe() throws Exception {
    String clientId = (String) handshake(TOKEN).get("clientId");

    Map<String, Object> reply = subscribe(clientId, Map.of("/data/AccountChangeEvent", -1));

    assertThat(reply).containsEntry("successful", false);
    assertThat((String) reply.get("error"))
        .startsWith("400::The replayId for channel {" + LEADS + "} wasn't found");
  }

  @Test
  void retainedEventsArriveWithTheirReplayIdsOnTheNextConnect() throws Exception {
    long first = server.publish(LEADS, Map.of("schema", "s", "payload", Map.of("Status", "Open")));
    long second = server.publish(LEADS, Map.of("schema", "s", "payload", Map.of("Status", "New")));
    String clientId = (String) handshake(TOKEN).get("clientId");
    Map<String, Object> subscribed = subscribe(clientId, Map.of(LEADS, -2));
    assertThat(subscribed).as(subscribed.toString()).containsEntry("successful", true);

    List<Map<String, Object>> replies =
        post(
            TOKEN,
            Map.of(
                "channel", "/meta/connect",
                "clientId", clientId,
                "connectionType", "long-polling",
                "id", "3"));

    assertThat(replies)
        .filteredOn(message -> LEADS.equals(message.get("channel")))
        .extracting(message -> replayIdOf(message))
        .containsExactly(first, second);
  }

  /**
   * A subscriber far behind gets the backlog in batches, one per long poll, in order and complete:
   * one answer of every retained event was larger than a client buffers.
   */
  @Test
  void aLongBacklogArrivesInBatchesOfAtMostTwoPollsWorthEachInOrder() throws Exception {
    int events = ReplayDelivery.EVENTS_PER_POLL * 5 / 2;
    List<Long> published = new java.util.ArrayList<>();
    for (int i = 0; i < events; i++) {
      published.add(server.publish(LEADS, Map.of("schema", "s", "payload", Map.of("N", i))));
    }
    String clientId = (String) handshake(TOKEN).get("clientId");
    assertThat(subscribe(clientId, Map.of(LEADS, -2))).containsEntry("successful", true);

    List<Long> received = new java.util.ArrayList<>();
    for (int poll = 0; poll < 10 && received.size() < events; poll++) {
      List<Long> batch =
          post(
                  TOKEN,
                  Map.of(
                      "channel",
                      "/meta/connect",
                      "clientId",
                      clientId,
                      "connectionType",
                      "long-polling",
                      "id",
                      String.valueOf(10 + poll)))
              .stream()
              .filter(message -> LEADS.equals(message.get("channel")))
              .map(StreamingServerIT::replayIdOf)
              .toList();
      assertThat(batch.size()).isLessThanOrEqualTo(2 * ReplayDelivery.EVENTS_PER_POLL);
      received.addAll(batch);
    }

    assertThat(received).isEqualTo(published);
  }

  @Test
  void aRequestWithoutOrWithARevokedTokenIsRefusedWithAdviceToStop() throws Exception {
    String clientId = (String) handshake(TOKEN).get("clientId");
    Map<String, Object> connect =
        Map.of(
            "channel", "/meta/connect",
            "clientId", clientId,
            "connectionType", "long-polling",
            "id", "4");

    assertThat(post(null, connect).get(0))
        .containsEntry("successful", false)
        .containsEntry("error", "401::Request requires authentication");
    server.revokeToken(TOKEN);
    assertThat(post(TOKEN, connect).get(0))
        .containsEntry("error", "401::Authentication invalid")
        .containsEntry("advice", Map.of("reconnect", "none", "interval", 0));
  }

  @Test
  void clientsMayNotPublish() throws Exception {
    String clientId = (String) handshake(TOKEN).get("clientId");

    List<Map<String, Object>> replies =
        post(TOKEN, Map.of("channel", LEADS, "clientId", clientId, "data", Map.of(), "id", "9"));

    assertThat(replies.get(0)).containsEntry("successful", false);
  }

  private Map<String, Object> handshake(String authorization) throws Exception {
    return post(
            authorization,
            Map.of(
                "channel", "/meta/handshake",
                "version", "1.0",
                "minimumVersion", "1.0",
                "supportedConnectionTypes", List.of("long-polling"),
                "id", "1",
                "ext", Map.of("replay", true)))
        .get(0);
  }

  private Map<String, Object> subscribe(String clientId, Map<String, Object> replay)
      throws Exception {
    return post(
            TOKEN,
            Map.of(
                "channel",
                "/meta/subscribe",
                "subscription",
                LEADS,
                "clientId",
                clientId,
                "id",
                "2",
                "ext",
                Map.of("replay", replay)))
        .get(0);
  }

  private List<Map<String, Object>> post(String authorization, Map<String, Object> message)
      throws Exception {
    Request request =
        http.newRequest(server.cometdUri())
            .method(HttpMethod.POST)
            .timeout(10, TimeUnit.SECONDS)
            .body(
                new StringRequestContent(
                    "application/json", json.writeValueAsString(List.of(message))));
    if (authorization != null) {
      request.headers(headers -> headers.put("Authorization", authorization));
    }
    ContentResponse response = request.send();
    assertThat(response.getStatus()).isEqualTo(200);
    return json.readValue(response.getContentAsString(), new TypeReference<>() {});
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> ext(Map<String, Object> reply) {
    return (Map<String, Object>) reply.get("ext");
  }

  @SuppressWarnings("unchecked")
  private static long replayIdOf(Map<String, Object> message) {
    Map<String, Object> data = (Map<String, Object>) message.get("data");
    return ((Number) ((Map<String, Object>) data.get("event")).get("replayId")).longValue();
  }
}
