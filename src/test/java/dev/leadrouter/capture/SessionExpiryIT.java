package dev.leadrouter.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.leadrouter.emulator.EmulatorTokens;
import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.faults.Faults;
import dev.leadrouter.emulator.org.Org;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The subscriber against the emulator's real CometD server while its access tokens expire every
 * second and some long polls are cut: each expiry ends the session ({@code 401::Authentication
 * invalid}), the subscriber signs in again, handshakes and must subscribe every channel again from
 * the last event it received. Events published on all four channels, many of them while a new
 * session is being set up, all arrive, each once.
 */
class SessionExpiryIT {

  private static final List<String> CHANNELS =
      List.of(
          "/data/LeadChangeEvent",
          "/data/AccountChangeEvent",
          "/data/ContactChangeEvent",
          "/data/TaskChangeEvent");
  private static final Map<String, String> ENTITY =
      Map.of(
          "/data/LeadChangeEvent", "Lead",
          "/data/AccountChangeEvent", "Account",
          "/data/ContactChangeEvent", "Contact",
          "/data/TaskChangeEvent", "Task");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private OrgServer org;
  private CdcSubscriber subscriber;
  private Thread drain;

  @BeforeEach
  void start() throws Exception {
    org =
        new OrgServer(
                OrgServer.Settings.defaults(Clock.systemUTC()), Org.small(Clock.systemUTC()), 7)
            .start();
  }

  @AfterEach
  void stop() throws Exception {
    if (drain != null) {
      drain.interrupt();
      drain.join();
    }
    if (subscriber != null) {
      subscriber.close();
    }
    org.close();
  }

  @Test
  void afterSeveralSessionExpiriesEveryChannelStillReceivesEveryEventOnce() throws Exception {
    SignIn signIn = new SignIn();
    subscriber =
        new CdcSubscriber(
            new SubscriberSettings(
                org.cometdUri(), CHANNELS, InitialReplay.NEW_ONLY, "lead-router", 16),
            signIn,
            new InMemoryCheckpointStore(),
            request -> {},
            malformed -> {},
            Clock.systemUTC());
    subscriber.start();
    await().atMost(WAIT).until(() -> subscriber.unsubscribedChannels().isEmpty());
    drain = new Thread(this::drain, "test-drain");
    drain.start();

    org.faults().set("session-expiry=1s,drop-poll=0.1");
    List<String> published = new CopyOnWriteArrayList<>();
    int expiries = 5;
    for (int round = 1; round <= expiries; round++) {
      // A steady stream, so that polls return and meet the expired token; the events published
      // right after a refresh reach a subscriber that is handshaking and subscribing again.
      int refreshed = round;
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(150))
          .until(
              () -> {
                published.addAll(publishOnEveryChannel());
                return signIn.refreshes.get() >= refreshed;
              });
      published.addAll(publishOnEveryChannel());
    }
    org.faults().set("none");

    await().atMost(WAIT).untilAsserted(() -> assertThat(received).containsAll(published));
    assertThat(org.faults().injected().getOrDefault(Faults.Kind.SESSION_EXPIRED, 0L))
        .as("session expiries injected")
        .isGreaterThanOrEqualTo(expiries);
    assertThat(received).as("each event once").containsExactlyInAnyOrderElementsOf(published);
    await().atMost(WAIT).until(() -> subscriber.unsubscribedChannels().isEmpty());
    assertThat(subscriber.refusedSubscribes()).isEmpty();
  }

  private List<String> publishOnEveryChannel() {
    List<String> keys = new ArrayList<>();
    for (String channel : CHANNELS) {
      long replayId = org.streaming().publish(channel, event(ENTITY.get(channel)));
      keys.add(channel + "#" + replayId);
    }
    return keys;
  }

  private void drain() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        ChangeEvent event = subscriber.poll(Duration.ofMillis(100));
        if (event != null) {
          received.add(event.channel() + "#" + event.replayId());
          subscriber.acknowledge(event);
        }
      }
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, Object> event(String entity) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("entityName", entity);
    header.put("recordIds", List.of("001000000000001AAA"));
    header.put("changeType", "UPDATE");
    header.put("changeOrigin", "com/salesforce/api/rest/62.0;client=someone-else");
    header.put("transactionKey", "00006948-0ac9-7da3-edb3-ea0e31b2334a");
    header.put("sequenceNumber", 1);
    header.put("commitTimestamp", 1714153780000L);
    header.put("commitNumber", 1100638524517L);
    header.put("commitUser", "0055f000005mc66AAA");
    header.put("changedFields", List.of("Name"));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("ChangeEventHeader", header);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("schema", "fl8pv4oUvtbyFAwJQO2NAQ");
    data.put("payload", payload);
    return data;
  }

  /**
   * Signs in at the emulator's token endpoint, again whenever the subscriber says the token died.
   */
  private final class SignIn implements AccessTokenSource {
    final AtomicInteger refreshes = new AtomicInteger();
    private volatile String token;

    @Override
    public synchronized String token() {
      if (token == null) {
        token = fetch();
      }
      return token;
    }

    @Override
    public synchronized void refresh(String stale) {
      refreshes.incrementAndGet();
      if (stale.equals(token)) {
        token = fetch();
      }
    }

    private String fetch() {
      try {
        return EmulatorTokens.clientCredentials(
            http, org, "3MVG9EmulatorLeadRouterClientId", "emulator-secret");
      } catch (Exception failed) {
        throw new IllegalStateException("sign-in at the emulator failed", failed);
      }
    }
  }
}
