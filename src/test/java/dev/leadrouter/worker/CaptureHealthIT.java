package dev.leadrouter.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.leadrouter.admin.Health;
import dev.leadrouter.admin.HealthIndicator;
import dev.leadrouter.admin.HealthStatus;
import dev.leadrouter.capture.AccessTokenSource;
import dev.leadrouter.capture.CdcSubscriber;
import dev.leadrouter.capture.InMemoryCheckpointStore;
import dev.leadrouter.capture.InitialReplay;
import dev.leadrouter.capture.SubscriberSettings;
import dev.leadrouter.emulator.streaming.StreamingServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /health}'s capture check against a real CometD server: a channel whose subscribe the
 * server refuses receives nothing, so the check is DOWN and names it until a retry stands.
 */
class CaptureHealthIT {

  private static final List<String> CHANNELS =
      List.of(WorkerModule.LEAD_CHANNEL, MatchIndexes.ACCOUNT_CHANNEL);
  private static final Duration WAIT = Duration.ofSeconds(15);

  private StreamingServer server;
  private CdcSubscriber subscriber;

  @BeforeEach
  void start() throws Exception {
    Clock clock = Clock.systemUTC();
    StreamingServer.Settings defaults = StreamingServer.Settings.defaults(clock);
    server =
        new StreamingServer(
                new StreamingServer.Settings(
                    0,
                    "62.0",
                    Duration.ofSeconds(2),
                    defaults.retention(),
                    defaults.firstReplayId(),
                    clock))
            .start();
    server.acceptToken("token");
  }

  @AfterEach
  void stop() throws Exception {
    if (subscriber != null) {
      subscriber.close();
    }
    server.close();
  }

  @Test
  void aChannelWhoseSubscribeIsRefusedIsDownUntilItIsSubscribed() throws Exception {
    // Both first subscribes and the first retries are refused: about 0.3 s of refusals.
    server.failNextSubscribes(4, "403::subscribe_failed");
    AccessTokenSource token =
        new AccessTokenSource() {
          @Override
          public String token() {
            return "token";
          }

          @Override
          public void refresh(String stale) {}
        };
    subscriber =
        new CdcSubscriber(
            new SubscriberSettings(
                server.cometdUri(), CHANNELS, InitialReplay.NEW_ONLY, "lead-router", 16),
            token,
            new InMemoryCheckpointStore(),
            request -> {},
            malformed -> {},
            Clock.systemUTC());
    HealthIndicator capture = WorkerHealth.capture(subscriber);
    subscriber.start();

    Health refused =
        await()
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(10))
            .until(capture::check, health -> health.status() == HealthStatus.DOWN);
    assertThat(refused.detail()).contains("403::subscribe_failed");

    await().atMost(WAIT).until(() -> capture.check().status() == HealthStatus.UP);
    assertThat(subscriber.unsubscribedChannels()).isEmpty();
  }
}
