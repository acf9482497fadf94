package dev.leadrouter.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.emulator.faults.Faults;
import dev.leadrouter.emulator.org.Org;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.cometd.bayeux.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CometD Java client (not ours) keeps receiving change events while the emulator stalls or cuts
 * its long polls: events published meanwhile wait in its session and arrive after it reconnects.
 */
class StreamingFaultsIT {

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private OrgServer server;

  @BeforeEach
  void start() throws Exception {
    Clock clock = Clock.systemUTC();
    server = new OrgServer(OrgServer.Settings.defaults(clock), Org.small(clock), 42).start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void survivesDroppedLongPolls() throws Exception {
    assertSurvives("drop-poll=1", Faults.Kind.DROPPED_POLL);
  }

  @Test
  void survivesStalledLongPolls() throws Exception {
    assertSurvives("stall-poll=1/500ms", Faults.Kind.STALLED_POLL);
  }

  private void assertSurvives(String faults, Faults.Kind kind) throws Exception {
    String token = token();
    try (LeadEventListener listener = LeadEventListener.subscribe(server.cometdUri(), token)) {
      server.faults().set(faults);
      // Ends the poll held since before the fault, so the client's next polls meet it.
      String before = createLead(token, "Before");
      await().atMost(Duration.ofSeconds(10)).until(() -> ids(listener.events()).contains(before));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> server.faults().injected().getOrDefault(kind, 0L) >= 2);

      String during = createLead(token, "During");
      server.faults().set("none");
      String after = createLead(token, "After");

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> ids(listener.events()).containsAll(List.of(during, after)));
      assertThat(ids(listener.events())).containsExactly(before, during, after);
    }
  }

  private static List<String> ids(List<Message> events) {
    return events.stream()
        .map(LeadEventListener::header)
        .map(header -> header.get("recordIds"))
        .map(ids -> ids instanceof Object[] array ? array[0] : ((List<?>) ids).get(0))
        .map(Objects::toString)
        .toList();
  }

  private String createLead(String token, String lastName) throws Exception {
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(server.instanceUrl() + "/services/data/v62.0/sobjects/Lead"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"LastName\":\"" + lastName + "\",\"Company\":\"Hooli\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).get("id").asText();
  }

  private String token() throws Exception {
    return EmulatorTokens.clientCredentials(
        http, server, "3MVG9EmulatorLeadRouterClientId", "emulator-secret");
  }
}
